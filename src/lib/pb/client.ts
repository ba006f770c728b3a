import PocketBase from 'pocketbase';
import type { UserRecord } from './types';

/**
 * The one PocketBase client of the app. The app and the API share an origin (PocketBase serves
 * both; in development Vite proxies /api), so the base URL is the site root. The default
 * LocalAuthStore keeps the session in localStorage, so a reload, and an offline start, stay signed in.
 */
export const pb = new PocketBase('/');

// Requests of different pages must not cancel each other.
pb.autoCancellation(false);

/** currentUser returns the signed-in resident as stored on this device, whether or not the token is still fresh. */
export function currentUser(): UserRecord | null {
	return (pb.authStore.record as UserRecord | null) ?? null;
}
