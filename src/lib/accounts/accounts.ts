import { getTokenPayload } from 'pocketbase';
import { currentUser, pb } from '$lib/pb/client';
import { toAppError, type AppError } from '$lib/pb/errors';
import { getLocale } from '$lib/i18n';
import type { UserRecord } from '$lib/pb/types';
import { normaliseIdentity, normaliseNumber, normalisePhone, type PasswordChangeInput, type ProfileInput, type RegisterInput, type SignInInput } from './schemas';

export type Result = { ok: true } | { ok: false; error: AppError };

const users = () => pb.collection('users');

async function attempt(call: () => Promise<unknown>): Promise<Result> {
	try {
		await call();
		return { ok: true };
	} catch (error) {
		return { ok: false, error: toAppError(error) };
	}
}

/**
 * A shared phone holds one resident's data at a time: while one is signed in (even with an expired
 * session), another can neither sign in nor register here until that one signs out (sign-out.ts,
 * which asks about anything unsent and then wipes their data).
 */
const OTHER_RESIDENT: Result = { ok: false, error: { reason: 'refused', messageKey: 'sign_in_other_resident', fields: {} } };

/**
 * register creates the resident's account on the server and signs them in. The server then e-mails
 * the link that confirms the address; applications reach the office once it is confirmed.
 */
export async function register(input: RegisterInput): Promise<Result> {
	if (currentUser()) return OTHER_RESIDENT;
	const created = await attempt(() =>
		users().create({
			name: input.name,
			nik: normaliseNumber(input.nik),
			phone: normalisePhone(input.phone),
			email: input.email,
			emailVisibility: true,
			password: input.password,
			passwordConfirm: input.passwordConfirm,
			locale: getLocale()
		})
	);
	if (!created.ok) return created;
	return signIn({ identity: input.email, password: input.password });
}

/**
 * signIn authenticates with the NIK (spaces and dots allowed) or the e-mail, and the password;
 * wrong credentials come back as sign_in_failed. While a resident is signed in on this phone, only
 * that resident may sign in (again, e.g. after the session expired): the server's answer says whose
 * account it is (the e-mail may have changed since), and only then is the sign-in kept.
 */
export async function signIn(input: SignInInput): Promise<Result> {
	const current = currentUser();
	try {
		const auth = await pb.send<{ token: string; record: UserRecord }>('/api/collections/users/auth-with-password', {
			method: 'POST',
			body: { identity: normaliseIdentity(input.identity), password: input.password },
			requestKey: null
		});
		if (current && auth.record?.id !== current.id) return OTHER_RESIDENT;
		pb.authStore.save(auth.token, auth.record);
		return { ok: true };
	} catch (error) {
		const appError = toAppError(error);
		if (appError.reason === 'refused' || appError.reason === 'unauthorized') {
			return { ok: false, error: { reason: 'unauthorized', messageKey: 'sign_in_failed', fields: {} } };
		}
		return { ok: false, error: appError };
	}
}

/** requestVerification sends the confirmation e-mail again. */
export function requestVerification(email: string): Promise<Result> {
	return attempt(() => users().requestVerification(email));
}

/**
 * confirmVerification confirms the e-mail with the token of its link; a signed-in resident's record
 * is refreshed so the app knows at once, and whatever waited in the outbox goes out.
 */
export async function confirmVerification(token: string): Promise<Result> {
	const confirmed = await attempt(() => users().confirmVerification(token));
	if (!confirmed.ok) return confirmed;
	if (pb.authStore.record) {
		await users()
			.authRefresh()
			.catch(() => undefined);
		void import('$lib/sync/sync.svelte').then(async ({ engine, requestSync }) => {
			await engine.retryNow();
			await requestSync();
		});
	}
	return confirmed;
}

/** requestPasswordReset e-mails a link to choose a new password (the same answer whether or not the address is known). */
export function requestPasswordReset(email: string): Promise<Result> {
	return attempt(() => users().requestPasswordReset(email));
}

/** resetLinkEmail is the e-mail address a password link was sent to ('' when the token does not say). */
export function resetLinkEmail(token: string): string {
	const email = getTokenPayload(token).email;
	return typeof email === 'string' ? email : '';
}

/** confirmPasswordReset sets the new password with the token of the e-mailed link. */
export function confirmPasswordReset(token: string, password: string, passwordConfirm: string): Promise<Result> {
	return attempt(() => users().confirmPasswordReset(token, password, passwordConfirm));
}

/** updateProfile changes the resident's name and phone (the NIK is fixed; the e-mail is the sign-in). */
export async function updateProfile(input: ProfileInput): Promise<Result> {
	const id = pb.authStore.record?.id;
	if (!id) return { ok: false, error: { reason: 'unauthorized', messageKey: 'sign_in_again_title', fields: {} } };
	return attempt(async () => {
		const record = await users().update<UserRecord>(id, { name: input.name, phone: normalisePhone(input.phone) });
		// The SDK updates the auth store when the signed-in record changes; keep the token as it is.
		pb.authStore.save(pb.authStore.token, record);
	});
}

/**
 * changePassword sets a new password. PocketBase then ends every session of the account (a new
 * token key), so the resident is signed in again on this phone with the new password.
 */
export async function changePassword(input: PasswordChangeInput): Promise<Result> {
	const record = pb.authStore.record as UserRecord | null;
	if (!record) return { ok: false, error: { reason: 'unauthorized', messageKey: 'sign_in_again_title', fields: {} } };
	const changed = await attempt(() =>
		users().update(record.id, { oldPassword: input.oldPassword, password: input.password, passwordConfirm: input.passwordConfirm })
	);
	if (!changed.ok) return changed;
	return attempt(() => users().authWithPassword(record.email, input.password));
}

/**
 * signOutEverywhere ends every session of the account on every device (a new token key on the
 * server, and every push subscription removed); this phone is then signed out too (see sign-out.ts).
 */
export function signOutEverywhere(): Promise<Result> {
	return attempt(() => pb.send('/api/accounts/sign-out-everywhere', { method: 'POST', requestKey: null }));
}
