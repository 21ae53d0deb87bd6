/** Opens the sandbox in a fresh context and waits for the console. */
export async function openSandbox(browser, base, path = '/') {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	await page.goto(base + path);
	await page.getByRole('navigation', { name: 'Console' }).waitFor();
	return { context, page };
}

/** Replaces the world through the automation hook (window.__sandbox), e.g. the Large demo. */
export async function resetTo(page, users, seed = 'bench') {
	await page.evaluate(
		async ({ users, seed }) => {
			const result = await window.__sandbox.reset({ seed, users });
			if (!result.ok) throw new Error(result.reason);
		},
		{ users, seed }
	);
}
