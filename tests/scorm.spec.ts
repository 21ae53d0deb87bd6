/**
 * The learning-platform packages, end to end: `npm run package:lms`'s zips (built once when
 * stale), unzipped and served under a sub-path, launched by a test platform (tests/scorm-host/)
 * whose SCORM runtime is scorm-again. Both standards, every behaviour the issue names.
 */
import { expect, test, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import {
	ensurePackages,
	startLmsServer,
	STANDARDS,
	unzipPackage,
	type Standard
} from './scorm-server';
import {
	enrollOnPhone,
	expectStepsDone,
	openEnrollmentMail,
	openTokenOf,
	revokeToInventory,
	showPhoneOf,
	signInWithPush
} from './scenario-walk-helpers';
import { phonePane } from './phone-helpers';
import { menuPath } from './console-helpers';

// The tests spread over the workers: the first to start builds the packages (once per run),
// and each worker serves them.
let base = '';
let server: Server | undefined;
test.beforeAll(async () => {
	test.setTimeout(300_000);
	await ensurePackages();
	({ url: base, server } = await startLmsServer());
});
test.afterAll(() => server?.close());

const SCO = 'migrate-one-user';
const TOTAL = 6;

interface LmsState {
	status: string;
	success?: string;
	scoreRaw: string;
	scoreScaled?: string;
	sessionTime: string;
	suspendData: string;
	location: string;
	exit: string;
}
type HostWindow = {
	lms: { state(): LmsState; calls: { initialize: number; commit: number; terminate: number } };
};
const lmsState = (page: Page) => page.evaluate(() => (window as unknown as HostWindow).lms.state());
const lmsCalls = (page: Page) =>
	page.evaluate(() => ({ ...(window as unknown as HostWindow).lms.calls }));

/** The platform opens the SCO; resolves once the scenario's checklist shows in it. */
async function launch(page: Page, std: Standard, options: { fail?: boolean } = {}) {
	await page.goto(`${base}/host/host.html?std=${std}&sco=${SCO}${options.fail ? '&fail=1' : ''}`);
	const frame = page.frameLocator('#sco');
	await expect(frame.getByRole('region', { name: /^Scenario/ })).toBeVisible({ timeout: 20_000 });
	return frame;
}
/** The walk helpers take a Page; inside the platform's iframe the same locators apply. */
const asPage = (frame: FrameLocator) => frame as unknown as Page;

async function doItForMe(frame: FrameLocator, done: number) {
	await frame.getByRole('button', { name: 'Do it for me' }).click();
	await expect(frame.getByTestId('checklist-count')).toHaveText(`${done} of ${TOTAL} steps`);
}

/** Step 1 by the trainee: Policy > Token Policies > Software Token & Push OTP Settings. */
async function policyAlone(frame: FrameLocator) {
	await menuPath(asPage(frame), 'Policy', 'Token Policies', 'Software Token & Push OTP Settings');
	for (const target of ['iOS', 'Android']) {
		await frame.getByRole('radio', { name: `${target}: MobilePASS+` }).check();
		await frame.getByRole('checkbox', { name: `${target}: Push Notifications` }).check();
	}
	await expectStepsDone(asPage(frame), 1, TOTAL);
}

/** Step 2 by the trainee: Assignment > search > select > Provision. */
async function provisionAlone(frame: FrameLocator) {
	await menuPath(asPage(frame), 'Assignment', 'Search User');
	await frame.getByRole('searchbox', { name: 'Search users' }).fill('dwang');
	await frame.getByRole('checkbox', { name: 'Select dwang', exact: true }).check();
	await frame.getByRole('button', { name: 'Provision…' }).click();
	const dialog = frame.getByRole('dialog', { name: 'Provision' });
	await dialog.getByRole('button', { name: 'Provision', exact: true }).click();
	await expect(dialog).toBeHidden();
	await expectStepsDone(asPage(frame), 2, TOTAL);
}

const finished = (std: Standard, outcome: 'passed' | 'failed') =>
	std === 'scorm12' ? { status: outcome } : { status: 'completed', success: outcome };
const sessionTime = (std: Standard) =>
	std === 'scorm12' ? /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/ : /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/;

test('each package has a well-formed manifest with one SCO per built-in scenario', async ({
	page
}) => {
	const catalog = readFileSync('src/lib/scenarios/catalog.ts', 'utf8');
	const ids = [...catalog.matchAll(/^\t'?([\w-]+)'?: \(\) => import/gm)].map((m) => m[1]);
	expect(ids).toHaveLength(5);
	for (const std of STANDARDS) {
		const files = unzipPackage(std);
		const xml = new TextDecoder().decode(files['imsmanifest.xml']);
		// The browser's own XML parser: a parse error becomes a <parsererror> element.
		const parsed = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'application/xml');
			const all = [...doc.getElementsByTagName('*')];
			return {
				error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
				root: doc.documentElement.localName,
				identifiers: all.map((e) => e.getAttribute('identifier')).filter((x) => x !== null),
				hrefs: all.map((e) => e.getAttribute('href')).filter((x) => x !== null),
				scos: [...doc.getElementsByTagName('resource')]
					.filter((r) =>
						/^sco$/.test(
							r.getAttribute('adlcp:scormtype') ?? r.getAttribute('adlcp:scormType') ?? ''
						)
					)
					.map((r) => r.getAttribute('href')),
				items: [...doc.getElementsByTagName('item')].map((i) => ({
					title: i.getElementsByTagName('title')[0]?.textContent ?? '',
					description:
						i.getElementsByTagName('imsmd:langstring')[0]?.textContent ??
						i.getElementsByTagName('lom:string')[0]?.textContent ??
						'',
					mastery:
						i.getElementsByTagName('adlcp:masteryscore')[0]?.textContent ??
						i.getElementsByTagName('imsss:minNormalizedMeasure')[0]?.textContent
				})),
				version: doc.getElementsByTagName('schemaversion')[0]?.textContent
			};
		}, xml);
		expect(parsed.error, `${std} manifest parses`).toBeNull();
		expect(parsed.root).toBe('manifest');
		expect(parsed.version).toBe(std === 'scorm12' ? '1.2' : '2004 4th Edition');
		expect(new Set(parsed.identifiers).size, `${std}: identifiers are unique`).toBe(
			parsed.identifiers.length
		);
		const missing = parsed.hrefs.map((h) => h!.split('?')[0]).filter((h) => !(h in files));
		expect(missing, `${std}: every file the manifest names is in the zip`).toEqual([]);
		expect(parsed.scos).toEqual(
			ids.map((id) => `index.html?lms=${std}&scenario=${encodeURIComponent(id)}`)
		);
		expect(parsed.items).toHaveLength(ids.length);
		for (const item of parsed.items) {
			expect(item.title.length).toBeGreaterThan(5);
			expect(item.description.length).toBeGreaterThan(20);
			expect(item.mastery).toBe(std === 'scorm12' ? '80' : '0.8');
		}
		// Relative paths: nothing in the pages points at the server's root.
		const index = new TextDecoder().decode(files['index.html']);
		expect(index).not.toMatch(/(src|href)="\/(?!\/)/);
	}
});

for (const std of STANDARDS) {
	test.describe(std, () => {
		test('a trainee who does every step reports completed, passed, 100 and the session time', async ({
			page
		}) => {
			// The whole walk through the UI, beside another test on the other worker (as the
			// migrate-group walk): 90 s was too tight on a shared machine.
			test.setTimeout(180_000);
			const frame = await launch(page, std);
			// Launched with a scenario, the first-visit welcome stays out of the way.
			await expect(frame.getByRole('dialog', { name: /Welcome/ })).toHaveCount(0);
			await expect.poll(async () => (await lmsState(page)).status).toBe('incomplete');
			expect((await lmsCalls(page)).initialize).toBe(1);

			// Each step commits: one of six steps done alone is 17 (rounded) out of 100.
			await policyAlone(frame);
			await expect.poll(async () => (await lmsState(page)).location).toBe('1');
			expect((await lmsState(page)).scoreRaw).toBe('17');
			await provisionAlone(frame);
			await expect.poll(async () => (await lmsState(page)).scoreRaw).toBe('33');
			const f = asPage(frame);
			await openEnrollmentMail(f, 'acme-u1');
			await expectStepsDone(f, 3, TOTAL);
			await enrollOnPhone(f, 'acme-u1', 'Allow');
			await expectStepsDone(f, 4, TOTAL);
			await openTokenOf(f, 'dwang', 'MobilePASS 8');
			await revokeToInventory(f);
			await expectStepsDone(f, 5, TOTAL);
			const phone = phonePane(f);
			await showPhoneOf(f, 'acme-u1');
			await phone.getByRole('button', { name: 'Browser', exact: true }).click();
			await phone.getByRole('button', { name: 'STA User Portal', exact: true }).click();
			await signInWithPush(f, phone, 'dwang', 'STA User Portal');
			await expectStepsDone(f, 6, TOTAL);

			const summary = frame.getByRole('region', { name: 'Completion summary' });
			await expect(summary.getByTestId('summary-alone')).toHaveText(`6 of ${TOTAL}`);
			await expect(summary.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
			await expect
				.poll(() => lmsState(page))
				.toMatchObject({
					...finished(std, 'passed'),
					scoreRaw: '100',
					...(std === 'scorm2004' ? { scoreScaled: '1' } : {})
				});
			expect((await lmsState(page)).sessionTime).toMatch(sessionTime(std));
			expect(JSON.parse((await lmsState(page)).suspendData)).toMatchObject({ s: SCO, a: [] });

			// Leaving the lesson ends the session, once.
			await page.evaluate(() => document.getElementById('sco')!.remove());
			await expect.poll(async () => (await lmsCalls(page)).terminate).toBe(1);
			expect((await lmsState(page)).exit).toBe(std === 'scorm12' ? '' : 'normal');
		});

		test('"Do it for me" steps do not count: same scenario, lower score, failed', async ({
			page
		}) => {
			test.slow();
			const frame = await launch(page, std);
			for (let done = 1; done <= TOTAL; done++) await doItForMe(frame, done);
			await expect(
				frame.getByRole('region', { name: 'Completion summary' }).getByTestId('summary-alone')
			).toHaveText(`0 of ${TOTAL} (6 by "Do it for me")`);
			await expect
				.poll(() => lmsState(page))
				.toMatchObject({ ...finished(std, 'failed'), scoreRaw: '0' });
		});

		test('a reload resumes, and the suspend data alone restores the progress elsewhere', async ({
			page,
			browser
		}) => {
			test.slow();
			let frame = await launch(page, std);
			await policyAlone(frame);
			await doItForMe(frame, 2);
			await expect
				.poll(() => lmsState(page))
				.toMatchObject({ location: '2', scoreRaw: '17', status: 'incomplete' });

			// The platform reloads the lesson: same browser, same world.
			frame = await launch(page, std);
			await expect(frame.getByTestId('checklist-count')).toHaveText(`2 of ${TOTAL} steps`);

			// Another browser (nothing in its IndexedDB): the platform's record is all there is.
			const saved = await page.evaluate(() => JSON.stringify(sessionStorage));
			const other = await freshPage(browser, saved);
			const otherFrame = await launch(other, std);
			await expect(
				otherFrame.getByText(/progress in .* was restored from the learning platform/)
			).toBeVisible();
			await expect(otherFrame.getByTestId('checklist-count')).toHaveText(`2 of ${TOTAL} steps`);
			// The world was rebuilt to match: the next step (the email) is there for the provisioned token.
			await doItForMe(otherFrame, 3);
			await expect
				.poll(() => lmsState(other))
				.toMatchObject({ location: '3', scoreRaw: '17', status: 'incomplete' });
			await other.context().close();
		});

		test('a platform that refuses every write is named in plain words; the scenario goes on', async ({
			page
		}) => {
			test.slow();
			const frame = await launch(page, std, { fail: true });
			await expect(
				frame.getByRole('alert').filter({ hasText: 'learning platform' }).first()
			).toContainText(
				/could not (record|save) your progress \(error 101: General exception\)\. You can keep working/
			);
			for (let done = 1; done <= TOTAL; done++) await doItForMe(frame, done);
			await expect(frame.getByRole('region', { name: 'Completion summary' })).toBeVisible();
			expect((await lmsCalls(page)).commit).toBeGreaterThan(TOTAL);
			expect((await lmsState(page)).scoreRaw).toBe('');
		});
	});
}

/** A page in a new browser context (empty IndexedDB) with the platform's session storage. */
async function freshPage(browser: Browser, sessionJson: string) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addInitScript(
		({ origin, json }) => {
			if (location.origin !== origin) return;
			for (const [k, v] of Object.entries(JSON.parse(json) as Record<string, string>))
				sessionStorage.setItem(k, v);
		},
		{ origin: base, json: sessionJson }
	);
	return context.newPage();
}
