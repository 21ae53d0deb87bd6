import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
 * A certificate for 127.0.0.1 that lasts a day, made with `openssl`; null without it. The
 * browsers that use it are told to accept it (`--ignore-certificate-errors`): no other address
 * is served with it.
 */
export function localCertificate() {
	const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'));
	try {
		const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
		const made = spawnSync(
			'openssl',
			['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
				.concat(['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'])
				.concat(['-addext', 'subjectAltName=IP:127.0.0.1']),
			{ stdio: 'ignore' }
		);
		return made.status === 0 ? { key: readFileSync(key), cert: readFileSync(cert) } : null;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * `build/` served as a static host serves it: `/tokens` is `tokens.html`, text is gzipped,
 * hashed assets under `_app/immutable/` are cached for a year, anything else falls back to
 * `404.html`, and, given a certificate (`tls`), over HTTP/2 with TLS as GitHub Pages, Netlify
 * and Cloudflare Pages serve every site. Lighthouse measures what a reader gets from them, not
 * from a development server that sends every byte uncompressed, one request at a time on each
 * of six HTTP/1.1 connections.
 */
export function startStaticServer(root, port, { tls = null } = {}) {
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
	const handle = async (req, res) => {
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
	};
	const server = tls
		? createSecureServer({ ...tls, allowHTTP1: true }, handle)
		: createServer(handle);
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
