import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * `build/` served as a static host serves it: `/tokens` is `tokens.html`, text is gzipped,
 * hashed assets under `_app/immutable/` are cached for a year, anything else falls back to
 * `404.html`. Lighthouse measures what a reader gets from GitHub Pages or Netlify, not from a
 * development server that sends every byte uncompressed.
 */
export function startStaticServer(root, port) {
	const cache = new Map();
	async function file(path) {
		for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
			try {
				if ((await stat(candidate)).isFile()) return candidate;
			} catch {
				/* try the next */
			}
		}
		return null;
	}
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const path = normalize(join(root, decodeURIComponent(url.pathname)));
		if (!path.startsWith(normalize(root))) return res.writeHead(403).end();
		const found = await file(path);
		const served = found ?? join(root, '404.html');
		const key = `${served}@${(await stat(served)).mtimeMs}`;
		let body = cache.get(key);
		if (!body) {
			const raw = await readFile(served);
			const type = TYPES[extname(served)] ?? 'application/octet-stream';
			const compress = /^(text|application\/(json|manifest))|svg/.test(type);
			body = { type, data: compress ? gzipSync(raw, { level: 9 }) : raw, compress };
			cache.set(key, body);
		}
		res.writeHead(found ? 200 : 404, {
			'content-type': body.type,
			...(body.compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
			'cache-control': url.pathname.includes('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		});
		res.end(body.data);
	});
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
