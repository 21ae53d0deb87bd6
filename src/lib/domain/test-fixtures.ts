/**
 * Hand-made records for domain unit tests: one virtual server, one user with a phone, a token
 * provisioned to them and its enrollment. Tests override what they need.
 */
import type { SignInInput } from './authentication';
import { WORLD_START, DAY } from './clock';
import { newSecret } from './otp';
import { mobilesOnMobilePassPlus, UPGRADED_ACCOUNT } from './policy';
import type {
	Application,
	Enrollment,
	Phone,
	ProvisioningTask,
	Token,
	User,
	VirtualServer
} from './types';

export function fixture() {
	const server: VirtualServer = {
		id: 'acme',
		name: 'Acme Corp',
		operator: 'operator@acme',
		pinPolicy: 'None',
		otpDigits: 6,
		lockoutThreshold: 5,
		enrollmentDays: 7,
		// Mid-migration: iOS and Android enroll in MobilePASS+ with push (policy.ts).
		softwareTokens: mobilesOnMobilePassPlus(UPGRADED_ACCOUNT)
	};
	const user: User = {
		id: 'acme-u1',
		serverId: 'acme',
		userId: 'ang',
		firstName: 'Alice',
		lastName: 'Ng',
		email: 'ang@acme.example',
		groupIds: []
	};
	const phone: Phone = {
		id: 'phone-acme-u1',
		ownerId: user.id,
		os: 'iOS',
		osVersion: '17.5',
		model: 'iPhone 15',
		formFactor: 'Mobile',
		installed: { mobilePass8: false, mobilePassPlus: true }
	};
	const token: Token = {
		serial: '1234567890',
		serverId: 'acme',
		type: 'MobilePASS',
		state: 'Assigned',
		userId: user.id,
		secret: newSecret(),
		digits: 6,
		period: 30,
		app: null,
		target: null,
		deviceType: null,
		pushOtp: null,
		provisionedAt: WORLD_START,
		enrolledAt: null,
		lastUsedAt: null,
		failedCount: 0
	};
	const task: ProvisioningTask = {
		id: 't1',
		serverId: 'acme',
		number: 1,
		operator: server.operator,
		startDate: WORLD_START,
		stopDate: WORLD_START + 7 * DAY
	};
	const enrollment: Enrollment = {
		id: 'e1',
		taskId: task.id,
		serverId: 'acme',
		userId: user.id,
		email: user.email,
		serial: token.serial,
		status: 'Active',
		failedAttempts: 0,
		code: 'code-1',
		activationString: '1234-5678-9012-3456'
	};
	const pushApp: Application = {
		id: 'acme-app1',
		serverId: 'acme',
		name: 'STA User Portal',
		integration: 'STA SAML',
		pushCapable: true
	};
	const legacyApp: Application = {
		id: 'acme-app4',
		serverId: 'acme',
		name: 'Legacy Timesheets',
		integration: 'SafeNet RADIUS',
		pushCapable: false
	};
	return {
		server,
		user,
		phone,
		token,
		task,
		enrollment,
		pushApp,
		legacyApp,
		at: WORLD_START + DAY
	};
}

/** The fixture's user signs in at the push-capable application with a typed passcode. */
export function signInInput(
	token: Token,
	code: string,
	over: Partial<SignInInput> = {}
): SignInInput {
	const f = fixture();
	return {
		server: f.server,
		application: f.pushApp,
		user: f.user,
		typedUserName: 'ang',
		tokens: [token],
		code,
		at: f.at,
		otpAt: f.at,
		...over
	};
}
