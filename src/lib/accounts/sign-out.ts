import { db } from '$lib/local/db';
import { unsentWork, wipeResident, type UnsentWork } from '$lib/local/wipe';
import { pb } from '$lib/pb/client';
import { pushSupported } from '$lib/push/browser';
import { flushRevokes, rememberRevoke, revokesPending } from '$lib/push/revoke';
import { removeSubscription } from '$lib/push/subscription';
import { SYNC_LOCK } from '$lib/sync/lock';
import { session } from '$lib/session/session.svelte';

/**
 * Signing out on a shared phone leaves nothing of the resident behind: IndexedDB (applications,
 * documents, finished PDFs, notifications, status events, sync state, the sign-in mirror of
 * Background Sync), the resident's entries in Cache Storage (never the app shell's precache), the
 * resident's preferences in localStorage, and this phone's push subscription (on the server too:
 * at once when online, otherwise at the next chance). Unsent work is never removed without the
 * resident's choice: `signOut` refuses while there is any, unless told to remove it.
 */

/**
 * What a sign-out did. `revokePending`: the phone was offline, so the server still lists this
 * phone's push subscription until the withdrawal reaches it (the browser's own is gone already).
 */
export type SignOutResult = { done: true; revokePending: boolean } | { done: false; unsent: UnsentWork };

/** Cache Storage names that belong to the app shell (Workbox's precache) and stay. */
const SHELL_CACHE = /^workbox-precache/;

/** localStorage keys that belong to the signed-in resident. */
const RESIDENT_STORAGE_KEYS = ['dukcapil.push-offer-dismissed'];

/** pendingWork tells what of the signed-in resident is not yet with the office. */
export async function pendingWork(): Promise<UnsentWork> {
	const owner = pb.authStore.record?.id;
	return owner ? unsentWork(owner) : { outbox: [], drafts: [], visits: [] };
}

/** unsentCount is how many things of the resident are not yet with the office. */
export function unsentCount(work: UnsentWork): number {
	return work.outbox.length + work.drafts.length + work.visits.length;
}

/** sendable tells whether "send first" can do anything (drafts cannot be sent before they are finished). */
export function sendable(work: UnsentWork): boolean {
	return work.outbox.length + work.visits.length > 0;
}

export function hasUnsent(work: UnsentWork): boolean {
	return unsentCount(work) > 0;
}

/**
 * signOut signs the resident out of this phone and wipes their data. With unsent work it does
 * nothing and returns it, unless `removeUnsent` (the resident chose "remove them from this phone").
 */
export async function signOut({ removeUnsent = false } = {}): Promise<SignOutResult> {
	const owner = pb.authStore.record?.id;
	if (!owner) return { done: true, revokePending: false };
	const work = await unsentWork(owner);
	if (hasUnsent(work) && !removeUnsent) return { done: false, unsent: work };

	// Realtime must not bring the resident's records back after the wipe.
	const { stopRealtime } = await import('$lib/sync/sync.svelte');
	await stopRealtime();
	await withdrawPush();

	// The sync lock (shared with every tab and the service worker): a sync in flight finishes first,
	// and no sync can start with this session or write it back while the phone is being wiped.
	await exclusively(async () => {
		session.markSignedOut();
		pb.authStore.clear();
		await wipeResident(owner);
		await clearResidentCaches();
		for (const key of RESIDENT_STORAGE_KEYS) localStorage.removeItem(key);
	});
	await flushRevokes(db, location.origin);
	return { done: true, revokePending: await revokesPending(db) };
}

async function exclusively(work: () => Promise<void>): Promise<void> {
	const locks = (navigator as Navigator & { locks?: LockManager }).locks;
	if (!locks) return work();
	await locks.request(SYNC_LOCK, { mode: 'exclusive' }, work);
}

/**
 * withdrawPush stops this phone's notifications: the browser's subscription is dropped, and the
 * server's record removed with the session, or remembered to be withdrawn at the next chance.
 */
async function withdrawPush(): Promise<void> {
	if (!pushSupported()) return;
	const registration = await navigator.serviceWorker.getRegistration();
	const subscription = await registration?.pushManager.getSubscription();
	if (!subscription) return;
	const removed = await removeSubscription(pb, subscription.endpoint).then(
		() => true,
		() => false
	);
	if (!removed) await rememberRevoke(db, subscription);
	await subscription.unsubscribe().catch(() => undefined);
}

/** clearResidentCaches deletes every Cache Storage cache but the app shell's precache. */
export async function clearResidentCaches(): Promise<void> {
	if (typeof caches === 'undefined') return;
	for (const name of await caches.keys()) {
		if (!SHELL_CACHE.test(name)) await caches.delete(name);
	}
}
