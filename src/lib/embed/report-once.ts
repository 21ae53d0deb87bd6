/**
 * Embeds that share a world (same page, same `id`) all see each step the reader completes; the
 * host must hear of it once. The first embed to claim the event reports it. The claim lives in
 * sessionStorage, which same-origin frames of one tab share, and is taken synchronously (the
 * frames share one event loop), so two embeds cannot both win. Without storage each embed has
 * a world of its own in memory, so nothing is shared and every claim succeeds.
 */
const PREFIX = 'sta-token-sandbox-embed-reported';

export function claimReport(world: string, event: string): boolean {
	const key = `${PREFIX}:${world}:${event}`;
	try {
		if (sessionStorage.getItem(key) !== null) return false;
		sessionStorage.setItem(key, '1');
	} catch {
		/* no storage: no shared world either */
	}
	return true;
}
