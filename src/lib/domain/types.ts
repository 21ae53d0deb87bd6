/**
 * The entities of the simulated world, in the real product's words (see shared/domain.md).
 * Plain data only: every record here can be stored, cloned and exported as JSON.
 */

/** Milliseconds since the Unix epoch on the simulated clock, never the wall clock. */
export type Instant = number;

export const TOKEN_STATES = [
	'Inventory',
	'Assigned',
	'Active',
	'Suspended',
	'Locked',
	'Lost/Faulty'
] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

/** Which app enrolled a MobilePASS token: a property of the enrollment, not of the token type. */
export const MOBILE_APPS = ['MobilePASS 8', 'MobilePASS+'] as const;
export type MobileApp = (typeof MOBILE_APPS)[number];

/** Push OTP as recorded at the time of enrollment (it never follows later app settings). */
export const PUSH_OTP_STATES = ['Enabled', 'Disabled', 'Not Applicable'] as const;
export type PushOtp = (typeof PUSH_OTP_STATES)[number];

export type OsName = 'iOS' | 'Android' | 'Windows' | 'macOS' | 'BlackBerry';

/**
 * STA's targets: the operating system a token is enrolled on, as the console's Target field and
 * the Software Token & Push OTP Settings rows name it (thalesdocs.com/sta/operator/tokens/tkn_mp).
 */
export const TARGETS = ['iOS', 'Android', 'Windows 10', 'macOS'] as const;
export type Target = (typeof TARGETS)[number];

/** The form factor the console shows as Device Type (never the phone's model name). */
export const DEVICE_TYPES = ['Mobile', 'Tablet', 'Desktop'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
export type PinPolicy = 'None' | 'Token PIN' | 'Server PIN';

/** One row of Policy > Token Policies > Software Token & Push OTP Settings (see policy.ts). */
export interface TargetSetting {
	allowed: boolean;
	/** The one MobilePASS app users of this target enroll with. */
	app: MobileApp;
	/** Push Notifications: whether MobilePASS+ on this target may use Push OTP. */
	push: boolean;
}
export type SoftwareTokenSettings = Record<Target, TargetSetting>;
export type Integration =
	'STA SAML' | 'SafeNet RADIUS' | 'AD FS agent' | 'Windows Logon agent' | 'NPS';

export interface VirtualServer {
	id: string;
	name: string;
	/** The operator who acts in this virtual server's console. */
	operator: string;
	pinPolicy: PinPolicy;
	otpDigits: 6 | 8;
	/** Failed sign-ins that lock a token. */
	lockoutThreshold: number;
	/** Days an enrollment link stays valid after provisioning. */
	enrollmentDays: number;
	/** Software Token & Push OTP Settings; absent in older worlds, which read the defaults. */
	softwareTokens?: SoftwareTokenSettings;
}

export interface Group {
	id: string;
	serverId: string;
	name: string;
}

export interface User {
	/** Globally unique key; `userId` is what the user types and is unique per virtual server. */
	id: string;
	serverId: string;
	userId: string;
	firstName: string;
	lastName: string;
	email: string;
	groupIds: string[];
}

export interface Phone {
	id: string;
	ownerId: string;
	os: OsName;
	osVersion: string;
	/** The model name, e.g. "iPhone 15": shown on the phone only (Sandbox choice). */
	model: string;
	/** The form factor, which the console records as Device Type at enrollment. */
	formFactor: DeviceType;
	installed: { mobilePass8: boolean; mobilePassPlus: boolean };
	/** Whether the phone offers biometrics (Face ID, fingerprint) to unlock a token's PIN. */
	biometrics?: boolean;
	/**
	 * Windows' own "Notifications & actions" for MobilePASS+ (absent: on). Windows asks no push
	 * question at enrollment; this setting decides instead.
	 */
	notifications?: boolean;
}

export interface Application {
	id: string;
	serverId: string;
	name: string;
	integration: Integration;
	/** Sandbox choice: whether users can approve sign-ins to it with Push OTP. */
	pushCapable: boolean;
}

export interface Token {
	serial: string;
	serverId: string;
	type: 'MobilePASS';
	state: TokenState;
	/** The User.id it is assigned to; null in Inventory and Lost/Faulty. */
	userId: string | null;
	/** Base32 secret; a new one at each provisioning and at reinitialization. */
	secret: string | null;
	digits: 6 | 8;
	period: number;
	app: MobileApp | null;
	/** STA's Target at enrollment: the device's operating system, e.g. "iOS". */
	target: Target | null;
	/** STA's Device Type at enrollment: the form factor, e.g. "Mobile". */
	deviceType: DeviceType | null;
	pushOtp: PushOtp | null;
	provisionedAt: Instant | null;
	enrolledAt: Instant | null;
	lastUsedAt: Instant | null;
	failedCount: number;
}

/**
 * A user's line in a provisioning task, as stored. Enrolled: the token is enrolled but not yet
 * used to sign in (the console still shows Active; Completed needs a first sign-in). Expired is
 * stored once the user was provisioned again after the stop date (the line stays Expired).
 */
export type EnrollmentStatus =
	'Active' | 'Enrolled' | 'Completed' | 'Locked' | 'Expired' | 'Removed';

export interface ProvisioningTask {
	id: string;
	serverId: string;
	/** The number the console shows in the Task column. */
	number: number;
	operator: string;
	startDate: Instant;
	stopDate: Instant;
}

/** One user's line in a provisioning task, with the link they enroll with. */
export interface Enrollment {
	id: string;
	taskId: string;
	serverId: string;
	userId: string;
	email: string;
	serial: string;
	status: EnrollmentStatus;
	failedAttempts: number;
	/** Secret part of the self-enrollment link. */
	code: string;
	/** Shown as "Use an activation string instead". */
	activationString: string;
}

/** A token as the phone's app holds it: it stays on the phone even after the console revokes it. */
export interface AppToken {
	id: string;
	phoneId: string;
	app: MobileApp;
	serial: string;
	secret: string;
	digits: 6 | 8;
	period: number;
	label: string;
	enrolledAt: Instant;
	/** MobilePASS+ setting "Autosend Passcode" (blue = Push OTP on). */
	autosend: boolean;
	pin: string | null;
	/** Wrong PINs in a row; at MAX_PIN_ATTEMPTS (pin.ts) the token must be enrolled again. */
	pinFailures?: number;
	/** Set for a third-party otpauth:// token scanned into MobilePASS+: its issuer. */
	issuer?: string;
}

export interface Mail {
	id: string;
	userId: string;
	from: string;
	subject: string;
	body: string;
	/** The self-enrollment link, when the mail carries one. */
	enrollmentCode: string | null;
	expiresAt: Instant | null;
	receivedAt: Instant;
	read: boolean;
}

export type PushStatus = 'Pending' | 'Approved' | 'Denied' | 'Reported' | 'Expired';

export interface PushRequest {
	id: string;
	serverId: string;
	userId: string;
	serial: string;
	applicationId: string;
	location: string;
	createdAt: Instant;
	expiresAt: Instant;
	status: PushStatus;
}

export type AuditOutcome = 'Success' | 'Refused';

export interface AuditEvent {
	id?: number;
	serverId: string;
	at: Instant;
	operator: string;
	action: string;
	/** What the action was on, as the operator reads it. */
	target: string;
	/** Set when the action concerned a token, for filtering. */
	serial: string | null;
	/** The user ID (login) concerned, for filtering. */
	user: string | null;
	outcome: AuditOutcome;
	detail: string;
}

/** Everything the sandbox simulates, as stored: the shape of a world file export too. */
export interface World {
	servers: VirtualServer[];
	groups: Group[];
	users: User[];
	phones: Phone[];
	applications: Application[];
	tokens: Token[];
	tasks: ProvisioningTask[];
	enrollments: Enrollment[];
	appTokens: AppToken[];
	mail: Mail[];
	pushRequests: PushRequest[];
	audit: AuditEvent[];
}

export type TableName = keyof World;
export type Row<T extends TableName> = World[T][number];
