import { ClientResponseError } from 'pocketbase';

/**
 * Why a sync step failed, as a reason the UI can show and the engine can act on:
 * - offline: no answer at all (no connection, or the answer was lost): retry later;
 * - busy: the server answered 408, 429 or 5xx: retry later;
 * - unauthorized: the sign-in expired: keep everything and ask the resident to sign in;
 * - refused: the server refused the data for a reason retrying will not cure: set it aside;
 * - unverified: the office receives applications once the account's e-mail is confirmed: keep it
 *   in the outbox (retried later, and at once when the e-mail is confirmed on this phone).
 */
export type SyncReason = 'offline' | 'busy' | 'unauthorized' | 'refused' | 'unverified';

/** The server's code of a finalise refused because the account's e-mail is not confirmed yet. */
export const EMAIL_NOT_VERIFIED = 'account_email_not_verified';

export class SyncFailure extends Error {
	constructor(
		readonly reason: SyncReason,
		/** Field or document → code, from the server's answer, for a refusal. */
		readonly details: Record<string, string> = {},
		readonly status = 0
	) {
		super(`sync: ${reason}${status ? ` (${status})` : ''}`);
		this.name = 'SyncFailure';
	}

	get retryable(): boolean {
		return this.reason === 'offline' || this.reason === 'busy';
	}
}

/** flattenCodes turns PocketBase's nested field errors into path → code. */
export function flattenCodes(data: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
	if (!data || typeof data !== 'object') return out;
	const node = data as Record<string, unknown>;
	if (typeof node.code === 'string' && typeof node.message === 'string') {
		out[prefix || 'record'] = node.code;
		return out;
	}
	for (const [key, value] of Object.entries(node)) flattenCodes(value, prefix ? `${prefix}.${key}` : key, out);
	return out;
}

/** toSyncFailure classifies anything a server call throws. */
export function toSyncFailure(error: unknown): SyncFailure {
	if (error instanceof SyncFailure) return error;
	if (error instanceof ClientResponseError) {
		const status = error.status;
		if (status === 0 || error.isAbort) return new SyncFailure('offline');
		if (status === 401) return new SyncFailure('unauthorized', {}, status);
		if (status === 408 || status === 429 || status >= 500) return new SyncFailure('busy', {}, status);
		const codes = flattenCodes(error.response?.data);
		if (Object.values(codes).includes(EMAIL_NOT_VERIFIED)) return new SyncFailure('unverified', codes, status);
		return new SyncFailure('refused', codes, status);
	}
	// fetch() rejects with a TypeError when there is no connection or the answer was lost.
	return new SyncFailure('offline');
}

/** isIdTaken tells a create that failed because a record with this id already exists. */
export function isIdTaken(error: unknown): boolean {
	return (
		error instanceof ClientResponseError &&
		error.status === 400 &&
		(error.response?.data as Record<string, { code?: string }> | undefined)?.id?.code === 'validation_not_unique'
	);
}
