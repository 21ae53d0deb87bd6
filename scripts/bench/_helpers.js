/**
 * Opens the sandbox in a fresh context and waits for the console. The first-visit welcome is
 * marked seen (as tests/fixtures.ts does), so that its dialog covers no page being timed.
 */
export async function openSandbox(browser, base, path = '/') {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addInitScript(() => localStorage.setItem('sta-sandbox.welcome-seen', '1'));
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

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Provisions `count` Acme Corp users who hold no token, through the automation hook. */
export async function provisionUsersWithoutToken(page, count) {
	await page.evaluate(async (count) => {
		const db = window.__sandbox.db;
		const users = await db.users.where('serverId').equals('acme').primaryKeys();
		const held = new Set(
			(await db.tokens.where('serverId').equals('acme').toArray()).map((t) => t.userId)
		);
		const without = users.filter((id) => !held.has(id)).slice(0, count);
		const r = await window.__commands.provisionCommand(db, 'acme', without);
		if (!r.ok) throw new Error(r.reason);
	}, count);
}
