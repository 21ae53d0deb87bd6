/**
 * The scenario tests' kit: a seeded world with a scenario started, and the phone's part of a
 * migration (enroll, approve a push, sign in with a code) through the store's own commands.
 */
import { expect } from 'vitest';
import { totpCode } from '$lib/domain/otp';
import type { SandboxDB } from './db';
import type { Target } from '$lib/domain/types';
import {
	answerPushCommand,
	enrollCommand,
	installAppCommand,
	requestPushCommand,
	signInCommand
} from './phone-commands';
import { realNow, simulatedNow } from './execute';
import { changeTargetSettingCommand } from './policy-commands';
import { testDb } from './test-db';
import { readRun, recordProgress, startingWorld } from './training';
import { newRun } from '$lib/scenarios/engine';
import { loadScenario } from '$lib/scenarios/catalog';
import type { Scenario } from '$lib/scenarios/types';

export async function setup(id: string) {
	const scenario = (await loadScenario(id))!;
	const db = await testDb(await startingWorld(scenario));
	await db.scenarioRuns.put(newRun(scenario, 0, await simulatedNow(db)));
	/** Records progress and returns the ids of the steps done so far. */
	const progress = async () => {
		await recordProgress(db, scenario);
		return (await readRun(db, scenario.id))!.steps.map((s) => s.stepId);
	};
	return { scenario, db, progress };
}

export const ids = (s: Scenario, n: number) => s.steps.slice(0, n).map((x) => x.id);

export async function mp8SerialOf(db: SandboxDB, userId: string) {
	return (await db.appTokens.where('phoneId').equals(`phone-${userId}`).toArray()).find(
		(a) => a.app === 'MobilePASS 8'
	)!.serial;
}

/** The user installs MobilePASS+ and follows the link of their email: Allow or No Thanks. */
export async function enrollPlus(db: SandboxDB, userId: string, choice: 'Allow' | 'No Thanks') {
	const phoneId = `phone-${userId}`;
	const phone = (await db.phones.get(phoneId))!;
	if (!phone.installed.mobilePassPlus)
		expect((await installAppCommand(db, phoneId, 'mobilePassPlus')).ok).toBe(true);
	const e = (await db.enrollments.where('userId').equals(userId).toArray()).find(
		(x) => x.status === 'Active'
	)!;
	const result = await enrollCommand(db, {
		phoneId,
		app: 'MobilePASS+',
		allowPush: choice === 'Allow',
		pin: null,
		code: e.code
	});
	expect(result, `enroll ${userId}`).toMatchObject({ ok: true });
	return e.serial;
}

/**
 * Policy > Token Policies > Software Token & Push OTP Settings: the targets (by default iOS and
 * Android) enroll in MobilePASS+, with push.
 */
export async function startMigration(
	db: SandboxDB,
	targets: readonly Target[] = ['iOS', 'Android']
) {
	for (const target of targets)
		expect(
			(
				await changeTargetSettingCommand(db, 'acme', target, {
					allowed: true,
					app: 'MobilePASS+',
					push: true
				})
			).ok
		).toBe(true);
}

export const userName = async (db: SandboxDB, userId: string) =>
	(await db.users.get(userId))!.userId;

/** "Use my mobile to autosend a password" on an application, and Approve on the phone. */
export async function approvePush(db: SandboxDB, userId: string, applicationId: string) {
	const sent = await requestPushCommand(db, applicationId, await userName(db, userId), 'Test');
	expect(sent, 'push request').toMatchObject({ ok: true });
	expect((await answerPushCommand(db, sent.requestId, 'approve')).ok).toBe(true);
	return (await db.pushRequests.get(sent.requestId))!;
}

/** Types the code the user's MobilePASS+ app shows now. */
export async function signInWithCode(db: SandboxDB, userId: string, applicationId: string) {
	const app = (await db.appTokens.where('phoneId').equals(`phone-${userId}`).toArray()).find(
		(a) => a.app === 'MobilePASS+'
	)!;
	const code = totpCode(app, realNow());
	return signInCommand(db, applicationId, await userName(db, userId), code);
}

export const plusAppTokenId = async (db: SandboxDB, userId: string) =>
	(await db.appTokens.where('phoneId').equals(`phone-${userId}`).toArray()).find(
		(a) => a.app === 'MobilePASS+'
	)!.id;

export async function viewOf(db: SandboxDB, scenario: Scenario) {
	const { loadView, tablesOf } = await import('$lib/store/training');
	return loadView(db, tablesOf(scenario));
}
