import { CONSOLE_TABS, userById } from './console-helpers';
import { expect, openSandbox, settled, test } from './fixtures';

test('the console and the phone render side by side', async ({ page }) => {
	await openSandbox(page);
	const nav = page.getByRole('navigation', { name: 'Console' });
	for (const tab of CONSOLE_TABS) await expect(nav.getByRole('link', { name: tab })).toBeVisible();
	const phone = page.getByRole('complementary', { name: 'Virtual phone' });
	await expect(phone.getByRole('combobox', { name: 'Whose phone' })).toBeVisible();
	for (const app of ['Mail', 'Browser', 'App Store', 'MobilePASS 8'])
		await expect(phone.getByRole('button', { name: app, exact: true })).toBeVisible();
	const consoleBox = await page.locator('.console-pane').boundingBox();
	const phoneBox = await phone.boundingBox();
	expect(phoneBox!.x).toBeGreaterThan(consoleBox!.x + consoleBox!.width - 1);
});

test("the tab's icon is served, and is a PNG", async ({ page }) => {
	await openSandbox(page);
	const href = await page.locator('link[rel="icon"]').getAttribute('href');
	const icon = await page.request.get(new URL(href!, page.url()).href);
	expect(icon.status()).toBe(200);
	expect(icon.headers()['content-type']).toContain('image/png');
	// The PNG signature: a real image, not the 404 page under the icon's name.
	expect([...(await icon.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('the phone stacks under the console on a narrow screen', async ({ page }) => {
	await page.setViewportSize({ width: 700, height: 900 });
	await openSandbox(page);
	// Below the console, the phone is built as the reader scrolls towards it (ui/WhenNear).
	await page.keyboard.press('End');
	await expect(page.getByRole('complementary', { name: 'Virtual phone' })).toBeVisible();
	// Both boxes from one moment: the console grows as its data arrives, pushing the phone down.
	const gap = () =>
		page.evaluate(() => {
			const pane = document.querySelector('.console-pane')!.getBoundingClientRect();
			const phone = document.querySelector('[aria-label="Virtual phone"]')!.getBoundingClientRect();
			return phone.top - pane.bottom;
		});
	await expect.poll(gap).toBeGreaterThanOrEqual(-1);
});

test('on a phone, the virtual phone under a long page is built as the reader scrolls to it', async ({
	page
}) => {
	await page.setViewportSize({ width: 412, height: 823 });
	await openSandbox(page, '/tokens');
	await settled(page);
	const phone = page.getByRole('complementary', { name: 'Virtual phone' });
	// The Token List is several screens long: nothing of the phone is built yet.
	await expect(phone).toHaveCount(0);
	await page.keyboard.press('End');
	await expect(phone).toBeVisible();
});

test('Snapshot counts equal the seeded demo', async ({ page }) => {
	await openSandbox(page);
	await expect(page.getByRole('heading', { name: /Snapshot · Acme Corp/ })).toBeVisible();
	const expected = {
		Inventory: '40',
		Assigned: '0',
		Active: '10',
		Suspended: '0',
		Locked: '0',
		'Lost/Faulty': '0'
	};
	for (const [state, count] of Object.entries(expected))
		await expect(page.getByTestId(`count-${state}`)).toHaveText(count);
	await expect(page.getByTestId('allocation-maximum')).toHaveText('50');
	await expect(page.getByTestId('allocation-in-use')).toHaveText('10');
	await expect(page.getByTestId('allocation-available')).toHaveText('40');

	await page
		.getByRole('combobox', { name: 'Virtual server' })
		.selectOption({ label: 'Globex Labs' });
	await expect(page.getByRole('heading', { name: /Snapshot · Globex Labs/ })).toBeVisible();
	await expect(page.getByTestId('count-Inventory')).toHaveText('15');
	await expect(page.getByTestId('count-Active')).toHaveText('3');
});

test('a change survives a reload', async ({ page }) => {
	await openSandbox(page);
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.getByRole('button', { name: 'Advance 1 day' }).click();
	await page
		.getByRole('combobox', { name: 'Virtual server' })
		.selectOption({ label: 'Globex Labs' });
	await expect(page.getByTestId('sim-time')).toHaveText(/^2026\/03\/03 09:00/);
	await page.reload();
	await expect(page.getByTestId('sim-time')).toHaveText(/^2026\/03\/03 09:00/);
	await expect(page.getByText('Paused')).toBeVisible();
	await expect(page.getByRole('heading', { name: /Snapshot · Globex Labs/ })).toBeVisible();
});

test('a second tab follows changes made in the first, without a reload', async ({ context }) => {
	const first = await context.newPage();
	await openSandbox(first);
	const second = await context.newPage();
	await openSandbox(second, '/audit');
	await first.getByRole('button', { name: 'Pause' }).click();
	await first.getByRole('button', { name: 'Advance 1 hour' }).click();
	await first
		.getByRole('combobox', { name: 'Virtual server' })
		.selectOption({ label: 'Globex Labs' });
	await expect(second.getByTestId('sim-time')).toHaveText(/^2026\/03\/02 10:00/, { timeout: 2000 });
	await expect(second.getByRole('heading', { name: /Audit · Globex Labs/ })).toBeVisible({
		timeout: 2000
	});
});

test('Reset world asks first, then restores the seed', async ({ page }) => {
	await openSandbox(page);
	await page.getByRole('button', { name: 'Advance 1 day' }).click();
	await page
		.getByRole('combobox', { name: 'Virtual server' })
		.selectOption({ label: 'Globex Labs' });

	await page.getByRole('button', { name: 'Reset world' }).click();
	const dialog = page.getByRole('dialog', { name: 'Reset world?' });
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByTestId('sim-time')).toHaveText(/^2026\/03\/03/);

	await page.getByRole('button', { name: 'Reset world' }).click();
	await dialog.getByRole('button', { name: 'Reset world' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'The world was reset' })).toBeVisible();
	await expect(page.getByTestId('sim-time')).toHaveText(/^2026\/03\/02 09:0/);
	await expect(page.getByRole('heading', { name: /Snapshot · Acme Corp/ })).toBeVisible();
	await expect(page.getByTestId('count-Active')).toHaveText('10');
});

test('the phone picker finds a phone by name and says what it is, by keyboard', async ({
	page
}) => {
	await openSandbox(page);
	const phone = page.getByRole('complementary', { name: 'Virtual phone' });
	const picker = phone.getByRole('combobox', { name: 'Whose phone' });
	await expect(picker).not.toHaveValue('');
	const shown = await picker.inputValue();

	// The arrow key opens the list (the first users of each virtual server); Escape closes it
	// and keeps the phone.
	await picker.focus();
	await picker.press('ArrowDown');
	await expect(picker).toHaveAttribute('aria-expanded', 'true');
	const list = phone.getByRole('listbox', { name: 'Phones' });
	await expect(
		list.getByRole('group', { name: 'Acme Corp' }).getByRole('option').first()
	).toBeVisible();
	await picker.press('Escape');
	await expect(picker).toHaveAttribute('aria-expanded', 'false');
	await expect(picker).toHaveValue(shown);

	// Typing a last name filters the list; each option names the model and OS version. The seed
	// gives Acme's third user the Windows 10 device and its seventh the Galaxy S7.
	const android = await userById(page, 'acme-u7');
	await picker.pressSequentially(android.lastName.toLowerCase());
	await expect(
		list.getByRole('option', {
			name: `${android.firstName} ${android.lastName} (${android.userId}) — Samsung Galaxy S7, Android 7.0`
		})
	).toBeVisible();
	const windows = await userById(page, 'acme-u3');
	await picker.fill(windows.userId);
	const option = list.getByRole('option', {
		name: new RegExp(`\\(${windows.userId}\\) — Microsoft Surface Pro 7, Windows 10$`)
	});
	await expect(option).toHaveCount(1);
	// Arrow down to it and choose it with Enter.
	const names = await list.getByRole('option').allTextContents();
	const at = names.findIndex((n) => n.includes(`(${windows.userId})`));
	for (let k = 0; k <= at; k++) await picker.press('ArrowDown');
	await expect(option).toHaveAttribute('aria-selected', 'true');
	await picker.press('Enter');
	await expect(picker).toHaveAttribute('aria-expanded', 'false');
	await expect(phone).toHaveAttribute('data-owner', 'acme-u3');
	await expect(page.getByText(`${windows.firstName} ${windows.lastName}'s phone`)).toBeVisible();
});
