// Loaded by /embed only (src/hooks.server.ts), before the app starts. It keeps the messages a
// documentation page sends before the sandbox is up (at the iframe's load event, say), in order,
// so that none is lost; src/lib/embed/embed.svelte.ts takes them over as the app starts.
(function () {
	if (window.parent === window || window.__staEmbedInbox) return;
	var inbox = [];
	window.__staEmbedInbox = inbox;
	window.addEventListener('message', function (event) {
		if (!inbox.closed && event.source === window.parent)
			inbox.push({ origin: event.origin, data: event.data });
	});
})();
