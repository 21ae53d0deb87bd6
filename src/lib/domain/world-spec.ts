/** What a world is built from; kept apart from the generator so pages can name sizes cheaply. */
export interface WorldSpec {
	seed: string;
	/** Users in the first virtual server (Acme Corp), from 1 to 10,000. */
	users: number;
}

export const DEFAULT_SEED = 'acme-demo';

export const WORLD_SIZES = {
	demo: { users: 25, label: 'Demo (25 users)' },
	large: { users: 10_000, label: 'Large demo (10,000 users, 20,000 tokens)' }
} as const;
export type WorldSize = keyof typeof WORLD_SIZES;

export const DEMO_SPEC: WorldSpec = { seed: DEFAULT_SEED, users: WORLD_SIZES.demo.users };
