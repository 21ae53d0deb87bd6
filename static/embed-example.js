// The docs-page side of the embed API (docs/embedding.md). `?sandbox=https://host/path` points
// the iframe at a sandbox on another origin; by default it is the one serving this page.
const PROTOCOL = 'sta-token-sandbox';
const params = new URLSearchParams(location.search);
const sandboxBase = (params.get('sandbox') ?? new URL('.', location.href).href).replace(/\/$/, '');
const scenario = params.get('scenario') ?? 'migrate-one-user';
const panel = params.get('panel') ?? 'both';

const iframe = document.getElementById('sandbox');
iframe.src = `${sandboxBase}/embed?scenario=${encodeURIComponent(scenario)}&panel=${panel}`;
const sandboxOrigin = new URL(iframe.src).origin;
const log = document.getElementById('log');

function send(message) {
	iframe.contentWindow.postMessage({ protocol: PROTOCOL, version: 1, ...message }, sandboxOrigin);
}

window.addEventListener('message', (event) => {
	// Only the sandbox's own messages, from its origin.
	if (event.origin !== sandboxOrigin || event.source !== iframe.contentWindow) return;
	const data = event.data;
	if (!data || data.protocol !== PROTOCOL) return;
	if (data.type === 'resize') {
		iframe.style.height = `${data.height}px`;
		return;
	}
	const item = document.createElement('li');
	item.textContent = JSON.stringify(data);
	log.append(item);
});

document.getElementById('reset').addEventListener('click', () => send({ type: 'reset' }));
document
	.getElementById('go')
	.addEventListener('click', () =>
		send({ type: 'goToStep', step: Number(document.getElementById('step').value) })
	);
let dark = false;
document.getElementById('theme').addEventListener('click', (e) => {
	dark = !dark;
	e.currentTarget.textContent = dark ? 'Light theme' : 'Dark theme';
	send({ type: 'setTheme', theme: dark ? 'dark' : 'light' });
});
