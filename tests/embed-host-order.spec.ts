import { expect, test } from './fixtures';
import {
	checklist,
	hostSpec,
	openHost,
	openReadyHost,
	received,
	send,
	waitFor
} from './embed-host';

// Messages that arrive together are handled one at a time, in the order sent.
hostSpec();

for (const [name, messages, expected] of [
	[
		'goToStep 4 then reset: reset wins',
		[{ type: 'goToStep', step: 4 }, { type: 'reset' }],
		{ scenario: 'migrate-one-user', step: 1, count: '0 of 6 steps' }
	],
	[
		'reset then goToStep 4: step 4',
		[{ type: 'reset' }, { type: 'goToStep', step: 4 }],
		{ scenario: 'migrate-one-user', step: 4, count: '3 of 6 steps' }
	],
	[
		'goToStep 5 then goToStep 2: step 2',
		[
			{ type: 'goToStep', step: 5 },
			{ type: 'goToStep', step: 2 }
		],
		{ scenario: 'migrate-one-user', step: 2, count: '1 of 6 steps' }
	],
	[
		'goToStep 2 then goToStep 5: step 5',
		[
			{ type: 'goToStep', step: 2 },
			{ type: 'goToStep', step: 5 }
		],
		{ scenario: 'migrate-one-user', step: 5, count: '4 of 6 steps' }
	],
	[
		'loadScenario then goToStep: the new scenario at that step',
		[
			{ type: 'loadScenario', scenario: 'no-thanks-autosend' },
			{ type: 'goToStep', step: 3 }
		],
		{ scenario: 'no-thanks-autosend', step: 3, count: /^2 of \d+ steps$/ }
	],
	[
		'goToStep then loadScenario: the new scenario at its start',
		[
			{ type: 'goToStep', step: 3 },
			{ type: 'loadScenario', scenario: 'no-thanks-autosend' }
		],
		{ scenario: 'no-thanks-autosend', step: 1, count: /^0 of \d+ steps$/ }
	]
] as const) {
	test(`back-to-back messages, ${name}`, async ({ page, baseURL }) => {
		const { frame } = await openReadyHost(page, baseURL);
		await send(page, ...messages);
		await waitFor(page, 'ready', 1 + messages.length);
		const readies = (await received(page)).filter((m) => m.type === 'ready');
		expect(readies.at(-1)).toMatchObject({ scenario: expected.scenario, step: expected.step });
		await expect(checklist(frame)).toHaveText(expected.count);
		// the embed's own fast-forwards are never reported as the reader's steps
		expect((await received(page)).filter((m) => m.type === 'step-completed')).toEqual([]);
		expect((await received(page)).filter((m) => m.type === 'error')).toEqual([]);
	});
}

test('messages sent at the iframe load event wait in line and are all handled, in order', async ({
	page,
	baseURL
}) => {
	const { frame } = await openHost(page, baseURL, {
		after: `frame.addEventListener('load', () => {
			send({ type: 'goToStep', step: 4 });
			send({ type: 'setTheme', theme: 'dark' });
			send({ type: 'goToStep', step: 3 });
		});`
	});
	await waitFor(page, 'ready', 3);
	const readies = (await received(page)).filter((m) => m.type === 'ready');
	expect(readies.map((m) => m.step)).toEqual([1, 4, 3]);
	await expect(checklist(frame)).toHaveText('2 of 6 steps');
	await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
});
