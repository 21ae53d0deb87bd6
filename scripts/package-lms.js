/**
 * `npm run package:lms`: builds the sandbox with relative paths (LMS_PACKAGE=1, see
 * svelte.config.js) into build-lms/site, then writes one SCORM 1.2 and one SCORM 2004 package
 * (build-lms/sta-token-sandbox-scorm12.zip, …-scorm2004.zip) with one SCO per built-in scenario.
 * The manifest itself is written by src/lib/training/lms/manifest.ts (unit-tested there).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'build-lms');
const site = join(out, 'site');

/** Every file under dir, as forward-slash paths relative to it, sorted. */
function listFiles(dir) {
	const files = [];
	const walk = (d) => {
		for (const name of readdirSync(d)) {
			const path = join(d, name);
			if (statSync(path).isDirectory()) walk(path);
			else files.push(relative(dir, path).split(sep).join('/'));
		}
	};
	walk(dir);
	return files.sort();
}

/** The scenarios and the manifest writer are TypeScript: Vite loads them as the app does. */
async function loadModules() {
	const server = await createServer({
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, watch: null }
	});
	try {
		const catalog = await server.ssrLoadModule('/src/lib/scenarios/catalog.ts');
		const manifest = await server.ssrLoadModule('/src/lib/training/lms/manifest.ts');
		const versions = await server.ssrLoadModule('/src/lib/training/lms/versions.ts');
		const scenarios = await catalog.loadAllScenarios();
		const scos = scenarios.map((s) => ({ id: s.id, title: s.title, description: s.summary }));
		return { scos, buildManifest: manifest.buildManifest, versions: versions.LMS_VERSIONS };
	} finally {
		await server.close();
	}
}

export async function packageLms({ build = true } = {}) {
	if (build) {
		rmSync(out, { recursive: true, force: true });
		execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, LMS_PACKAGE: '1' }
		});
	}
	mkdirSync(out, { recursive: true });
	const files = listFiles(site);
	const { scos, buildManifest, versions } = await loadModules();
	const contents = Object.fromEntries(files.map((f) => [f, readFileSync(join(site, f))]));
	const results = [];
	for (const version of versions) {
		const manifest = buildManifest(version, scos, files);

		const zip = zipSync({ 'imsmanifest.xml': strToU8(manifest), ...contents }, { level: 9 });
		const path = join(out, `sta-token-sandbox-${version}.zip`);
		writeFileSync(path, zip);
		results.push({ version, path: relative(root, path), bytes: zip.length });
	}
	return { scos, files: files.length, results };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const { scos, files, results } = await packageLms({
		build: !process.argv.includes('--no-build')
	});
	for (const r of results)
		console.log(`${r.path}: ${(r.bytes / 1024).toFixed(0)} KB, ${files} files + imsmanifest.xml`);
	console.log(`SCOs (${scos.length}):`);
	for (const s of scos) console.log(`  ${s.id}: ${s.title}`);
}
