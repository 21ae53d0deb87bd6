/**
 * Building blocks for step checks, in the data model's terms (see types.ts of the domain):
 * a MobilePASS+ enrollment is a Token {Active, MobilePASS+} plus a Completed Enrollment and an
 * AppToken on the user's phone; revoking to inventory leaves Token {Inventory, userId null}.
 */
import { enrollmentStatus } from '$lib/domain/provisioning';
import type { Enrollment, Token } from '$lib/domain/types';
import type { WorldView } from './types';

export function phoneOf(w: WorldView, userId: string) {
	return w.phones.find((p) => p.ownerId === userId);
}

/** The user's enrollments that still count (the operator did not remove them). */
export function liveEnrollments(w: WorldView, userId: string): readonly Enrollment[] {
	return w.enrollments.filter((e) => e.userId === userId && e.status !== 'Removed');
}

export function isProvisioned(w: WorldView, userId: string): boolean {
	return liveEnrollments(w, userId).length > 0;
}

/** An Active MobilePASS+ token, enrolled through its provisioning-task line, held by the phone. */
export function plusToken(w: WorldView, userId: string): Readonly<Token> | undefined {
	const phone = phoneOf(w, userId);
	return w.tokens.find(
		(t) =>
			t.userId === userId &&
			t.state === 'Active' &&
			t.app === 'MobilePASS+' &&
			w.enrollments.some(
				(e) =>
					e.serial === t.serial &&
					e.userId === userId &&
					(e.status === 'Enrolled' || e.status === 'Completed')
			) &&
			w.appTokens.some(
				(a) => a.serial === t.serial && a.phoneId === phone?.id && a.app === 'MobilePASS+'
			)
	);
}

export function onMobilePassPlus(w: WorldView, userId: string): boolean {
	return plusToken(w, userId) !== undefined;
}

/** The serial of the MobilePASS 8 token on the user's phone: the app keeps it after a revoke. */
export function mp8Serial(w: WorldView, userId: string): string | undefined {
	const phone = phoneOf(w, userId);
	return w.appTokens.find((a) => a.phoneId === phone?.id && a.app === 'MobilePASS 8')?.serial;
}

/**
 * The user's old MobilePASS 8 token was revoked and returned to inventory: it has no user, or
 * it was reused for someone else since; it was not marked Lost/Faulty.
 */
export function mp8Returned(w: WorldView, userId: string): boolean {
	const serial = mp8Serial(w, userId);
	const token = w.tokens.find((t) => t.serial === serial);
	if (!token) return false;
	return token.userId !== userId && token.state !== 'Lost/Faulty';
}

/** Still holds an Active MobilePASS 8 token. */
export function onMobilePass8(w: WorldView, userId: string): boolean {
	return w.tokens.some(
		(t) => t.userId === userId && t.state === 'Active' && t.app === 'MobilePASS 8'
	);
}

export function groupMembers(w: WorldView, groupId: string): string[] {
	return w.users.filter((u) => u.groupIds.includes(groupId)).map((u) => u.id);
}

/**
 * An enrollment whose link has expired and can be renewed: still open (stored Active), but its
 * task's stop date has passed. The status is the domain's `enrollmentStatus`, as the console shows it.
 */
export function expiredEnrollment(w: WorldView, userId: string): Enrollment | undefined {
	return w.enrollments.find(
		(e) => e.userId === userId && e.status === 'Active' && viewOf(w, e) === 'Expired'
	);
}

/**
 * An enrollment the user can still use: the console shows it Active (`enrollmentStatus`, so the
 * self-enrollment page accepts its link) and the user has an email whose stated expiry has not
 * passed either (same boundary: a link is good up to and including its stop date). A new stop
 * date alone leaves the old email's date behind: the step wants the email resent.
 */
export function usableEnrollment(w: WorldView, userId: string): Enrollment | undefined {
	return w.enrollments.find(
		(e) =>
			e.userId === userId &&
			viewOf(w, e) === 'Active' &&
			w.mail.some(
				(m) => m.enrollmentCode === e.code && m.expiresAt !== null && w.now <= m.expiresAt
			)
	);
}

/** The line's status as Provisioning Task Management shows it, or undefined without its task. */
function viewOf(w: WorldView, e: Enrollment) {
	const task = w.tasks.find((t) => t.id === e.taskId);
	return task && enrollmentStatus(e, task, w.now);
}

export function countWhere(ids: readonly string[], test: (id: string) => boolean) {
	return { done: ids.filter(test).length, total: ids.length };
}
