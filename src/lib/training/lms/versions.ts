/** The two standards the packages speak; the launch URL names one (`?lms=scorm12`). */
export const LMS_VERSIONS = ['scorm12', 'scorm2004'] as const;
export type LmsVersion = (typeof LMS_VERSIONS)[number];

export function isLmsVersion(value: string | null): value is LmsVersion {
	return (LMS_VERSIONS as readonly string[]).includes(value ?? '');
}
