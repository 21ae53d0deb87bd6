import { expect, expectNoAxeViolations, openSandbox, test } from './fixtures';
import type { Page } from '@playwright/test';

async function start(page: Page, title: string) {
	await openSandbox(page, '/scenarios');
	await page.getByRole('button', { name: `Start: ${title}` }).click();
	await page.getByRole('button', { name: 'Reset world and start' }).click();
	await expect(page.getByTestId('checklist-count')).toBeVisible();
}

test('presenter shortcuts: next, previous, hints, the ? list; never while typing', async ({
	page
}) => {
	await start(page, 'Troubleshooting: four help-desk calls');
	const instruction = page.getByTestId('step-instruction');
	await expect(instruction).toContainText('enrollment link');
	await page.keyboard.press('n');
	await expect(instruction).toContainText('locked out');
	await page.keyboard.press('ArrowRight');
	await expect(instruction).toContainText('Android 7.0');
	await page.keyboard.press('p');
	await expect(instruction).toContainText('locked out');
	await page.keyboard.press('h');
	await expect(page.getByText('Hint:')).toBeVisible();
	await page.keyboard.press('h');
	await expect(page.getByText('Hint:')).toHaveCount(0);
	await page.keyboard.press('?');
	const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(dialog).toBeVisible();
	await expectNoAxeViolations(page);
	await dialog.getByRole('button', { name: 'Close' }).click();
	// Typing in a field does not move the steps.
	await page.getByRole('combobox', { name: 'Virtual server' }).focus();
	await page.keyboard.press('n');
	await expect(instruction).toContainText('locked out');
	// R asks before restarting.
	await page.locator('body').click({ position: { x: 5, y: 600 } });
	await page.keyboard.press('r');
	await expect(page.getByRole('dialog', { name: 'Restart the scenario?' })).toBeVisible();
});

test('the notes window follows the step, and the phone window follows the console', async ({
	page,
	context
}) => {
	await start(page, 'Migrate one user from MobilePASS 8 to MobilePASS+');
	const notes = await context.newPage();
	await openSandbox(notes, '/presenter/notes');
	await expect(notes.getByTestId('notes-step')).toContainText('Step 1 of 6');
	await expect(notes.getByTestId('speaker-notes')).toContainText('this virtual server only');
	await page.keyboard.press('n');
	await expect(notes.getByTestId('notes-step')).toContainText('Step 2 of 6');
	await expect(notes.getByTestId('speaker-notes')).toContainText('Available count');

	const phone = await context.newPage();
	await openSandbox(phone, '/phone');
	await expect(phone.getByTestId('sim-time')).toBeVisible();
	await page.keyboard.press('p');
	// Do it for me: the policy switch, then the provisioning.
	await page.getByRole('button', { name: 'Do it for me' }).click();
	await expect(page.getByTestId('checklist-count')).toHaveText('1 of 6 steps');
	await page.getByRole('button', { name: 'Do it for me' }).click();
	await expect(page.getByTestId('checklist-count')).toHaveText('2 of 6 steps');
	// The provisioning done in the console arrives in the phone window's Mail.
	await phone.getByRole('button', { name: 'Mail' }).click();
	await expect(phone.getByText('SafeNet MobilePASS+ token enrollment')).toBeVisible();
	// And time moved in the phone window shows in the console.
	const before = await page.getByTestId('sim-time').textContent();
	await phone.getByRole('button', { name: 'Pause' }).click();
	await phone.getByRole('button', { name: 'Advance 1 day' }).click();
	await expect(page.getByTestId('sim-time')).not.toHaveText(before!);
	await expect(page.getByTestId('sim-time')).toContainText('2026/03/03');
	await expectNoAxeViolations(notes);
});

test('the clock controls are reachable with the keyboard', async ({ page }) => {
	await openSandbox(page, '/');
	await page.getByRole('button', { name: 'Pause' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Advance 1 minute' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Advance 1 day' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('sim-time')).toContainText('2026/03/03');
});

test('the focused step stays in sight in a list that scrolls', async ({ page }) => {
	await page.setViewportSize({ width: 412, height: 800 });
	await start(page, 'Migrate one user from MobilePASS 8 to MobilePASS+');
	const list = page.getByRole('list', { name: 'Steps' });
	const scrolls = await list.evaluate((l) => l.scrollHeight > l.clientHeight + 20);
	expect(scrolls).toBe(true);
	// Which step is focused, and whether it is inside the list's visible box.
	const focused = () =>
		list.evaluate((l) => {
			const item = l.querySelector('.focused')!;
			const [box, rect] = [l.getBoundingClientRect(), item.getBoundingClientRect()];
			const inSight = rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
			return { step: [...l.children].indexOf(item), inSight };
		});
	let step = 0;
	for (const key of ['n', 'n', 'n', 'n', 'n', 'p', 'p', 'p', 'p', 'p']) {
		await page.keyboard.press(key);
		step += key === 'n' ? 1 : -1;
		await expect.poll(focused).toEqual({ step, inSight: true });
	}
});
