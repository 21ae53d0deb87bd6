import type { Instant, PushRequest, PushStatus } from './types';

/** A push request waits this long (simulated) for an answer. */
export const PUSH_TIMEOUT = 60_000;

/**
 * A request's status now: a Pending one past its deadline reads Expired, like enrollment links.
 * In a module of its own: the phone watches for requests on every screen, at first load.
 */
export function pushStatus(request: PushRequest, at: Instant): PushStatus {
	return request.status === 'Pending' && at > request.expiresAt ? 'Expired' : request.status;
}
