import { inPage, waitForSandbox } from './hook';
import { provisionByHook } from './provision';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Token } from '../src/lib/domain/types';
import { expect, openSandbox, test } from './fixtures';
import { parseCsv, readWorld, scriptedMigration } from './reports-world';

/** A CountTable's body as [label, count] pairs. */
async function tableCounts(page: Page, testid: string) {
	const rows = page.getByTestId(testid).locator('tbody tr');
	const out: [string, number][] = [];
	for (const row of await rows.all())
		out.push([
			(await row.locator('th').textContent())!.trim(),
			Number(await row.locator('td').first().textContent())
		]);
	return out;
}

const enrolled = (t: Token) => ['Active', 'Suspended', 'Locked'].includes(t.state) && t.app;

function tally(values: string[]) {
	const m = new Map<string, number>();
	for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
	return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The dashboard's numbers, worked out here from the raw tables. */
async function expectedDashboard(page: Page) {
	const { users, tokens } = await readWorld(page);
	const stage = (userId: string) => {
		const mine = tokens.filter((t) => t.userId === userId);
		const mp8 = mine.some((t) => enrolled(t) && t.app === 'MobilePASS 8');
		const plus = mine.some((t) => enrolled(t) && t.app === 'MobilePASS+');
		// No enrollment is open without an Assigned token in these scripts.
		const pending = mine.some((t) => t.state === 'Assigned');
		if (plus) return mp8 ? 'Both' : 'MobilePASS+ active';
		if (pending) return 'MobilePASS+ pending';
		return mp8 ? 'MobilePASS 8 only' : 'None';
	};
	const stages = ['MobilePASS 8 only', 'MobilePASS+ pending', 'MobilePASS+ active', 'Both', 'None'];
	const byStage = users.map((u) => stage(u.id));
	const live = tokens.filter(enrolled);
	return {
		migration: stages.map((s) => [s, byStage.filter((x) => x === s).length]),
		push: ['Enabled', 'Disabled', 'Not Applicable'].map((p) => [
			p,
			live.filter((t) => t.pushOtp === p).length
		]),
		target: tally(live.map((t) => t.target!)),
		device: tally(live.map((t) => t.deviceType!)),
		inventory: tokens.filter((t) => t.state === 'Inventory').length
	};
}

test('after a scripted migration the dashboard tables equal the world, and follow it live', async ({
	page
}) => {
	test.slow(); // a 200-user world and a scripted migration
	await openSandbox(page);
	const { inventoryBefore } = await scriptedMigration(page);
	await page.goto('/reports');
	await page.getByRole('link', { name: 'Deployment dashboard' }).click();
	await expect(
		page.getByRole('heading', { name: /Deployment dashboard · Acme Corp/ })
	).toBeVisible();

	await waitForSandbox(page);
	let want = await expectedDashboard(page);
	expect(want.migration.find(([s]) => s === 'MobilePASS+ pending')![1]).toBe(3);
	await expect.poll(() => tableCounts(page, 'table-migration')).toEqual(want.migration);
	expect(await tableCounts(page, 'table-push')).toEqual(want.push);
	expect(await tableCounts(page, 'table-target')).toEqual(want.target);
	const devices = await tableCounts(page, 'table-device');
	expect(devices.slice(0, 8)).toEqual(want.device.slice(0, 8));
	expect(devices.reduce((n, [, c]) => n + c, 0)).toBe(want.device.reduce((n, [, c]) => n + c, 0));
	await expect(
		page.getByRole('img', { name: /chart; the same numbers are in the table/ })
	).toHaveCount(5);
	// chart.js drew into every canvas (it sets the canvas size when it renders).
	await expect(page.locator('canvas[style*="height"]')).toHaveCount(5);
	await expect(page.locator('canvas')).toHaveCount(5);

	const inventory = page.getByTestId('table-inventory').locator('tbody tr');
	await expect(inventory.first().locator('td').nth(1)).toHaveText(String(inventoryBefore));
	await expect(inventory.last().locator('td').nth(1)).toHaveText(String(want.inventory));
	// six provisioned out of Inventory, three MobilePASS 8 tokens revoked back into it
	expect(want.inventory).toBe(inventoryBefore - 6 + 3);

	// Live: provision one more user while the dashboard is open.
	await provisionByHook(page, 'acme-u1');
	want = await expectedDashboard(page);
	expect(want.migration.find(([s]) => s === 'MobilePASS+ pending')![1]).toBe(4);
	await expect.poll(() => tableCounts(page, 'table-migration')).toEqual(want.migration);
	await expect(inventory.last().locator('td').nth(1)).toHaveText(String(want.inventory));
});

test("each dashboard card's Download CSV holds the card's table", async ({ page }) => {
	await openSandbox(page, '/reports/deployment');
	for (const [id, title] of [
		['migration', 'Migration progress by user'],
		['push', 'Push OTP'],
		['target', 'Target OS'],
		['device', 'Device Type']
	]) {
		const table = page.getByTestId(`table-${id}`);
		await expect(table.locator('tbody tr').first()).toBeVisible();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: `Download ${title} as CSV` }).click()
		]);
		expect(download.suggestedFilename()).toBe(`${id}.csv`);
		const text = await readFile((await download.path())!, 'utf8');
		// The console's CSV: a byte order mark for Excel, then RFC 4180 lines.
		expect(text.startsWith('\uFEFF')).toBe(true);
		const [header, ...body] = parseCsv(text.slice(1));
		const heads = await table.locator('thead th').allTextContents();
		expect(header).toEqual(heads.slice(0, 2).map((h) => h.trim()));
		const shown = await tableCounts(page, `table-${id}`);
		expect(body).toHaveLength(shown.length);
		expect(body).toEqual(shown.map(([label, count]) => [label, String(count)]));
	}
});

test('Token inventory and Provisioning task status equal the world', async ({ page }) => {
	// A 200-user world, a scripted migration and three report pages: over 30 s on a loaded machine.
	test.slow();
	await openSandbox(page);
	await scriptedMigration(page);
	// A full page load: wait for the world before reading it (the first paint comes earlier).
	await openSandbox(page, '/reports/token-inventory');
	const { tokens } = await readWorld(page);
	for (const state of ['Inventory', 'Assigned', 'Active', 'Suspended', 'Locked', 'Lost/Faulty']) {
		const row = page
			.getByTestId('table-token-inventory')
			.getByRole('row', { name: new RegExp(`^${state} `) });
		const of = tokens.filter((t) => t.state === state);
		await expect(row.getByRole('cell')).toHaveText([
			String(of.filter((t) => t.app === 'MobilePASS 8').length),
			String(of.filter((t) => t.app === 'MobilePASS+').length),
			String(of.filter((t) => !t.app).length),
			String(of.length)
		]);
	}

	await page.goto('/reports/provisioning-status');
	const task = page.getByTestId('table-tasks').locator('tbody tr');
	await expect(task).toHaveCount(1);
	await expect(task.locator('td').nth(3)).toHaveText('6');
	const users = page.getByTestId('table-task-users').locator('tbody tr');
	await expect(users).toHaveCount(6);
	const statuses = async () =>
		(await users.locator('td:last-child').allTextContents()).map((t) => t.trim()).sort();
	const three = (s: string) => [s, s, s];
	// Enrolled, not signed in yet: Completed needs a first sign-in.
	await expect.poll(statuses).toEqual([...three('Active'), ...three('Enrolled')]);
	// Expired follows the simulated clock: a week and a day later, the open links have expired.
	for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Advance 1 day' }).click();
	await expect.poll(statuses).toEqual([...three('Enrolled'), ...three('Expired')]);
	await expect(task.locator('td').nth(8)).toHaveText('3');
});

test('Authentication activity counts the audit trail', async ({ page }) => {
	await openSandbox(page);
	await waitForSandbox(page);
	// The phone's sign-in flows are built elsewhere: write the audit rows they will write.
	await inPage(page, async (h) => {
		const db = h.db;
		const row = (action: string, user: string, outcome: 'Success' | 'Refused' = 'Success') => ({
			serverId: 'acme',
			at: Date.UTC(2026, 2, 2, 9, 5),
			operator: user,
			action,
			target: '',
			serial: null,
			user,
			outcome,
			detail: ''
		});
		await db.audit.bulkAdd([
			row('Sign in', 'ang'),
			row('Sign in', 'ang', 'Refused'),
			row('Push OTP approved', 'ang'),
			row('Push OTP denied', 'bsilva'),
			row('Token locked', 'bsilva'),
			{ ...row('Sign in', 'other'), serverId: 'globex' }
		]);
	});
	await page.goto('/reports/authentication-activity');
	await expect(page.getByTestId('total-signInSuccess')).toHaveText('1');
	await expect(page.getByTestId('total-signInRefused')).toHaveText('1');
	await expect(page.getByTestId('total-pushApproved')).toHaveText('1');
	await expect(page.getByTestId('total-pushDenied')).toHaveText('1');
	await expect(page.getByTestId('total-lockouts')).toHaveText('1');
	await expect(page.getByTestId('table-activity').locator('tbody tr')).toHaveCount(2);
});

test('Reset world builds the Large demo with progress, then the report pages it', async ({
	page
}) => {
	test.setTimeout(90_000);
	await openSandbox(page, '/reports/users-with-tokens');
	await waitForSandbox(page);
	await page.getByRole('button', { name: 'Reset world' }).click();
	const dialog = page.getByRole('dialog', { name: 'Reset world?' });
	await dialog.getByRole('radio', { name: /Large demo/ }).check();
	await dialog.getByRole('button', { name: 'Reset world' }).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'The world was reset' })).toBeVisible({
		timeout: 60_000
	});
	await expect(page.getByRole('progressbar')).toHaveCount(0);
	const counts = await inPage(page, async (h) => {
		const db = h.db;
		return {
			users: await db.users.where('serverId').equals('acme').count(),
			tokens: await db.tokens.where('serverId').equals('acme').count()
		};
	});
	expect(counts).toEqual({ users: 10_000, tokens: 20_000 });
	const summary = page.getByTestId('report-summary');
	await expect(summary).toContainText(/[\d,]+ rows/);
	await expect(
		page.getByRole('region', { name: 'Users – With Tokens rows' }).locator('tbody tr')
	).toHaveCount(50);
});
