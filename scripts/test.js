// `npm test`: every check. The static checks, the unit tests and the build run in two lanes side
// by side (CI has two cores and each of them mostly uses one), then the end-to-end tests against
// the build. A lane's output is printed whole when each of its stages ends, with its time, so
// the two never interleave; the first failure stops the run with that stage's output.
import { spawn, spawnSync } from 'node:child_process';

const LANES = [
	['check', 'lint'],
	['test:unit', 'build']
];

/** The stages running now, stopped when another fails. */
const running = new Set();

/** Runs `npm run <script>`; resolves with its output, its time and whether it passed. */
function run(script, stdio = 'pipe') {
	const started = Date.now();
	// A process group of its own, so that stopping it stops what npm started too.
	const child = spawn('npm', ['run', script], { stdio, detached: true });
	running.add(child);
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	return new Promise((resolve) => {
		child.on('close', (code) => {
			running.delete(child);
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			resolve({ script, ok: code === 0, output, seconds });
		});
	});
}

function stopAll() {
	for (const child of running) process.kill(-child.pid, 'SIGTERM');
}
// Ctrl-C reaches this process only (the stages have their own process groups): pass it on.
process.on('SIGINT', () => {
	stopAll();
	process.exit(130);
});

function fail(result) {
	process.stdout.write(result.output);
	console.error(`\n✘ ${result.script} failed after ${result.seconds} s`);
	stopAll();
	process.exit(1);
}

// Generated types first, once: the lanes' tools all read them.
if (spawnSync('npx', ['svelte-kit', 'sync'], { stdio: 'inherit' }).status !== 0) process.exit(1);

await Promise.all(
	LANES.map(async (lane) => {
		for (const script of lane) {
			const result = await run(script);
			if (!result.ok) fail(result);
			process.stdout.write(result.output);
			console.log(`✔ ${script} passed in ${result.seconds} s\n`);
		}
	})
);

const e2e = await run('test:e2e', 'inherit');
console.log(`${e2e.ok ? '✔' : '✘'} test:e2e ${e2e.ok ? 'passed' : 'failed'} in ${e2e.seconds} s`);
process.exit(e2e.ok ? 0 : 1);
