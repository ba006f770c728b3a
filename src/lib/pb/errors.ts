import { ClientResponseError } from 'pocketbase';
import { StorageError, storageFailure } from '$lib/local/errors';

/**
 * The one classifier of failures on the client. Anything a server call or a local write throws
 * becomes a Failure with a reason; the sync engine acts on the reason, pages show its message.
 * - offline: no answer at all (no connection, the answer was lost): try again later;
 * - busy: the server answered 408 or 5xx: try again later;
 * - rate_limited: the server answered 429: wait a moment;
 * - unauthorized: the sign-in is missing or expired (401): keep everything, ask to sign in;
 * - refused: the server refused the data (other 4xx), with its codes per field or document;
 * - storage_full / storage_failed: the phone could not keep the data (IndexedDB).
 */
export type FailureReason = 'offline' | 'busy' | 'rate_limited' | 'unauthorized' | 'refused' | 'storage_full' | 'storage_failed';

/** Failure is a classified failure; the sync engine throws it between its steps. */
export class Failure extends Error {
	constructor(
		readonly reason: FailureReason,
		/** Field or document path ("data.mother.nik", "documents.kk", "email") → the server's code. */
		readonly codes: Record<string, string> = {},
		readonly status = 0
	) {
		super(`failure: ${reason}${status ? ` (${status})` : ''}`);
		this.name = 'Failure';
	}
}

/** flattenCodes turns PocketBase's nested field errors into path → code. */
export function flattenCodes(data: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
	if (!data || typeof data !== 'object') return out;
	const node = data as Record<string, unknown>;
	if (typeof node.code === 'string') {
		out[prefix || 'record'] = node.code;
		return out;
	}
	for (const [key, value] of Object.entries(node)) flattenCodes(value, prefix ? `${prefix}.${key}` : key, out);
	return out;
}

/** classifyFailure decides the reason of anything a call throws; it never throws itself. */
export function classifyFailure(error: unknown): Failure {
	if (error instanceof Failure) return error;
	if (error instanceof StorageError) return new Failure(error.reason);
	if (error instanceof ClientResponseError) {
		const status = error.status;
		if (status === 0 || error.isAbort) return new Failure('offline');
		if (status === 401) return new Failure('unauthorized', {}, status);
		if (status === 429) return new Failure('rate_limited', {}, status);
		if (status === 408 || status >= 500) return new Failure('busy', {}, status);
		return new Failure('refused', flattenCodes(error.response?.data), status);
	}
	if (storageFailure(error) === 'storage_full') return new Failure('storage_full');
	// fetch() rejects with a TypeError when there is no connection or the answer was lost.
	return new Failure('offline');
}

/**
 * A failure as a page shows it: the reason, the i18n key of the message at the top of the page, and
 * i18n keys per field for the codes the server sent.
 */
export interface AppError {
	reason: FailureReason;
	/** i18n key of the message to show at the top of the page. */
	messageKey: string;
	/** i18n keys per field, for errors the server found in the sent data. */
	fields: Record<string, string>;
}

/** Maps PocketBase's and our own field codes to i18n keys, per field where it matters. */
const FIELD_CODES: Record<string, string> = {
	nik_length: 'err_f_nik_length',
	nik_digits: 'err_f_nik_digits',
	nik_province: 'err_f_nik_province',
	nik_day: 'err_f_nik_day',
	nik_month: 'err_f_nik_month',
	nik_serial: 'err_f_nik_serial',
	nik_taken: 'err_nik_taken',
	'nik:validation_not_unique': 'err_nik_taken',
	'email:validation_not_unique': 'err_email_taken',
	'email:validation_invalid_email': 'err_email',
	'email:validation_is_email': 'err_email',
	'email:validation_required': 'err_required_email',
	'name:validation_required': 'err_required_name',
	'nik:validation_required': 'err_required_nik',
	'nik:validation_invalid_format': 'err_f_nik_digits',
	'phone:validation_invalid_format': 'err_phone',
	'password:validation_length_out_of_range': 'err_password_short',
	'password:validation_min_text_constraint': 'err_password_short',
	'password:validation_required': 'err_required_password',
	'passwordConfirm:validation_values_mismatch': 'err_password_mismatch'
};

function fieldKey(field: string, code: string): string {
	return FIELD_CODES[`${field}:${code}`] ?? FIELD_CODES[code] ?? 'err_invalid';
}

/** messageKey is the i18n key of the message for a failure's reason. */
export function messageKey(reason: FailureReason): string {
	switch (reason) {
		case 'offline':
			// No answer while the phone says it is online: the server is out of reach.
			return typeof navigator !== 'undefined' && !navigator.onLine ? 'err_offline' : 'err_server';
		case 'busy':
			return 'err_server';
		case 'rate_limited':
			return 'err_rate_limited';
		case 'unauthorized':
			return 'sign_in_failed';
		case 'refused':
			return 'err_invalid';
		case 'storage_full':
		case 'storage_failed':
			return reason;
	}
}

/** toAppError classifies a failure (classifyFailure) for a page; it never throws itself. */
export function toAppError(error: unknown): AppError {
	const failure = classifyFailure(error);
	const fields: Record<string, string> = {};
	for (const [field, code] of Object.entries(failure.codes)) fields[field] = fieldKey(field, code);
	return { reason: failure.reason, messageKey: messageKey(failure.reason), fields };
}
