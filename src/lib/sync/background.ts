import PocketBase, { BaseAuthStore } from 'pocketbase';
import { db } from '$lib/local/db';
import { SyncEngine } from './engine';

/**
 * The sync engine in the service worker, for Background Sync: the browser wakes the worker once it
 * is online, even with the app closed. The worker has no localStorage, so the app keeps a copy of
 * the sign-in in IndexedDB (mirrorAuth) for it.
 */

export const AUTH_KEY = 'auth';

/** The Background Sync tag the app registers after "send". */
export const BACKGROUND_SYNC_TAG = 'dukcapil-outbox';

/**
 * signedInClient makes a PocketBase client signed in as the stored resident (the sign-in the app
 * mirrored), synchronously, so nothing races with an asynchronous load.
 */
export function signedInClient(serialized: string): PocketBase | null {
	try {
		const { token, record } = JSON.parse(serialized);
		if (!token || !record) return null;
		const pb = new PocketBase(self.location.origin, new BaseAuthStore());
		pb.authStore.save(token, record);
		return pb;
	} catch {
		return null;
	}
}

/** runBackgroundSync does one sync from the service worker, as the resident signed in on this phone. */
export async function runBackgroundSync(): Promise<void> {
	const stored = await db.meta.get(AUTH_KEY);
	if (!stored) return;
	const pb = signedInClient(stored.value);
	if (!pb) return;
	// A refreshed token is kept for the app and the next background sync.
	pb.authStore.onChange((token, record) => {
		void db.meta.put({ key: AUTH_KEY, value: JSON.stringify({ token, record }) });
	});
	pb.autoCancellation(false);
	// The browser fires Background Sync once it is online; the worker's own navigator.onLine can lag
	// behind, so it is not consulted: a failed request is simply retried later.
	const engine = new SyncEngine({ pb, db, fetch: (input, init) => fetch(input, init), now: () => Date.now(), random: () => Math.random() });
	// The browser says the connection is back: whatever waited on a back-off timer is due now.
	await engine.retryNow();
	await engine.run();
}
