import { resolve } from '$app/paths';

/**
 * Links to pages about one thing carry it in the query string, so that every route stays a
 * prerendered page and a deep link works on any static host.
 */
export const tokenHref = (serial: string) =>
	resolve(`/tokens/details?serial=${encodeURIComponent(serial)}`);

export const userHref = (id: string) => resolve(`/assignment/user?id=${encodeURIComponent(id)}`);
