import { newSecret } from './secret';
import { createRng, type Rng } from './random';
import {
	APPLICATION_PROFILES,
	FIRST_NAMES,
	LAST_NAMES,
	OLD_ANDROID,
	PHONE_MODELS,
	SERVER_PROFILES,
	WINDOWS_10,
	tabletLike,
	type PhoneModel
} from './seed-data';
import { deviceTypeOf, mobilePassPlusSupport, supportsPush, targetOf } from './devices';
import { DAY, WORLD_START } from './clock';
import { NO_HOLDER } from './tokens';
import { emptyWorld } from './world-tables';
import type { WorldSpec } from './world-spec';
import type { AppToken, Group, Phone, Token, User, VirtualServer, World } from './types';

/**
 * Builds a world from a seed: the same spec always gives the same users, phones, tokens and
 * serials. Only token secrets come from `secret` (by default the cryptographic RNG), since a
 * secret that anyone can derive from a public seed would not be a secret.
 */
/** The PIN seeded MobilePASS 8 tokens were activated with. */
export const SEEDED_PIN = '1357';

export function generateWorld(spec: WorldSpec, secret: () => string = newSecret): World {
	if (!Number.isInteger(spec.users) || spec.users < 1 || spec.users > 10_000)
		throw new RangeError('A world has from 1 to 10,000 users.');
	const rng = createRng(spec.seed);
	const world: World = emptyWorld();
	const serials = new Set<string>();
	const large = spec.users > 100;
	buildServer(world, rng, serials, secret, SERVER_PROFILES[0], {
		users: spec.users,
		tokens: Math.max(50, spec.users * 2),
		// The demo: 40% on MobilePASS 8. A large world is mid-migration.
		mp8: 0.4,
		both: large ? 0.1 : 0,
		plusOnly: large ? 0.1 : 0
	});
	buildServer(world, rng, serials, secret, SERVER_PROFILES[1], {
		users: 8,
		tokens: 18,
		mp8: 3 / 8,
		both: 0,
		plusOnly: 0
	});
	return world;
}

interface Mix {
	users: number;
	tokens: number;
	mp8: number;
	both: number;
	plusOnly: number;
}

function buildServer(
	world: World,
	rng: Rng,
	serials: Set<string>,
	secret: () => string,
	profile: (typeof SERVER_PROFILES)[number],
	mix: Mix
) {
	const server: VirtualServer = {
		id: profile.id,
		name: profile.name,
		operator: profile.operator,
		pinPolicy: 'None',
		otpDigits: 6,
		lockoutThreshold: 5,
		enrollmentDays: 7
	};
	world.servers.push(server);
	const groups: Group[] = profile.groups.map((name, i) => ({
		id: `${server.id}-g${i + 1}`,
		serverId: server.id,
		name
	}));
	world.groups.push(...groups);
	APPLICATION_PROFILES.forEach((app, i) =>
		world.applications.push({ ...app, id: `${server.id}-app${i + 1}`, serverId: server.id })
	);

	const nextSerial = () => {
		for (;;) {
			const s = String(rng.int(1_000_000_000, 9_999_999_999));
			if (!serials.has(s)) {
				serials.add(s);
				return s;
			}
		}
	};
	const mp8Count = Math.round(mix.users * mix.mp8);
	const bothCount = Math.round(mix.users * mix.both);
	const plusCount = Math.round(mix.users * mix.plusOnly);
	const taken = new Set<string>();
	let tokensLeft = mix.tokens;

	for (let i = 0; i < mix.users; i++) {
		const first = rng.pick(FIRST_NAMES);
		const last = rng.pick(LAST_NAMES);
		const user: User = {
			id: `${server.id}-u${i + 1}`,
			serverId: server.id,
			userId: uniqueUserId(`${first[0]}${last}`.toLowerCase(), taken),
			firstName: first,
			lastName: last,
			email: '',
			groupIds: [groups[i % groups.length].id]
		};
		user.email = `${user.userId}@${profile.domain}`;
		world.users.push(user);

		const hasMp8 = i < mp8Count + bothCount;
		const hasPlus = i >= mp8Count && i < mp8Count + bothCount + plusCount;
		// Place the special devices among the MobilePASS 8 holders, where trainees meet them. The
		// tablet replaces a picked phone after the pick, so every other user keeps their phone.
		const picked =
			hasMp8 && i === 2 ? WINDOWS_10 : hasMp8 && i === 6 ? OLD_ANDROID : pickModel(rng, hasPlus);
		const model = hasMp8 && i === 4 ? tabletLike(picked) : picked;
		const phone: Phone = {
			id: `phone-${user.id}`,
			ownerId: user.id,
			...model,
			installed: { mobilePass8: hasMp8, mobilePassPlus: hasPlus }
		};
		world.phones.push(phone);
		if (hasMp8 && tokensLeft > 0) {
			enrolled(world, rng, server, user, phone, nextSerial(), secret(), 'MobilePASS 8');
			tokensLeft--;
		}
		if (hasPlus && tokensLeft > 0) {
			enrolled(world, rng, server, user, phone, nextSerial(), secret(), 'MobilePASS+');
			tokensLeft--;
		}
	}
	for (; tokensLeft > 0; tokensLeft--) world.tokens.push(inventoryToken(server, nextSerial()));
}

function pickModel(rng: Rng, needsPlus: boolean): PhoneModel {
	for (;;) {
		const m = rng.pick(PHONE_MODELS);
		if (!needsPlus || mobilePassPlusSupport(m).ok) return m;
	}
}

function uniqueUserId(base: string, taken: Set<string>): string {
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
	taken.add(id);
	return id;
}

export function inventoryToken(server: VirtualServer, serial: string): Token {
	return {
		serial,
		serverId: server.id,
		type: 'MobilePASS',
		state: 'Inventory',
		digits: server.otpDigits,
		period: 30,
		...NO_HOLDER
	};
}

function enrolled(
	world: World,
	rng: Rng,
	server: VirtualServer,
	user: User,
	phone: Phone,
	serial: string,
	secret: string,
	app: 'MobilePASS 8' | 'MobilePASS+'
) {
	const plus = app === 'MobilePASS+';
	const enrolledAt = WORLD_START - rng.int(plus ? 5 : 120, plus ? 60 : 900) * DAY;
	const allowed = plus && supportsPush(phone) && rng.chance(0.7);
	const token: Token = {
		...inventoryToken(server, serial),
		state: 'Active',
		userId: user.id,
		secret,
		app,
		target: targetOf(phone),
		deviceType: deviceTypeOf(phone),
		pushOtp: !plus ? 'Not Applicable' : allowed ? 'Enabled' : 'Disabled',
		provisionedAt: enrolledAt - rng.int(1, 3) * DAY,
		enrolledAt,
		lastUsedAt: WORLD_START - rng.int(1, 20) * DAY
	};
	world.tokens.push(token);
	const appToken: AppToken = {
		id: `${phone.id}:${serial}`,
		phoneId: phone.id,
		app,
		serial,
		secret,
		digits: token.digits,
		period: token.period,
		label: `${server.name} (${user.userId})`,
		enrolledAt,
		autosend: allowed,
		// MobilePASS 8 always asked for a PIN at activation (the scenarios' demo PIN).
		pin: plus ? null : SEEDED_PIN
	};
	world.appTokens.push(appToken);
}
