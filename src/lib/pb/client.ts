import PocketBase from 'pocketbase';
import { ResidentAuthStore } from './auth-store';
import { readWholeReplies } from './replies';
import type { UserRecord } from './types';

/**
 * The one PocketBase client of the app. The app and the API share an origin (PocketBase serves
 * both; in development Vite proxies /api), so the base URL is the site root. The auth store keeps
 * the session in localStorage (PocketBase's LocalAuthStore), so a reload, and an offline start,
 * stay signed in.
 */
export const pb = new PocketBase('/', new ResidentAuthStore());

// Requests of different pages must not cancel each other.
pb.autoCancellation(false);
// A reply cut off or not from the server is no answer (never an empty success: lib/pb/replies).
readWholeReplies(pb);

/** currentUser returns the signed-in resident as stored on this device, whether or not the token is still fresh. */
export function currentUser(): UserRecord | null {
	return (pb.authStore.record as UserRecord | null) ?? null;
}
