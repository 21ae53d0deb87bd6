/**
 * World file actions of the model-based tests: export and import again (the world must come back
 * exactly), and import of a damaged or contradictory copy (refused, the world untouched).
 */
import fc from 'fast-check';
import { parseWorldFile, type WorldFile } from '$lib/world-files/world-file';
import { exportWorldFile, importWorldFile } from '../world-file-io';
import type { ActionDef } from './ctx';

const DAMAGE = [
	'clock far in the future',
	'Inventory token naming a user',
	'MobilePASS 8 token with Push OTP Enabled',
	'serial twice',
	'__proto__ field',
	'10,000-character serial',
	'101st scenario run broken'
] as const;
type Damage = (typeof DAMAGE)[number];

/** A copy of the file with one thing wrong; falls back to the clock when the world lacks a case. */
function damage(snap: WorldFile, kind: Damage): string {
	const s = structuredClone(snap);
	const inventory = s.world.tokens.find((t) => t.state === 'Inventory');
	const mp8 = s.world.tokens.find((t) => t.app === 'MobilePASS 8');
	if (kind === 'Inventory token naming a user' && inventory) inventory.userId = s.world.users[0].id;
	else if (kind === 'MobilePASS 8 token with Push OTP Enabled' && mp8) mp8.pushOtp = 'Enabled';
	else if (kind === 'serial twice') s.world.tokens.push({ ...s.world.tokens[0] });
	else if (kind === '10,000-character serial') s.world.tokens[0].serial = '7'.repeat(10_000);
	else if (kind === '__proto__ field')
		return JSON.stringify(s).replace('"users":[{', '"users":[{"__proto__":{"admin":true},');
	else if (kind === '101st scenario run broken')
		s.scenarioRuns = Array.from({ length: 101 }, (_, i) => ({
			scenarioId: `s${i}`,
			startedAt: s.clock.simAt,
			startedSimAt: s.clock.simAt,
			steps: i === 100 ? ('broken' as never) : [],
			finishedAt: null,
			finishedSimAt: null
		}));
	else s.clock.simAt = 1e300;
	return JSON.stringify(s);
}

export const worldFileActions = {
	exportImport: {
		arb: fc.constant(null),
		kind: 'local',
		async run(ctx) {
			const parsed = parseWorldFile(JSON.stringify(await exportWorldFile(ctx.db)));
			if (!parsed.ok)
				return {
					result: { ok: false, reason: parsed.problems.join(' ') },
					mismatch: [`the store's own export was refused: ${parsed.problems.join(' ')}`]
				};
			const result = await importWorldFile(ctx.db, parsed.worldFile);
			return { result, sameWorld: true };
		}
	} satisfies ActionDef<null>,

	importDamaged: {
		arb: fc.constantFrom(...DAMAGE),
		kind: 'local',
		async run(ctx, kind) {
			const parsed = parseWorldFile(damage(await exportWorldFile(ctx.db), kind));
			if (parsed.ok) {
				// Only reached when the validator misses it: import, so the invariants see it too.
				const result = await importWorldFile(ctx.db, parsed.worldFile);
				return { result, mismatch: [`a file with ${kind} was accepted`] };
			}
			return { result: { ok: true, message: 'refused as it should be' } };
		}
	} satisfies ActionDef<Damage>
};
