import { rows } from './hook';
import { provisionByHook } from './provision';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, openSandbox, test } from './fixtures';
import type { Page } from '@playwright/test';

type Hook = { __xss?: number };

/** Opens the library once the sandbox (and its automation hook) is up. */
async function openLibrary(page: Page) {
	await openSandbox(page, '/scenarios');
	await expect(page.getByRole('button', { name: 'Export world file' })).toBeVisible();
}

async function exportFile(page: Page): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export world file' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^sta-sandbox-world-\d{4}-\d{2}-\d{2}\.json$/);
	return readFileSync((await file.path())!, 'utf8');
}

async function importText(page: Page, text: string | Buffer, name = 'world.json') {
	await page.getByLabel(/Import world file/).setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.isBuffer(text) ? text : Buffer.from(text)
	});
}

const tokens = (page: Page) => rows(page, 'tokens');

test('export, then import, round-trips the world', async ({ page }) => {
	await openLibrary(page);
	await provisionByHook(page, 'acme-u11');
	const saved = await tokens(page);
	const text = await exportFile(page);
	await page.getByRole('button', { name: 'Reset world' }).click();
	await page
		.getByRole('dialog', { name: 'Reset world?' })
		.getByRole('button', { name: 'Reset world' })
		.click();
	await expect.poll(async () => JSON.stringify(await tokens(page))).not.toBe(JSON.stringify(saved));
	await importText(page, text);
	await page.getByRole('button', { name: 'Replace world' }).click();
	await expect(
		page.getByText(/World file imported: 2 virtual server\(s\), 33 users/)
	).toBeVisible();
	expect(await tokens(page)).toEqual(saved);
});

test('bad files are refused with their first problems, and the world is unchanged', async ({
	page
}, testInfo) => {
	await openLibrary(page);
	const before = await tokens(page);
	const text = await exportFile(page);
	const alert = page.getByRole('alert');

	await importText(page, text.slice(0, Math.floor(text.length / 2)), 'truncated.json');
	await expect(alert).toContainText('truncated.json was not imported');
	await expect(alert).toContainText('not valid JSON; it may be truncated');

	await importText(page, JSON.stringify({ ...JSON.parse(text), format: 99 }), 'future.json');
	await expect(alert).toContainText('newer version of the sandbox (format 99)');

	const broken = JSON.parse(text);
	broken.world.tokens[0].state = 'Gone';
	delete broken.world.users[0].email;
	await importText(page, JSON.stringify(broken), 'broken.json');
	await expect(alert).toContainText('world.users[0]: "email" is missing.');
	await expect(alert).toContainText('world.tokens[0]: "state" must be one of');

	// Chosen from the disk, as a person does: Playwright gives Chromium the file's path. (Handed
	// over as a buffer, its 26 MB crossed the pipe to the browser in base64: 30 s in CI.)
	const huge = testInfo.outputPath('huge.json');
	writeFileSync(huge, Buffer.alloc(26 * 1024 * 1024, 32));
	await page.getByLabel(/Import world file/).setInputFiles(huge);
	await expect(alert).toContainText('the limit is 25 MB');

	await expect(page.getByRole('dialog')).toHaveCount(0);
	expect(await tokens(page)).toEqual(before);
});

test('user names containing HTML are shown as text, never run', async ({ page }) => {
	await openLibrary(page);
	const snap = JSON.parse(await exportFile(page));
	const user = snap.world.users.find((u: { id: string }) => u.id === 'acme-u1');
	user.firstName = '<img src=x onerror="window.__xss=1">';
	user.lastName = '<b>Bold</b>';
	await importText(page, JSON.stringify(snap), 'html-names.json');
	await page.getByRole('button', { name: 'Replace world' }).click();
	await expect(page.getByText(/World file imported/)).toBeVisible();
	const picker = page.getByRole('complementary', { name: 'Virtual phone' }).getByRole('combobox');
	await expect(picker).toHaveValue(/<b>Bold<\/b>/);
	await expect(page.locator('b', { hasText: 'Bold' })).toHaveCount(0);
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as Hook).__xss)).toBeUndefined();
});
