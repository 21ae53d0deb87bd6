import { resolve } from '$app/paths';

/** The reports a virtual server offers, as the Reports page lists them. */
export const REPORTS = [
	{
		slug: 'users-with-tokens',
		href: resolve('/reports/users-with-tokens'),
		name: 'Users – With Tokens',
		description:
			'This report can help track MobilePASS+ and push OTP deployment. It includes token details (OS type, device type, and push OTP state) for MobilePASS tokens, for all users in a virtual server.'
	},
	{
		slug: 'deployment',
		href: resolve('/reports/deployment'),
		name: 'Deployment dashboard',
		description:
			'Sandbox only (not a report of the real console; also under Sandbox). Migration progress by user, Push OTP states, Target OS, Device Type and the token inventory over time, as charts with their numbers.'
	},
	{
		slug: 'token-inventory',
		href: resolve('/reports/token-inventory'),
		name: 'Token inventory',
		description: 'MobilePASS tokens by state, split by the app that enrolled them.'
	},
	{
		slug: 'provisioning-status',
		href: resolve('/reports/provisioning-status'),
		name: 'Provisioning task status',
		description:
			'Each provisioning task with the status of every user in it: Active, Completed, Locked, Expired or Removed.'
	},
	{
		slug: 'authentication-activity',
		href: resolve('/reports/authentication-activity'),
		name: 'Authentication activity',
		description: 'Sign-ins, Push OTP approvals and denials, and token lockouts, per user.'
	}
] as const;
