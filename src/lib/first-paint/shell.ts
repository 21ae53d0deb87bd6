import { consoleMenu, currentEntry, isGroup, type MenuSection } from '$lib/console/menu';

/**
 * The first paint: the console's frame (header, menus, the page's menu path as its title) and
 * the phone's frame, written into each prerendered page (src/hooks.server.ts) so that a reader on
 * a slow phone sees the product before any JavaScript has loaded. It is a picture, not the app:
 * no links, no landmarks, hidden from assistive technology (a status line says what is going on).
 * The root layout removes it in the frame that shows the real page (src/routes/+layout.svelte).
 * Its styles are global, in first-paint.css, inlined into the page with the rest.
 */
export const FIRST_PAINT_ID = 'first-paint';

const escape = (s: string) =>
	s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The documented menu path of a page, e.g. "Tokens > Tokens"; the sandbox's own pages say so. */
export function menuPath(menu: MenuSection[], pathname: string): string {
	const { section, href } = currentEntry(menu, pathname);
	if (!section) return 'STA Token Sandbox';
	const entry = section.items
		.flatMap((i) =>
			isGroup(i) ? i.items.map((l) => ({ ...l, label: `${i.label} > ${l.label}` })) : [i]
		)
		.find((l) => l.href === href);
	return entry ? `${section.label} > ${entry.label}` : section.label;
}

/**
 * The first paint of a console page, or of the embed's start (the console and phone follow);
 * nothing for the pages that show no console (the phone alone, the sign-in page, speaker notes).
 */
export function firstPaintShell(pathname: string, embedded: boolean): string {
	const menu = consoleMenu({ embedded });
	const { section } = currentEntry(menu, pathname);
	if (!section && !embedded) return '';
	const tab = (s: MenuSection) =>
		`<li${s.sandbox ? ' class="apart"' : ''}><span${s === section ? ' class="current"' : ''}>${escape(s.label)}</span></li>`;
	const row = section
		? section.items.map((i) => `<li><span>${escape(i.label)}</span></li>`).join('')
		: '';
	return `<div id="${FIRST_PAINT_ID}" class="first-paint">
<div class="fp-console">
<div class="fp-header" aria-hidden="true"><div class="fp-top">${
		embedded
			? ''
			: '<span class="fp-product">SafeNet Trusted Access</span><span class="fp-name">Token Management</span>'
	}</div>
<ul class="fp-tabs">${menu.map(tab).join('')}</ul>
<ul class="fp-row${section?.sandbox ? ' sandbox' : ''}">${row}</ul></div>
<div class="fp-main"><p class="fp-title" aria-hidden="true">${escape(menuPath(menu, pathname))}</p>
<p class="fp-status" role="status">Opening the sandbox…</p></div>
</div>
<div class="fp-phone" aria-hidden="true"><div class="fp-device"><div class="fp-screen"></div></div></div>
</div>`;
}
