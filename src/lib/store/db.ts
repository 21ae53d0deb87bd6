import { Database, type DatabaseOptions } from './idb/database';
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

/**
 * The sandbox's database: its tables by name. A transaction's function gets a view of it bound
 * to the transaction (`db.transaction('rw', tables, async (tx) => …tx.tokens…)`), of this class
 * too, so every store function takes either.
 */
export class SandboxDB extends Database {
	constructor(name = 'sta-token-sandbox', options?: DatabaseOptions) {
		super(name, declaredVersions(SCHEMA), options);
	}

	get servers() {
		return this.table<VirtualServer, VirtualServer['id']>('servers');
	}
	get groups() {
		return this.table<Group, Group['id']>('groups');
	}
	get users() {
		return this.table<User, User['id']>('users');
	}
	get phones() {
		return this.table<Phone, Phone['id']>('phones');
	}
	get applications() {
		return this.table<Application, Application['id']>('applications');
	}
	get tokens() {
		return this.table<Token, Token['serial']>('tokens');
	}
	get tasks() {
		return this.table<ProvisioningTask, ProvisioningTask['id']>('tasks');
	}
	get enrollments() {
		return this.table<Enrollment, Enrollment['id']>('enrollments');
	}
	get appTokens() {
		return this.table<AppToken, AppToken['id']>('appTokens');
	}
	get mail() {
		return this.table<Mail, Mail['id']>('mail');
	}
	get pushRequests() {
		return this.table<PushRequest, PushRequest['id']>('pushRequests');
	}
	get audit() {
		return this.table<AuditEvent, number>('audit');
	}
	get meta() {
		return this.table<MetaRecord, MetaRecord['key']>('meta');
	}
	/** Kept apart from the world, so that resetting or importing a world keeps training progress. */
	get scenarioRuns() {
		return this.table<ScenarioRun, ScenarioRun['scenarioId']>('scenarioRuns');
	}
	get training() {
		return this.table<{ key: 'session'; value: TrainingSession }, string>('training');
	}
	/** Derived from the tokens, never in a world file: see cleanup-list.ts. */
	get cleanupList() {
		return this.table<CleanupEntry, CleanupEntry['serial']>('cleanupList');
	}

	/**
	 * The tables that hold the world, and the clean-up list derived from its tokens: what a
	 * transaction that writes the world takes (with meta, and training where it starts over).
	 */
	get worldTables() {
		return [...WORLD_TABLES.map((t) => this.table(t)), this.cleanupList];
	}
}
