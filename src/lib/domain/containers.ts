import type { Token } from './types';

/**
 * Containers separate users and tokens for management; "the virtual server has a default
 * container into which users and tokens are automatically placed" (thalesdocs.com/sta/operator/
 * users/container). The sandbox has only that one. Sandbox choice: it is called "Default".
 */
export const DEFAULT_CONTAINER = 'Default';

/** The container the Token List shows for a token: always its virtual server's default one. */
export function containerOf(_token: Pick<Token, 'serverId'>): string {
	return DEFAULT_CONTAINER;
}
