import PocketBase, { AsyncAuthStore } from 'pocketbase';
import { db } from '$lib/local/db';
import { SyncEngine } from './engine';
import { fetchUploader } from './upload';

/**
 * The sync engine in the service worker, for Background Sync: the browser wakes the worker once it
 * is online, even with the app closed. The worker has no localStorage, so the app keeps a copy of
 * the sign-in in IndexedDB (mirrorAuth) for it.
 */

export const AUTH_KEY = 'auth';

/** The Background Sync tag the app registers after "send". */
export const BACKGROUND_SYNC_TAG = 'dukcapil-outbox';

/** runBackgroundSync does one sync from the service worker, as the resident signed in on this phone. */
export async function runBackgroundSync(): Promise<void> {
	const stored = await db.meta.get(AUTH_KEY);
	if (!stored) return;
	const pb = new PocketBase(self.location.origin, new AsyncAuthStore({
		initial: stored.value,
		save: async (serialized) => {
			await db.meta.put({ key: AUTH_KEY, value: serialized });
		},
		clear: async () => {
			await db.meta.delete(AUTH_KEY);
		}
	}));
	pb.autoCancellation(false);
	const engine = new SyncEngine(
		{ pb, db, fetch: (input, init) => fetch(input, init), upload: fetchUploader(), now: () => Date.now(), random: () => Math.random() },
		{ isOnline: () => navigator.onLine }
	);
	await engine.run();
}
