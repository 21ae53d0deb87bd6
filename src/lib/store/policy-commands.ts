/**
 * Policy > Token Policies > Software Token & Push OTP Settings: one command per row change,
 * one transaction, audited (also when refused).
 */
import { changeTargetSetting } from '$lib/domain/policy';
import type { TargetSetting } from '$lib/domain/types';
import type { SandboxDB } from './db';
import { execute } from './execute';

export function changeTargetSettingCommand(
	db: SandboxDB,
	serverId: string,
	target: string,
	setting: TargetSetting
) {
	return execute(db, serverId, async (tx) =>
		changeTargetSetting(await tx.servers.get(serverId), target, setting)
	);
}
