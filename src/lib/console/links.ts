import { resolve } from '$app/paths';

/**
 * Links to pages about one thing carry it in the query string, so that every route stays a
 * prerendered page and a deep link works on any static host.
 */
export const tokenHref = (serial: string) =>
	resolve(`/tokens/details?serial=${encodeURIComponent(serial)}`);

export const userHref = (id: string) => resolve(`/assignment/user?id=${encodeURIComponent(id)}`);

export const TOKENS_NAV = () => [
	{ href: resolve('/tokens'), label: 'Token List' },
	{ href: resolve('/tokens/cleanup'), label: 'Migration clean-up' }
];

export const ASSIGNMENT_NAV = () => [
	{ href: resolve('/assignment'), label: 'Search users' },
	{ href: resolve('/assignment/users'), label: 'Users and groups' }
];
