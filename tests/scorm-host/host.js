/**
 * A minimal learning platform for the SCORM end-to-end tests (tests/scorm.spec.ts): it reads the
 * package's imsmanifest.xml, finds the SCO for ?sco=<scenario id>, gives it a scorm-again
 * runtime (window.API or window.API_1484_11) with the mastery score from the manifest and what
 * the previous attempt left (kept in sessionStorage, as a platform keeps it in its database),
 * and opens the SCO's launch URL in an iframe. ?fail=1 makes every SetValue and Commit fail.
 */
/** @type {Record<string, any>} the globals scorm-again defines, and those this host sets */
const win = /** @type {any} */ (window);
const params = new URLSearchParams(location.search);
const std = params.get('std') === 'scorm2004' ? 'scorm2004' : 'scorm12';
const scoId = params.get('sco') ?? '';
const failing = params.get('fail') === '1';
const storeKey = `test-lms:${std}:${scoId}`;
const pkg = `/lms/${std}/`;
const saved = JSON.parse(sessionStorage.getItem(storeKey) ?? 'null');
const status = /** @type {HTMLElement} */ (document.getElementById('lms-status'));

const manifest = new DOMParser().parseFromString(
	await (await fetch(`${pkg}imsmanifest.xml`)).text(),
	'application/xml'
);
const resources = [...manifest.getElementsByTagName('resource')];
const item = [...manifest.getElementsByTagName('item')].find((i) => {
	const res = resources.find(
		(r) => r.getAttribute('identifier') === i.getAttribute('identifierref')
	);
	return res?.getAttribute('href')?.includes(`scenario=${scoId}`);
});
if (!item) throw new Error(`No SCO for ${scoId} in the manifest`);
const launch = resources
	.find((r) => r.getAttribute('identifier') === item.getAttribute('identifierref'))
	?.getAttribute('href');

const settings = { autocommit: false, logLevel: 5 };
/** @type {any} */
let api;
if (std === 'scorm12') {
	const mastery = item.getElementsByTagName('adlcp:masteryscore')[0]?.textContent ?? '';
	api = new win.Scorm12API(settings);
	api.loadFromJSON({
		core: {
			student_id: 'trainee-1',
			student_name: 'Trainee, Test',
			entry: saved ? 'resume' : 'ab-initio',
			lesson_status: saved?.status ?? 'not attempted',
			lesson_location: saved?.location ?? ''
		},
		suspend_data: saved?.suspendData ?? '',
		student_data: { mastery_score: mastery }
	});
	win.API = api;
} else {
	const measure = item.getElementsByTagName('imsss:minNormalizedMeasure')[0]?.textContent ?? '';
	api = new win.Scorm2004API(settings);
	api.loadFromJSON({
		learner_id: 'trainee-1',
		learner_name: 'Trainee, Test',
		entry: saved ? 'resume' : 'ab-initio',
		completion_status: saved?.status ?? 'unknown',
		location: saved?.location ?? '',
		suspend_data: saved?.suspendData ?? '',
		scaled_passing_score: measure
	});
	win.API_1484_11 = api;
}

/** Every value the SCO set, by element: session time and exit are write-only in the data model. */
/** @type {Record<string, string>} */
const written = {};

/** What the platform holds now, as the tests read it. */
function state() {
	const c = api.cmi;
	return std === 'scorm12'
		? {
				status: c.core.lesson_status,
				scoreRaw: c.core.score.raw,
				sessionTime: written['cmi.core.session_time'] ?? '',
				suspendData: c.suspend_data,
				location: c.core.lesson_location,
				exit: written['cmi.core.exit'] ?? ''
			}
		: {
				status: c.completion_status,
				success: c.success_status,
				scoreRaw: c.score.raw,
				scoreScaled: c.score.scaled,
				sessionTime: written['cmi.session_time'] ?? '',
				suspendData: c.suspend_data,
				location: c.location,
				exit: written['cmi.exit'] ?? ''
			};
}
const calls = { initialize: 0, commit: 0, terminate: 0 };
win.lms = { std, launch, state, calls, failing };

const [initName, commitName, finishName, setName, errorName, errorText] =
	std === 'scorm12'
		? [
				'LMSInitialize',
				'LMSCommit',
				'LMSFinish',
				'LMSSetValue',
				'LMSGetLastError',
				'LMSGetErrorString'
			]
		: ['Initialize', 'Commit', 'Terminate', 'SetValue', 'GetLastError', 'GetErrorString'];
const save = () => {
	if (!failing) sessionStorage.setItem(storeKey, JSON.stringify(state()));
};
api.on(initName, () => calls.initialize++);
api.on(`${setName}.cmi.*`, (/** @type {string} */ element, /** @type {string} */ value) => {
	written[element] = value;
});
api.on(commitName, () => {
	calls.commit++;
	save();
});
api.on(finishName, () => {
	calls.terminate++;
	save();
});
if (failing) {
	// A platform that refuses to store anything: its error functions say why.
	api[setName] = () => 'false';
	api[commitName] = () => {
		calls.commit++;
		return 'false';
	};
	api[errorName] = () => '101';
	api[errorText] = () => 'General exception';
}

status.textContent = `${std} lesson: ${item.getElementsByTagName('title')[0]?.textContent}`;
/** @type {HTMLIFrameElement} */ (document.getElementById('sco')).src = pkg + launch;

export {};
