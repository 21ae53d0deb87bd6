import { provisionUsers, revokeMp8 } from '../actions';
import {
	countWhere,
	isProvisioned,
	liveEnrollments,
	mp8Returned,
	mp8Serial,
	onMobilePassPlus
} from '../checks';
import { limitInventory } from '../prepare';
import { enrollPlus } from '../phone-actions';
import type { Scenario, WorldView } from '../types';

const BATCH_1 = ['acme-u1', 'acme-u4', 'acme-u10'];
const BATCH_2 = ['acme-u2', 'acme-u5', 'acme-u8'];

/** Batch 2 got tokens that batch 1 used in MobilePASS 8. */
function reused(w: WorldView, userId: string): boolean {
	const old = new Set(BATCH_1.map((id) => mp8Serial(w, id)));
	return liveEnrollments(w, userId).some((e) => old.has(e.serial));
}

const scenario: Scenario = {
	id: 'inventory-runs-out',
	title: 'The inventory runs out: reuse MobilePASS 8 tokens',
	summary:
		'Acme Corp has only three MobilePASS tokens in inventory. Migrate a first batch, find that the next one is refused, then revoke the old MobilePASS 8 tokens and reuse them.',
	audience: 'Operator',
	minutes: 15,
	start: {
		seed: 'acme-demo',
		users: 25,
		prepare: (world) => limitInventory(world, 'acme', 3)
	},
	steps: [
		{
			id: 'provision-batch-1',
			instruction:
				'Provision MobilePASS tokens to the first batch: {user:acme-u1}, {user:acme-u4} and {user:acme-u10}.',
			why: 'Three users, three tokens in inventory: after this, Available is 0.',
			hint: 'Assignment > Search User: select the three users, Provision. The dialog shows Available 3.',
			target: 'tour:nav-assignment',
			notes: 'Open the Snapshot before and after: Inventory 3 → 0, Assigned 0 → 3.',
			reads: ['enrollments'],
			check: (w) => BATCH_1.every((id) => isProvisioned(w, id)),
			progress: (w) => countWhere(BATCH_1, (id) => isProvisioned(w, id)),
			doItForMe: provisionUsers(BATCH_1)
		},
		{
			id: 'batch-1-enrolled',
			instruction: 'Have the three users enroll MobilePASS+ on their phones.',
			why: 'Only an enrolled user can give up their MobilePASS 8 token without losing access.',
			hint: 'Switch phones with the picker above the phone.',
			target: 'aside[aria-label="Virtual phone"]',
			notes:
				'Use Do it for me on the provisioning step if time is short; enrollment is on the phone.',
			reads: ['tokens', 'enrollments', 'appTokens', 'phones'],
			check: (w) => BATCH_1.every((id) => onMobilePassPlus(w, id)),
			progress: (w) => countWhere(BATCH_1, (id) => onMobilePassPlus(w, id)),
			doItForMe: enrollPlus(BATCH_1, true)
		},
		{
			id: 'batch-2-refused',
			instruction:
				'Try to provision the next batch: {user:acme-u2}, {user:acme-u5} and {user:acme-u8}. Read why it is refused.',
			why: 'Provisioning needs a token in Inventory per user. The refusal says how many are missing and where to find more.',
			hint: 'Assignment > Search User: select the three users, Provision…. The dialog already says tokens are missing; click Provision anyway to see the refusal.',
			target: 'tour:nav-assignment',
			notes: 'The refusal is in Sandbox > Audit trail too, with outcome Refused.',
			reads: ['audit', 'enrollments'],
			check: (w) =>
				w.audit.some(
					(a) => a.action === 'Provision' && a.outcome === 'Refused' && /Not enough/.test(a.detail)
				) || BATCH_2.every((id) => isProvisioned(w, id)),
			doItForMe: provisionUsers(BATCH_2)
		},
		{
			id: 'return-batch-1',
			instruction: "Revoke the first batch's MobilePASS 8 tokens and return them to inventory.",
			why: 'This is the loop of the migration: revoked MobilePASS 8 tokens go back to inventory and migrate the next users.',
			hint: 'Tokens > Tokens (Token List) > each MobilePASS 8 serial > Revoke > return to inventory. Not Lost/Faulty: those are not usable until reinitialized.',
			target: 'tour:nav-tokens',
			notes: 'Snapshot: Inventory 0 → 3.',
			reads: ['tokens', 'appTokens', 'phones'],
			check: (w) => BATCH_1.every((id) => mp8Returned(w, id)),
			progress: (w) => countWhere(BATCH_1, (id) => mp8Returned(w, id)),
			doItForMe: revokeMp8(BATCH_1)
		},
		{
			id: 'provision-batch-2',
			instruction: 'Provision the second batch again: now it uses the returned tokens.',
			why: 'The serials the second batch receives are the ones the first batch held in MobilePASS 8: a reused token gets a new secret.',
			hint: 'Assignment > Search User: select {user:acme-u2}, {user:acme-u5} and {user:acme-u8}, Provision.',
			target: 'tour:nav-assignment',
			notes: 'Compare the serials in the provisioning task with the ones you revoked.',
			reads: ['enrollments', 'appTokens', 'phones'],
			check: (w) => BATCH_2.every((id) => reused(w, id)),
			progress: (w) => countWhere(BATCH_2, (id) => reused(w, id)),
			doItForMe: provisionUsers(BATCH_2)
		}
	]
};

export default scenario;
