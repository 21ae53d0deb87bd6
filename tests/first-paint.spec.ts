import { expect, openSandbox, settled, test } from './fixtures';

// Issue 15: the prerendered page shows the product before any JavaScript has run, and the app
// takes over from it without moving anything on screen.

test.describe('before any JavaScript has run', () => {
	test.use({ javaScriptEnabled: false });

	test('each page shows the console frame with its menu path, and the phone frame', async ({
		page
	}) => {
		for (const [path, menuPath] of [
			['/', 'Snapshot > Token States'],
			['/tokens', 'Tokens > Tokens'],
			['/provisioning', 'Shortcuts > Provisioning Tasks'],
			['/policy/software-tokens', 'Policy > Token Policies > Software Token & Push OTP Settings']
		]) {
			await page.goto(path);
			await expect(page.getByText(menuPath, { exact: true })).toBeVisible();
			await expect(page.getByText('Token Management', { exact: true })).toBeVisible();
			await expect(page.getByRole('status')).toHaveText('Opening the sandbox…');
			await expect(page.locator('#first-paint .fp-device')).toBeVisible();
		}
	});

	test('pages without the console (the phone alone, the sign-in page) draw no console frame', async ({
		page
	}) => {
		for (const path of ['/phone', '/apps/login', '/presenter/notes']) {
			await page.goto(path);
			await expect(page.locator('#first-paint')).toHaveCount(0);
		}
		await page.goto('/tokens');
		await expect(page.locator('#first-paint')).toHaveCount(1);
	});
});

for (const viewport of [
	{ width: 412, height: 823 },
	{ width: 1350, height: 940 }
]) {
	test(`the page replaces the first paint without a layout shift at ${viewport.width} px`, async ({
		page
	}) => {
		await page.setViewportSize(viewport);
		await page.addInitScript(() => {
			const w = window as unknown as { shifts: number };
			w.shifts = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries() as (PerformanceEntry & { value: number })[])
					w.shifts += e.value;
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await openSandbox(page, '/tokens');
		await expect(page.getByRole('heading', { name: /Token List/ })).toBeVisible();
		await expect(page.locator('#first-paint')).toHaveCount(0);
		await expect(page.getByRole('status').filter({ hasText: 'Opening the sandbox' })).toHaveCount(
			0
		);
		await settled(page);
		const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
		expect(shifts).toBeLessThanOrEqual(0.05);
	});
}

test('the first screen shows with the rows that fill it; the rest of the page of tokens follows', async ({
	page
}) => {
	// How many rows the token list has in the moment the first paint gives way to the page.
	await page.addInitScript(() => {
		const w = window as unknown as { rowsWhenShown?: number };
		let painted = false;
		const observer = new MutationObserver(() => {
			if (document.getElementById('first-paint')) painted = true;
			else if (painted) {
				w.rowsWhenShown = document.querySelectorAll('table.data tbody tr').length;
				observer.disconnect();
			}
		});
		observer.observe(document, { childList: true, subtree: true });
	});
	await openSandbox(page, '/tokens');
	await expect(page.getByTestId('pager-status')).toHaveText(/^1–50 of /);
	await expect(page.getByRole('table').getByRole('row')).toHaveCount(51);
	const rowsWhenShown = await page.evaluate(
		() => (window as unknown as { rowsWhenShown?: number }).rowsWhenShown
	);
	expect(rowsWhenShown).toBe(10);
});
