import { expect, openSandbox, test } from './fixtures';

test('a Content-Security-Policy allows no inline script and no other origin', async ({ page }) => {
	await openSandbox(page);
	const policy = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(policy).toContain("default-src 'self'");
	expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
	expect(policy).not.toContain('unsafe-inline');
	expect(policy).not.toContain('unsafe-eval');
	// and the policy really applies: an injected inline script does not run
	const ran = await page.evaluate(() => {
		const s = document.createElement('script');
		s.textContent = 'window.__injected = true';
		document.body.append(s);
		return (window as { __injected?: boolean }).__injected === true;
	});
	expect(ran).toBe(false);
});

test('the sandbox breaks none of its own policy and fetches only its own files', async ({
	page,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const foreign: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (url.origin !== origin && !['data:', 'blob:'].includes(url.protocol)) foreign.push(r.url());
	});
	// Reported to the test as they happen: every page below is a document of its own.
	const violations: string[] = [];
	await page.exposeFunction('__violation', (v: string) => violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __violation: (v: string) => void }).__violation(
				`${location.pathname} ${e.violatedDirective}: ${e.blockedURI}`
			)
		);
	});
	for (const path of ['/', '/tokens', '/assignment', '/provisioning', '/reports', '/audit']) {
		await openSandbox(page, path);
		await page.getByRole('button', { name: 'Mail', exact: true }).click();
		await page.waitForLoadState('networkidle');
	}
	await openSandbox(page, '/phone');
	await page.waitForLoadState('networkidle');
	// The embed's page adds styles of its own (src/lib/server/walkthrough-preloads.ts).
	await page.goto('/embed?scenario=migrate-one-user');
	await expect(page.getByRole('button', { name: 'Hide steps' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(foreign).toEqual([]);
	expect(violations).toEqual([]);
});

test.describe('without IndexedDB', () => {
	test('storage blocked: the sandbox runs in memory and says so', async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
		});
		await openSandbox(page);
		await expect(page.getByRole('alert').filter({ hasText: 'Running in memory' })).toBeVisible();
		await expect(page.getByTestId('count-Inventory')).toHaveText('40');
		await page.getByRole('button', { name: 'Pause' }).click();
		await page.getByRole('button', { name: 'Advance 1 day' }).click();
		await expect(page.getByTestId('sim-time')).toHaveText(/^2026\/03\/03/);
	});

	test('a private window whose database will not open: in memory too', async ({ page }) => {
		await page.addInitScript(() => {
			IDBFactory.prototype.open = function () {
				throw new DOMException(
					'The user denied permission to access the database.',
					'SecurityError'
				);
			};
		});
		await openSandbox(page);
		await expect(page.getByRole('alert').filter({ hasText: 'denied permission' })).toBeVisible();
		await expect(page.getByTestId('count-Active')).toHaveText('10');
	});
});
