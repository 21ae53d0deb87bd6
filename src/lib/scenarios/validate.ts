import { AUDIENCES, VIEW_TABLES, type Scenario } from './types';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Checks a scenario's shape when it is loaded: content is data written by hand, and a typo in a
 * step id or a missing check would otherwise show up only when a trainee reached that step.
 * Returns the problems, empty when the scenario is sound.
 */
export function validateScenario(s: unknown): string[] {
	const problems: string[] = [];
	const at = (where: string, what: string) => problems.push(`${where}: ${what}`);
	if (!s || typeof s !== 'object') return ['The scenario is not an object.'];
	const sc = s as Partial<Scenario>;
	const name = typeof sc.id === 'string' ? `Scenario "${sc.id}"` : 'Scenario';
	if (typeof sc.id !== 'string' || !ID.test(sc.id)) at(name, 'id must be kebab-case');
	for (const field of ['title', 'summary'] as const)
		if (typeof sc[field] !== 'string' || !sc[field]!.trim()) at(name, `${field} is empty`);
	if (!AUDIENCES.includes(sc.audience as never))
		at(name, `audience must be one of ${AUDIENCES.join(', ')}`);
	if (!Number.isInteger(sc.minutes) || sc.minutes! < 1 || sc.minutes! > 240)
		at(name, 'minutes must be a whole number from 1 to 240');
	const start = sc.start;
	if (!start || typeof start.seed !== 'string' || !start.seed) at(name, 'start.seed is missing');
	else if (!Number.isInteger(start.users) || start.users < 1 || start.users > 10_000)
		at(name, 'start.users must be from 1 to 10,000');
	else if (start.prepare !== undefined && typeof start.prepare !== 'function')
		at(name, 'start.prepare must be a function');
	if (!Array.isArray(sc.steps) || sc.steps.length === 0) {
		at(name, 'has no steps');
		return problems;
	}
	const ids = new Set<string>();
	sc.steps.forEach((step, i) => {
		const where = `${name} step ${i + 1}${typeof step?.id === 'string' ? ` "${step.id}"` : ''}`;
		if (!step || typeof step !== 'object') return at(where, 'is not an object');
		if (typeof step.id !== 'string' || !ID.test(step.id)) at(where, 'id must be kebab-case');
		else if (ids.has(step.id)) at(where, 'id is used twice');
		else ids.add(step.id);
		for (const field of ['instruction', 'why', 'hint', 'notes'] as const)
			if (typeof step[field] !== 'string' || !step[field].trim()) at(where, `${field} is empty`);
		if (typeof step.check !== 'function') at(where, 'check must be a function');
		if (!Array.isArray(step.reads) || step.reads.some((t: never) => !VIEW_TABLES.includes(t)))
			at(where, `reads must list tables among ${VIEW_TABLES.join(', ')}`);
		if (step.target !== undefined && (typeof step.target !== 'string' || !step.target.trim()))
			at(where, 'target must be a selector or tour:name');
		for (const fn of ['progress', 'doItForMe'] as const)
			if (step[fn] !== undefined && typeof step[fn] !== 'function')
				at(where, `${fn} must be a function`);
	});
	return problems;
}

/** Throws, naming the problems, if a scenario does not validate. */
export function assertValidScenario(s: unknown): Scenario {
	const problems = validateScenario(s);
	if (problems.length) throw new Error(`Invalid scenario. ${problems.slice(0, 5).join('; ')}`);
	return s as Scenario;
}
