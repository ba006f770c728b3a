import PocketBase, { BaseAuthStore } from 'pocketbase';
import { db } from '$lib/local/db';
import { readWholeReplies } from '$lib/pb/replies';
import { flushRevokes } from '$lib/push/revoke';
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
		readWholeReplies(pb);
		return pb;
	} catch {
		return null;
	}
}

/** signedInOnThisPhone tells whether a resident is signed in on this phone (the mirror is there). */
export async function signedInOnThisPhone(): Promise<boolean> {
	return Boolean(await db.meta.get(AUTH_KEY).catch(() => undefined));
}

/** keepRefreshedSignIn updates the mirror with a refreshed token if it still holds that resident's sign-in. */
export async function keepRefreshedSignIn(owner: string | undefined, token: string, record: unknown): Promise<void> {
	await db.transaction('rw', db.meta, async () => {
		const current = await db.meta.get(AUTH_KEY);
		if (!current || !owner || (record as { id?: string } | null)?.id !== owner) return;
		if ((JSON.parse(current.value) as { record?: { id?: string } }).record?.id !== owner) return;
		await db.meta.put({ key: AUTH_KEY, value: JSON.stringify({ token, record }) });
	});
}

/** runBackgroundSync does one sync from the service worker, as the resident signed in on this phone. */
export async function runBackgroundSync(): Promise<void> {
	// A phone signed out while offline withdraws its push subscription now.
	await flushRevokes(db, self.location.origin).catch(() => undefined);
	const stored = await db.meta.get(AUTH_KEY);
	if (!stored) return;
	const pb = signedInClient(stored.value);
	if (!pb) return;
	const owner = pb.authStore.record?.id;
	// A refreshed token is kept for the app and the next background sync, but only while the same
	// resident is still signed in: a sign-out meanwhile is never undone by this worker.
	pb.authStore.onChange((token, record) => {
		void keepRefreshedSignIn(owner, token, record);
	});
	pb.autoCancellation(false);
	// The browser fires Background Sync once it is online; the worker's own navigator.onLine can lag
	// behind, so it is not consulted: a failed request is simply retried later.
	const engine = new SyncEngine({ pb, db, fetch: (input, init) => fetch(input, init), now: () => Date.now(), random: () => Math.random() });
	// The browser says the connection is back: whatever waited on a back-off timer is due now.
	await engine.retryNow();
	await engine.run();
}
