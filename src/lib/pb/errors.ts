import { ClientResponseError } from 'pocketbase';

/**
 * A failure of a call to the server, reduced to what the UI needs: a machine-readable reason,
 * a message key for the page, and message keys per field.
 */
export interface AppError {
	reason: 'offline' | 'rate_limited' | 'invalid' | 'unauthorized' | 'server';
	/** i18n key of the message to show at the top of the page. */
	messageKey: string;
	/** i18n keys per field, for errors the server found in the sent data. */
	fields: Record<string, string>;
}

/** Maps PocketBase and our own server-side field error codes to i18n keys, per field where it matters. */
const FIELD_CODES: Record<string, string> = {
	nik_length: 'err_nik_length',
	nik_digits: 'err_nik_digits',
	nik_province: 'err_nik_province',
	nik_day: 'err_nik_day',
	nik_month: 'err_nik_month',
	nik_serial: 'err_nik_serial',
	nik_taken: 'err_nik_taken',
	'nik:validation_not_unique': 'err_nik_taken',
	'email:validation_not_unique': 'err_email_taken',
	'email:validation_invalid_email': 'err_email',
	'email:validation_is_email': 'err_email',
	'email:validation_required': 'err_required_email',
	'name:validation_required': 'err_required_name',
	'nik:validation_required': 'err_required_nik',
	'nik:validation_invalid_format': 'err_nik_digits',
	'phone:validation_invalid_format': 'err_phone',
	'password:validation_length_out_of_range': 'err_password_short',
	'password:validation_min_text_constraint': 'err_password_short',
	'password:validation_required': 'err_required_password',
	'passwordConfirm:validation_values_mismatch': 'err_password_mismatch',
	account_nik_fixed: 'err_account_nik_fixed',
	'oldPassword:validation_invalid_old_password': 'err_account_old_password',
	'oldPassword:validation_required': 'err_required_password',
	'token:validation_invalid_token': 'account_link_expired',
	'token:validation_invalid_token_payload': 'account_link_expired',
	'token:validation_required': 'account_link_expired'
};

function fieldKey(field: string, code: string): string {
	return FIELD_CODES[`${field}:${code}`] ?? FIELD_CODES[code] ?? 'err_invalid';
}

/** toAppError turns anything a PocketBase call throws into an AppError; it never throws itself. */
export function toAppError(error: unknown): AppError {
	if (error instanceof ClientResponseError) {
		if (error.status === 0 || error.isAbort) {
			const offline = typeof navigator !== 'undefined' && !navigator.onLine;
			return { reason: offline ? 'offline' : 'server', messageKey: offline ? 'err_offline' : 'err_server', fields: {} };
		}
		if (error.status === 429) return { reason: 'rate_limited', messageKey: 'err_rate_limited', fields: {} };
		if (error.status === 401 || error.status === 403) {
			return { reason: 'unauthorized', messageKey: 'sign_in_failed', fields: {} };
		}
		if (error.status === 400) {
			const data = (error.response?.data ?? {}) as Record<string, { code?: string } | undefined>;
			const fields: Record<string, string> = {};
			for (const [field, detail] of Object.entries(data)) {
				if (detail?.code) fields[field] = fieldKey(field, detail.code);
			}
			return { reason: 'invalid', messageKey: 'err_invalid', fields };
		}
		return { reason: 'server', messageKey: 'err_server', fields: {} };
	}
	return { reason: 'server', messageKey: 'err_server', fields: {} };
}
