/**
 * The imsmanifest.xml of the learning-platform packages (SCORM 1.2 and SCORM 2004 4th edition):
 * one SCO per built-in scenario, each launching the sandbox on that scenario. Pure: the
 * packaging script (scripts/package-lms.js) gives it the scenarios and the list of files.
 */
import type { LmsVersion } from './versions';

export interface ScoInfo {
	id: string;
	title: string;
	description: string;
}

/**
 * Sandbox choice: a trainee passes with 80 % of the steps done alone (not by "Do it for me",
 * not skipped). The platform may override it; the package states it as the mastery score.
 */
export const MASTERY_SCORE = 80;

/** The shared resource that lists every file of the site, so each SCO lists only its launch page. */
const SHARED = 'sandbox-files';

/** Where a SCO starts: the sandbox's home page, told which standard and which scenario. */
export function launchHref(version: LmsVersion, scenarioId: string): string {
	return `index.html?lms=${version}&scenario=${encodeURIComponent(scenarioId)}`;
}

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Identifiers are XML IDs: a letter first, then letters, digits, dots, dashes, underscores. */
export function xmlId(prefix: string, id: string): string {
	return `${prefix}-${id.replace(/[^\w.-]/g, '_')}`;
}

const TITLE = 'STA Token Sandbox: MobilePASS 8 to MobilePASS+ migration';

export function buildManifest(version: LmsVersion, scos: readonly ScoInfo[], files: string[]) {
	const e = escapeXml;
	const is12 = version === 'scorm12';
	const items = scos.map((s) => {
		const description = is12
			? `<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion><imsmd:lom><imsmd:general><imsmd:description><imsmd:langstring xml:lang="en">${e(s.description)}</imsmd:langstring></imsmd:description></imsmd:general></imsmd:lom></metadata>`
			: `<metadata><lom:lom><lom:general><lom:description><lom:string language="en">${e(s.description)}</lom:string></lom:description></lom:general></lom:lom></metadata>`;
		const mastery = is12
			? `<adlcp:masteryscore>${MASTERY_SCORE}</adlcp:masteryscore>`
			: `<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="${xmlId('mastery', s.id)}" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>${MASTERY_SCORE / 100}</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives><imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/></imsss:sequencing>`;
		// SCORM 1.2 puts the item's metadata after the mastery score; 2004 puts it before sequencing.
		const body = is12 ? `${mastery}\n\t\t\t\t${description}` : `${description}\n\t\t\t\t${mastery}`;
		return `\t\t\t<item identifier="${xmlId('item', s.id)}" identifierref="${xmlId('sco', s.id)}" isvisible="true">
				<title>${e(s.title)}</title>
				${body}
			</item>`;
	});
	const scoType = is12 ? 'adlcp:scormtype' : 'adlcp:scormType';
	const resources = scos.map(
		(
			s
		) => `\t\t<resource identifier="${xmlId('sco', s.id)}" type="webcontent" ${scoType}="sco" href="${e(launchHref(version, s.id))}">
			<file href="index.html"/>
			<dependency identifierref="${SHARED}"/>
		</resource>`
	);
	const shared = `\t\t<resource identifier="${SHARED}" type="webcontent" ${scoType}="asset">
${files.map((f) => `\t\t\t<file href="${e(f)}"/>`).join('\n')}
		</resource>`;
	const head = is12
		? `<manifest identifier="sta-token-sandbox-scorm12" version="1.0"
	xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
	xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>1.2</schemaversion>
	</metadata>`
		: `<manifest identifier="sta-token-sandbox-scorm2004" version="1.0"
	xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
	xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
	xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
	xmlns:lom="http://ltsc.ieee.org/xsd/LOM">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>2004 4th Edition</schemaversion>
	</metadata>`;
	// Each scenario is its own exercise: the trainee may open them in any order.
	const orgSequencing = is12
		? ''
		: `\n\t\t\t<imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>`;
	return `<?xml version="1.0" encoding="UTF-8"?>
${head}
	<organizations default="sta-token-sandbox">
		<organization identifier="sta-token-sandbox">
			<title>${e(TITLE)}</title>
${items.join('\n')}${orgSequencing}
		</organization>
	</organizations>
	<resources>
${resources.join('\n')}
${shared}
	</resources>
</manifest>
`;
}
