/**
 * For the SCORM tests: the two packages as `npm run package:lms` writes them (built here, by one
 * worker, when missing or older than the sources), unzipped in memory and served, beside the test learning
 * platform (tests/scorm-host/) and scorm-again, from one origin as a platform serves its content.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { unzipSync } from 'fflate';

export const STANDARDS = ['scorm12', 'scorm2004'] as const;
export type Standard = (typeof STANDARDS)[number];

const root = join(import.meta.dirname, '..');
export const zipPath = (std: Standard) => join(root, 'build-lms', `sta-token-sandbox-${std}.zip`);

function newest(path: string): number {
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Both packages exist and are newer than everything they are built from. */
function packagesFresh() {
	const sources = ['src', 'static', 'svelte.config.js', 'scripts/package-lms.js', 'package.json'];
	const since = Math.max(...sources.map((s) => newest(join(root, s))));
	return STANDARDS.every((std) => existsSync(zipPath(std)) && newest(zipPath(std)) > since);
}

/** Held (a directory, made atomically) by the one worker that builds the packages. */
const LOCK = join(
	tmpdir(),
	`sta-sandbox-lms-${createHash('sha1').update(root).digest('hex').slice(0, 8)}.lock`
);

function lockHolderGone() {
	try {
		process.kill(Number(readFileSync(join(LOCK, 'pid'), 'utf8')), 0);
		return false;
	} catch (e) {
		// No pid file yet (the holder has just made the lock), or no such process any more.
		return (e as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

/**
 * Builds the packages unless they are fresh. The SCORM tests run on every worker, so the first
 * worker to get here builds, once per run, and the others wait until the zips are fresh.
 */
export async function ensurePackages() {
	while (!packagesFresh()) {
		try {
			mkdirSync(LOCK);
		} catch {
			if (lockHolderGone()) rmSync(LOCK, { recursive: true, force: true });
			else await new Promise((resolve) => setTimeout(resolve, 1_000)); // a poll on the zips
			continue;
		}
		try {
			writeFileSync(join(LOCK, 'pid'), String(process.pid));
			if (!packagesFresh())
				execFileSync('node', ['scripts/package-lms.js'], { cwd: root, stdio: 'inherit' });
		} finally {
			rmSync(LOCK, { recursive: true, force: true });
		}
	}
}

/**
 * Starts `npm run package:lms`'s build in the background, holding the lock, when the packages are
 * stale (on a clean clone: always). Called by the run's global setup, so that the build runs
 * beside the first tests; else the first worker to reach a SCORM test built them while the other
 * waited for them, idle (30 s of one worker in CI). ensurePackages waits for it, or builds itself
 * if it failed. Returns what stops a build still running at the end of the run.
 */
export function buildPackagesInBackground(): () => void {
	if (packagesFresh()) return () => {};
	try {
		mkdirSync(LOCK);
	} catch {
		return () => {}; // a build is under way already
	}
	const child = spawn(process.execPath, ['scripts/package-lms.js'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	writeFileSync(join(LOCK, 'pid'), String(child.pid));
	const unlock = () => rmSync(LOCK, { recursive: true, force: true });
	child.on('exit', unlock);
	return () => {
		if (child.exitCode === null && child.signalCode === null) child.kill();
		unlock();
	};
}

export function unzipPackage(std: Standard): Record<string, Uint8Array> {
	return unzipSync(readFileSync(zipPath(std)));
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.webmanifest': 'application/manifest+json'
};

export async function startLmsServer(): Promise<{ url: string; server: Server }> {
	const packages = Object.fromEntries(STANDARDS.map((std) => [std, unzipPackage(std)]));
	const host = join(root, 'tests', 'scorm-host');
	const scormAgain = join(root, 'node_modules', 'scorm-again', 'dist');
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let body: Uint8Array | undefined;
		const lms = path.match(/^\/lms\/(scorm12|scorm2004)\/(.*)$/);
		if (lms) body = packages[lms[1]][lms[2]];
		else if (path.startsWith('/host/scorm-again/'))
			body = readIfExists(join(scormAgain, path.slice('/host/scorm-again/'.length)));
		else if (path.startsWith('/host/')) body = readIfExists(join(host, path.slice(6)));
		if (!body || path.includes('..')) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
		res.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { url: `http://127.0.0.1:${port}`, server };
}

function readIfExists(path: string): Uint8Array | undefined {
	return existsSync(path) && statSync(path).isFile() ? readFileSync(path) : undefined;
}
