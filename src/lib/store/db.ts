import Dexie, { type EntityTable } from 'dexie';
import type { ClockState } from '$lib/domain/clock';
import type {
	AppToken,
	Application,
	AuditEvent,
	Enrollment,
	Group,
	Mail,
	Phone,
	ProvisioningTask,
	PushRequest,
	Token,
	User,
	VirtualServer
} from '$lib/domain/types';
import type { CleanupEntry } from '$lib/domain/cleanup';
import type { ScenarioRun, TrainingSession } from '$lib/scenarios/types';
import { WORLD_TABLES } from '$lib/domain/world-tables';
import { declaredVersions, SCHEMA } from './schema';

/** What the world was built from, so Reset world can build it again. */
export interface WorldInfo {
	seed: string;
	users: number;
	createdAt: number;
}

/** Settings every window of the sandbox shares (so a second screen stays in step). */
export interface Preferences {
	serverId: string;
	/** The User.id whose phone the phone pane shows. */
	phoneUserId: string;
}

export type MetaRecord =
	| { key: 'world'; value: WorldInfo }
	| { key: 'clock'; value: ClockState }
	| { key: 'preferences'; value: Preferences };

export class SandboxDB extends Dexie {
	servers!: EntityTable<VirtualServer, 'id'>;
	groups!: EntityTable<Group, 'id'>;
	users!: EntityTable<User, 'id'>;
	phones!: EntityTable<Phone, 'id'>;
	applications!: EntityTable<Application, 'id'>;
	tokens!: EntityTable<Token, 'serial'>;
	tasks!: EntityTable<ProvisioningTask, 'id'>;
	enrollments!: EntityTable<Enrollment, 'id'>;
	appTokens!: EntityTable<AppToken, 'id'>;
	mail!: EntityTable<Mail, 'id'>;
	pushRequests!: EntityTable<PushRequest, 'id'>;
	audit!: EntityTable<AuditEvent, 'id'>;
	meta!: EntityTable<MetaRecord, 'key'>;
	/** Kept apart from the world, so that resetting or importing a world keeps training progress. */
	scenarioRuns!: EntityTable<ScenarioRun, 'scenarioId'>;
	training!: EntityTable<{ key: 'session'; value: TrainingSession }, 'key'>;
	/** Derived from the tokens, never in a world file: see cleanup-list.ts. */
	cleanupList!: EntityTable<CleanupEntry, 'serial'>;

	constructor(name = 'sta-token-sandbox', options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, options);
		for (const v of declaredVersions(SCHEMA)) {
			const version = this.version(v.version).stores(v.stores);
			if (v.upgrade) version.upgrade(v.upgrade);
		}
	}

	/**
	 * The tables that hold the world, and the clean-up list derived from its tokens: what a
	 * transaction that writes the world takes (with meta, and training where it starts over).
	 */
	get worldTables() {
		return [...WORLD_TABLES.map((t) => this.table(t)), this.cleanupList];
	}
}
