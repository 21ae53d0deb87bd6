/**
 * The reference model of the model-based tests: what each token's state, user and failed
 * sign-in count should be, kept by its own small rules rather than by the store's code, and
 * the Inventory count per virtual server that follows from it. Compared with the store after
 * every step.
 */
import { LIFECYCLE, canTransition, type TokenAction } from '$lib/domain/lifecycle';
import type { TokenState, World } from '$lib/domain/types';

export interface ModelToken {
	serverId: string;
	state: TokenState;
	userId: string | null;
	failed: number;
}

export class TokenModel {
	readonly tokens = new Map<string, ModelToken>();
	readonly threshold = new Map<string, number>();

	constructor(world: World) {
		for (const s of world.servers) this.threshold.set(s.id, s.lockoutThreshold);
		for (const t of world.tokens)
			this.tokens.set(t.serial, {
				serverId: t.serverId,
				state: t.state,
				userId: t.userId,
				failed: t.failedCount
			});
	}

	inventory(serverId: string): string[] {
		return [...this.tokens]
			.filter(([, t]) => t.serverId === serverId && t.state === 'Inventory')
			.map(([s]) => s)
			.sort();
	}

	/** Whether the lifecycle table allows `action` on the token as the model knows it. */
	allows(serial: string, action: TokenAction): boolean {
		const t = this.tokens.get(serial);
		return !!t && canTransition(t.state, action);
	}

	/** Applies an accepted lifecycle action: the state it leads to, and what it clears. */
	apply(serial: string, action: TokenAction, userId?: string) {
		const t = this.tokens.get(serial)!;
		t.state = LIFECYCLE[action].to;
		if (t.state === 'Inventory' || t.state === 'Lost/Faulty') t.userId = null;
		if (action === 'provision') t.userId = userId ?? null;
		if (['unlock', 'enroll', 'provision'].includes(action) || t.userId === null) t.failed = 0;
	}

	/** A wrong passcode counts against every Active token of the user; at the threshold it locks. */
	wrongCode(userId: string) {
		for (const t of this.tokens.values())
			if (t.userId === userId && t.state === 'Active') {
				t.failed++;
				if (t.failed >= (this.threshold.get(t.serverId) ?? 5)) t.state = 'Locked';
			}
	}

	/** The user's Active tokens: the ones a sign-in may use. */
	usable(userId: string): string[] {
		return [...this.tokens]
			.filter(([, t]) => t.userId === userId && t.state === 'Active')
			.map(([s]) => s);
	}

	/** Differences between the model and the store's tokens, as readable lines. */
	compare(world: World): string[] {
		const out: string[] = [];
		if (world.tokens.length !== this.tokens.size)
			out.push(`model has ${this.tokens.size} tokens, the store ${world.tokens.length}`);
		for (const t of world.tokens) {
			const m = this.tokens.get(t.serial);
			if (!m) out.push(`token ${t.serial} is not in the model`);
			else if (m.state !== t.state || m.userId !== t.userId || m.failed !== t.failedCount)
				out.push(
					`token ${t.serial}: model ${m.state}/${m.userId}/${m.failed}, store ${t.state}/${t.userId}/${t.failedCount}`
				);
		}
		for (const s of world.servers) {
			const store = world.tokens.filter((t) => t.serverId === s.id && t.state === 'Inventory');
			if (store.length !== this.inventory(s.id).length)
				out.push(`${s.id}: Inventory ${store.length}, model ${this.inventory(s.id).length}`);
		}
		return out;
	}
}
