import { pb } from '$lib/pb/client';
import { toAppError, type AppError } from '$lib/pb/errors';
import { getLocale } from '$lib/i18n';
import { normalisePhone, type RegisterInput, type SignInInput } from './schemas';

export type Result = { ok: true } | { ok: false; error: AppError };

/** register creates the resident's account on the server and signs them in. */
export async function register(input: RegisterInput): Promise<Result> {
	try {
		await pb.collection('users').create({
			name: input.name,
			nik: input.nik,
			phone: normalisePhone(input.phone),
			email: input.email,
			emailVisibility: true,
			password: input.password,
			passwordConfirm: input.passwordConfirm,
			locale: getLocale()
		});
	} catch (error) {
		return { ok: false, error: toAppError(error) };
	}
	return signIn({ email: input.email, password: input.password });
}

/** signIn authenticates with email and password; wrong credentials come back as sign_in_failed. */
export async function signIn(input: SignInInput): Promise<Result> {
	try {
		await pb.collection('users').authWithPassword(input.email, input.password);
		return { ok: true };
	} catch (error) {
		const appError = toAppError(error);
		if (appError.reason === 'refused' || appError.reason === 'unauthorized') {
			return { ok: false, error: { reason: 'unauthorized', messageKey: 'sign_in_failed', fields: {} } };
		}
		return { ok: false, error: appError };
	}
}

/**
 * signOut forgets the session on this device; this phone stops getting the resident's
 * notifications first (a shared phone must not show them to the next person).
 */
export async function signOut(): Promise<void> {
	const { disablePush } = await import('$lib/push/browser');
	await disablePush(pb).catch(() => undefined);
	pb.authStore.clear();
}
