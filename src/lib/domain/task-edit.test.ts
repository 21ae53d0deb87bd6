import { describe, expect, it } from 'vitest';
import { DAY } from './clock';
import type { Change } from './outcome';
import { editTask, type EditTaskInput } from './task-edit';
import { fixture } from './test-fixtures';
import type { Enrollment, TableName, Token, User } from './types';

const rows = (o: { ok: boolean; changes?: Change[] }, table: TableName) =>
	(o.changes ?? []).flatMap((c) => (c.table === table && 'put' in c ? [c.put] : []));

function input(over: Partial<EditTaskInput> = {}): EditTaskInput {
	const f = fixture();
	const user2: User = { ...f.user, id: 'acme-u2', userId: 'bsilva', email: 'b@acme.example' };
	const token2: Token = { ...f.token, serial: '2222222222', userId: user2.id };
	const line2: Enrollment = {
		...f.enrollment,
		id: 'e2',
		userId: user2.id,
		email: user2.email,
		serial: token2.serial,
		code: 'code-2'
	};
	return {
		server: f.server,
		task: f.task,
		lines: [f.enrollment, line2],
		remove: [],
		notify: false,
		stopDate: null,
		tokens: [f.token, token2],
		users: [f.user, user2],
		at: f.at,
		...over
	};
}

describe('Provisioning Task Management > Edit', () => {
	it('removes the selected users: tokens back to Inventory, lines Removed, one audit row', () => {
		const o = editTask(input({ remove: ['e1', 'e2'] }));
		expect(o.ok).toBe(true);
		expect(rows(o, 'tokens')).toMatchObject([
			{ state: 'Inventory', userId: null },
			{ state: 'Inventory', userId: null }
		]);
		expect(rows(o, 'enrollments')).toMatchObject([{ status: 'Removed' }, { status: 'Removed' }]);
		expect(rows(o, 'mail')).toEqual([]);
		expect(o.ok && o.audit).toHaveLength(1);
		expect(o.ok && o.audit[0].detail).toMatch(/Removed ang .*, bsilva/);
	});

	it('optionally emails the removed users that their enrollment was cancelled', () => {
		const o = editTask(input({ remove: ['e2'], notify: true }));
		const mail = rows(o, 'mail');
		expect(mail).toHaveLength(1);
		expect(mail[0]).toMatchObject({
			userId: 'acme-u2',
			subject: 'SafeNet MobilePASS token enrollment cancelled',
			enrollmentCode: null
		});
	});

	it('sets a new stop date, alone or with removals, in one change', () => {
		const f = fixture();
		const stopDate = f.at + 10 * DAY;
		const o = editTask(input({ stopDate, remove: ['e1'] }));
		expect(rows(o, 'tasks')).toEqual([{ ...f.task, stopDate }]);
		expect(rows(o, 'enrollments')).toHaveLength(1);
	});

	it('refuses, changing nothing: nothing to change, a past stop date, an enrolled user', () => {
		const f = fixture();
		const none = editTask(input());
		expect(none.ok).toBe(false);
		if (!none.ok) expect(none.reason).toMatch(/Nothing to change in task 1/);
		const past = editTask(input({ stopDate: f.at - DAY, remove: ['e1'] }));
		expect(past.ok).toBe(false);
		if (!past.ok) expect(past.reason).toMatch(/stop date must be after/);
		const i = input({ remove: ['e1', 'e2'] });
		i.lines[1] = { ...i.lines[1], status: 'Enrolled' };
		const enrolled = editTask(i);
		expect(enrolled.ok).toBe(false);
		if (!enrolled.ok) {
			expect(enrolled.reason).toMatch(/bsilva cannot be removed from task 1: .*enrolled/);
			expect(enrolled.audit.action).toBe('Edit provisioning task');
		}
		expect(editTask(input({ task: undefined, remove: ['e1'] })).ok).toBe(false);
	});
});
