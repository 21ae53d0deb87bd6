import { describe, expect, it } from 'vitest';
import { enrollmentMail } from '$lib/domain/enrollment-mail';
import { enrollmentStatus } from '$lib/domain/provisioning';
import { deadLink } from '$lib/domain/enrollment';
import { fixture } from '$lib/domain/test-fixtures';
import type { Instant } from '$lib/domain/types';
import { expiredEnrollment, usableEnrollment } from './checks';
import { VIEW_TABLES, type WorldView } from './types';

/** A world with the fixture's task, its Active line and the enrollment email, seen at `now`. */
function viewAt(now: Instant): WorldView {
	const f = fixture();
	const empty = Object.fromEntries(VIEW_TABLES.map((t) => [t, []])) as unknown as WorldView;
	const mail = enrollmentMail(f.server, f.user, f.enrollment, f.task, f.task.startDate);
	return {
		...empty,
		servers: [f.server],
		users: [f.user],
		tokens: [f.token],
		tasks: [f.task],
		enrollments: [f.enrollment],
		mail: [mail],
		now
	};
}

describe('scenario checks use the domain’s enrollment status', () => {
	const f = fixture();
	const stop = f.task.stopDate;

	it('at the stop date itself the link still works, as the console and the enrollment page say', () => {
		const w = viewAt(stop);
		expect(enrollmentStatus(f.enrollment, f.task, stop)).toBe('Active');
		expect(deadLink(f.enrollment, f.task, stop)).toBeNull();
		expect(usableEnrollment(w, f.user.id)?.id).toBe(f.enrollment.id);
		expect(expiredEnrollment(w, f.user.id)).toBeUndefined();
	});

	it('one millisecond after the stop date the line is Expired and renewable', () => {
		const w = viewAt(stop + 1);
		expect(enrollmentStatus(f.enrollment, f.task, stop + 1)).toBe('Expired');
		expect(usableEnrollment(w, f.user.id)).toBeUndefined();
		expect(expiredEnrollment(w, f.user.id)?.id).toBe(f.enrollment.id);
	});

	it('a later stop date alone leaves the email’s stated date behind: resending makes it usable', () => {
		const w = viewAt(stop + 1);
		const task = { ...f.task, stopDate: stop + 10 };
		const moved = { ...w, tasks: [task] };
		expect(enrollmentStatus(f.enrollment, task, stop + 1)).toBe('Active');
		expect(usableEnrollment(moved, f.user.id)).toBeUndefined();
		const resent = enrollmentMail(f.server, f.user, f.enrollment, task, stop + 1);
		expect(usableEnrollment({ ...moved, mail: [...w.mail, resent] }, f.user.id)?.id).toBe(
			f.enrollment.id
		);
	});

	it('without an email carrying the link the user cannot use it', () => {
		const w = { ...viewAt(stop), mail: [] };
		expect(usableEnrollment(w, f.user.id)).toBeUndefined();
	});
});
