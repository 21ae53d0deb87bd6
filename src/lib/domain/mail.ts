import { AUDIT } from './audit-actions';
import { accepted, refused, put, type Outcome } from './outcome';
import type { Mail } from './types';

/**
 * Opening a message marks it read. Phone-local state that the operator never sees, so it
 * leaves no audit row.
 */
export function markMailRead(mail: Mail | undefined): Outcome {
	if (!mail)
		return refused('That message no longer exists.', { action: AUDIT.readMail, target: '' });
	if (mail.read) return accepted([]);
	return accepted([put('mail', { ...mail, read: true })]);
}
