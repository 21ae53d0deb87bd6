/** Highlights a step's target for a few seconds; returns a message when it is not on this page. */
export function showTarget(target: string | undefined): string | null {
	if (!target) return 'This step has nothing to point at.';
	const selector = target.startsWith('tour:') ? `[data-tour="${target.slice(5)}"]` : target;
	const el = document.querySelector<HTMLElement>(selector);
	if (!el) return 'What this step points at is not on this page: it may be in another window.';
	el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
	el.classList.add('tour-highlight');
	setTimeout(() => el.classList.remove('tour-highlight'), 3000);
	return null;
}
