import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/**
 * The console's menus, in the STA Token Management console's words, so that the paths the
 * documentation gives ("Tokens > Tokens", "Assignment > Tokens", "Shortcuts > Provisioning Tasks",
 * "Snapshot > Token States", "Assignment > Search User", "Policy > Token Policies > Software Token
 * & Push OTP Settings") can be clicked here in the same order. Pages that exist only in the
 * sandbox sit apart, under Sandbox.
 */
export interface MenuLink {
	label: string;
	href: ResolvedPathname;
	/** The guided tour's anchor: `tour:nav-…` in a scenario step. */
	tour: string;
}

/** A sub-menu inside a section's row, e.g. Policy > Token Policies. */
export interface MenuGroup {
	label: string;
	tour: string;
	items: MenuLink[];
}

export interface MenuSection {
	id: string;
	label: string;
	items: (MenuLink | MenuGroup)[];
	/** Further pages that belong to the section without an entry of their own. */
	also?: ResolvedPathname[];
	/** Only in the sandbox: shown apart, with a note. */
	sandbox?: boolean;
}

export const isGroup = (item: MenuLink | MenuGroup): item is MenuGroup => 'items' in item;

const links = (s: MenuSection): MenuLink[] => s.items.flatMap((i) => (isGroup(i) ? i.items : [i]));

/** Where a section's tab leads: its first page. */
export const sectionHref = (s: MenuSection): ResolvedPathname => links(s)[0].href;

// The Software Token & Push OTP Settings page is built by the policy work; its route is fixed.
const softwareTokenSettings = resolve('/policy/software-tokens' as '/');

export function consoleMenu(options: { embedded: boolean }): MenuSection[] {
	const sections: MenuSection[] = [
		{
			id: 'shortcuts',
			label: 'Shortcuts',
			items: [{ label: 'Provisioning Tasks', href: resolve('/provisioning'), tour: 'provisioning' }]
		},
		{
			id: 'snapshot',
			label: 'Snapshot',
			items: [{ label: 'Token States', href: resolve('/'), tour: 'token-states' }]
		},
		{
			id: 'assignment',
			label: 'Assignment',
			items: [
				{ label: 'Search User', href: resolve('/assignment'), tour: 'search-user' },
				{ label: 'Tokens', href: resolve('/assignment/tokens'), tour: 'assignment-tokens' },
				{ label: 'Users and Groups', href: resolve('/assignment/users'), tour: 'users-groups' }
			],
			also: [resolve('/assignment/user')]
		},
		{
			id: 'tokens',
			label: 'Tokens',
			items: [{ label: 'Tokens', href: resolve('/tokens'), tour: 'token-list' }],
			also: [resolve('/tokens/details')]
		},
		{
			id: 'reports',
			label: 'Reports',
			items: [{ label: 'Available Reports', href: resolve('/reports'), tour: 'available-reports' }]
		},
		{
			id: 'policy',
			label: 'Policy',
			items: [
				{
					label: 'Token Policies',
					tour: 'token-policies',
					items: [
						{
							label: 'Software Token & Push OTP Settings',
							href: softwareTokenSettings,
							tour: 'software-token-settings'
						}
					]
				}
			]
		},
		{
			id: 'sandbox',
			label: 'Sandbox',
			sandbox: true,
			items: [
				...(options.embedded
					? []
					: [{ label: 'Scenarios', href: resolve('/scenarios'), tour: 'scenarios' }]),
				{ label: 'Audit trail', href: resolve('/audit'), tour: 'audit' },
				{ label: 'Migration clean-up', href: resolve('/tokens/cleanup'), tour: 'cleanup' },
				{
					label: 'Deployment dashboard',
					href: resolve('/reports/deployment'),
					tour: 'deployment'
				}
			]
		}
	];
	return sections;
}

function matchLength(path: string, href: string): number {
	const bare = href.replace(/\/$/, '');
	if (path === href || path === bare) return href.length + 1; // exact beats any prefix
	if (bare !== '' && path.startsWith(`${bare}/`)) return bare.length;
	return -1;
}

/**
 * The section and entry a page belongs to: the longest matching path wins, so that
 * /reports/deployment is the Sandbox's dashboard while /reports/users-with-tokens is Reports.
 */
export function currentEntry(
	menu: MenuSection[],
	path: string
): { section: MenuSection | undefined; href: string | undefined } {
	let best = {
		section: undefined as MenuSection | undefined,
		href: undefined as string | undefined
	};
	let bestLength = -1;
	for (const section of menu) {
		for (const link of links(section)) {
			const n = matchLength(path, link.href);
			if (n > bestLength) [bestLength, best] = [n, { section, href: link.href }];
		}
		for (const extra of section.also ?? []) {
			const n = matchLength(path, extra);
			if (n > bestLength) [bestLength, best] = [n, { section, href: undefined }];
		}
	}
	return best;
}
