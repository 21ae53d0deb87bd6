import { provisionUsers, revokeMp8 } from '../actions';
import {
	countWhere,
	groupMembers,
	isProvisioned,
	mp8Returned,
	mp8Serial,
	onMobilePassPlus
} from '../checks';
import { enrollPlus } from '../phone-actions';
import type { Scenario, StepContext, WorldView } from '../types';

const GROUP = 'acme-g2';
const members = (w: WorldView) => groupMembers(w, GROUP);
/** Members who had a MobilePASS 8 token: their phone still holds it. */
const mp8Holders = (w: WorldView) => members(w).filter((id) => mp8Serial(w, id) !== undefined);

const scenario: Scenario = {
	id: 'migrate-group',
	title: 'Migrate a whole group',
	summary:
		'Provision every user of the Engineering group at once, track enrollment in Reports > Users – With Tokens until everyone is on MobilePASS+, then return the old tokens to inventory.',
	audience: 'Operator',
	minutes: 20,
	start: { seed: 'acme-demo', users: 25 },
	steps: [
		{
			id: 'provision-group',
			instruction: 'Provision a MobilePASS token to every user in the {group:acme-g2} group.',
			why: 'Provisioning by group sends one provisioning task with an enrollment email per user: the way a real migration is rolled out.',
			hint: 'Assignment > Search User: filter by group, select all, Provision. Check that enough tokens are Available first.',
			target: 'tour:nav-assignment',
			notes:
				'Eight users, three of them on MobilePASS 8 today. The provisioning task lists each one with status Active.',
			reads: ['enrollments', 'users'],
			check: (w) => members(w).every((id) => isProvisioned(w, id)),
			progress: (w) => countWhere(members(w), (id) => isProvisioned(w, id)),
			doItForMe: (ctx: StepContext) => provisionUsers(members(ctx.view))(ctx)
		},
		{
			id: 'all-enrolled',
			instruction:
				'Have every user enroll MobilePASS+ on their phone, and follow it in Reports > Users – With Tokens until the App column shows MobilePASS+ for all of them.',
			why: 'Reports > Users – With Tokens tracks MobilePASS+ and push OTP deployment: OS type, device type and push OTP state per user and token.',
			hint: 'Switch phones with the picker above the phone. Shortcuts > Provisioning Tasks shows who is still Active (not yet enrolled, or enrolled but not yet signed in).',
			target: 'tour:nav-reports',
			notes:
				'Run the report between enrollments: the count of MobilePASS+ rows grows. Point out Push OTP Disabled where someone chose No Thanks.',
			reads: ['tokens', 'enrollments', 'appTokens', 'phones', 'users'],
			check: (w) => members(w).every((id) => onMobilePassPlus(w, id)),
			progress: (w) => countWhere(members(w), (id) => onMobilePassPlus(w, id)),
			doItForMe: (ctx: StepContext) => enrollPlus(members(ctx.view), true)(ctx)
		},
		{
			id: 'return-old-tokens',
			instruction:
				'Revoke the MobilePASS 8 tokens of the group and return them to inventory, until no one in {group:acme-g2} is left on MobilePASS 8.',
			why: 'After users enroll in MobilePASS+, their MobilePASS 8 tokens can be revoked, returned to inventory and reused for the next group.',
			hint: 'Tokens > Tokens (Token List): the MobilePASS 8 tokens of these users, Revoke > return to inventory.',
			target: 'tour:nav-tokens',
			notes:
				'Snapshot: Inventory rises by three. Users – With Tokens now shows only MobilePASS+ rows for the group.',
			reads: ['tokens', 'appTokens', 'phones', 'users'],
			check: (w) => mp8Holders(w).every((id) => mp8Returned(w, id)),
			progress: (w) => countWhere(mp8Holders(w), (id) => mp8Returned(w, id)),
			doItForMe: (ctx: StepContext) => revokeMp8(mp8Holders(ctx.view))(ctx)
		}
	]
};

export default scenario;
