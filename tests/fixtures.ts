import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Opens a sandbox page and waits until the world is loaded. */
export async function openSandbox(page: Page, path = '/') {
	await page.goto(path);
	// The app may not have rendered "Loading…" yet when the page's load event fires: wait for the
	// sandbox itself to be ready (the automation hook exists from the first script on).
	await page.waitForFunction(
		() => (window as unknown as { __sandbox?: { ready?: boolean } }).__sandbox?.ready === true
	);
	await expect(page.getByText('Loading the sandbox…')).toHaveCount(0);
}

/** Fails with the list of axe violations (WCAG 2.1 A and AA rules, and best practices). */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary).toEqual([]);
}

export const test = base;
export { expect };
