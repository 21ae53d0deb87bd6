/**
 * What every action of the model-based tests shares: the context a step runs in, an action's
 * shape, and the small helpers that pick targets by index from the world as it is at that step.
 */
import fc from 'fast-check';
import type { AuditKind } from '$lib/domain/invariants';
import type { World } from '$lib/domain/types';
import type { SandboxDB } from '../db';
import type { CommandResult } from '../execute';
import type { TokenModel } from './reference';

export interface Ctx {
	db: SandboxDB;
	/** The world as the previous step left it. */
	world: World;
	now: number;
	/** The fake wall clock the store reads (setRealNow). */
	real: { t: number };
	model: TokenModel;
}

/** What a step did: its result, and what the model expected that the store did not do. */
export interface StepOutcome {
	result: CommandResult;
	mismatch?: string[];
	/** The world must be exactly as before (an export imported again). */
	sameWorld?: boolean;
}

export interface ActionDef<P> {
	arb: fc.Arbitrary<P>;
	/** How the store audits it; `local` for what leaves no audit row (phone settings, clock). */
	kind: AuditKind;
	weight?: number;
	/** Runs it; undefined when there is nothing to act on now (the step does nothing). */
	run(ctx: Ctx, p: P): Promise<StepOutcome | undefined>;
}

export const pick = <T>(items: readonly T[], i: number): T | undefined =>
	items.length ? items[i % items.length] : undefined;
export const idx = fc.nat(50);
export const expectOk = (result: CommandResult, want: boolean, what: string) =>
	result.ok === want
		? []
		: [
				`${what}: the model expected ${want ? 'success' : 'a refusal'}, the store said ${JSON.stringify(result)}`
			];
export const phoneOf = (w: World, userId: string) => w.phones.find((p) => p.ownerId === userId);
