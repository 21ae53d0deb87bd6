import { buildPackagesInBackground } from './scorm-server';

/**
 * Once per run, before the workers start; what it returns runs once after them. A run of
 * chosen files builds the SCORM packages only if it has the SCORM spec (a guess from the command
 * line: a wrong guess costs time, never a result, as the SCORM tests build what is missing).
 */
export default function globalSetup() {
	const args = process.argv.slice(process.argv.indexOf('test') + 1);
	const filters = args.filter((a) => !a.startsWith('-'));
	if (filters.length && !filters.some((f) => f.includes('scorm'))) return;
	return buildPackagesInBackground();
}
