import { describe, expect, it } from 'vitest';
import { provisionCommand } from '$lib/store/provisioning-commands';
import { testDb } from '$lib/store/test-db';
import { auditActions, auditPage } from './audit';

describe('audit reads', () => {
	it('list the action names of one server from the index, as a scan of its events does', async () => {
		const db = await testDb();
		await provisionCommand(db, 'acme', ['acme-u20']);
		await provisionCommand(db, 'acme', []);
		const scan = async (serverId: string) => [
			...new Set((await db.audit.where('serverId').equals(serverId).toArray()).map((e) => e.action))
		];
		const acme = await auditActions(db, 'acme');
		expect(acme.length).toBeGreaterThan(0);
		expect(acme).toEqual((await scan('acme')).sort());
		expect(await auditActions(db, 'globex')).toEqual((await scan('globex')).sort());
		expect(await auditActions(db, 'nowhere')).toEqual([]);
	});

	it('page the trail newest first, filtered by action', async () => {
		const db = await testDb();
		await provisionCommand(db, 'acme', ['acme-u20']);
		const all = await auditPage(db, 'acme', { user: '', serial: '', action: '' }, 0);
		expect(all.total).toBeGreaterThan(0);
		const at = all.events.map((e) => e.at);
		expect(at).toEqual([...at].sort((a, b) => b - a));
		const action = all.events[0].action;
		const one = await auditPage(db, 'acme', { user: '', serial: '', action }, 0);
		expect(one.events.every((e) => e.action === action)).toBe(true);
		expect(one.total).toBe(all.events.filter((e) => e.action === action).length);
	});
});
