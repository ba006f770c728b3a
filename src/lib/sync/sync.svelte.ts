import { db } from '$lib/local/db';
import { pb } from '$lib/pb/client';
import type { SyncContext } from './context';
import { SyncEngine } from './engine';
import { applyLiveMessage, residentTopic, type LiveMessage } from './live';
import { liveQuery } from 'dexie';
import { syncStatus } from './status.svelte';
import { mirrorAuth } from './auth-mirror';
import { flushRevokes } from '$lib/push/revoke';

/**
 * The sync engine in the app: it runs on start, when the connection comes back, when the app
 * becomes visible, every few minutes while open, when a retry is due, and right after "send".
 * While the app is open and online it also listens to the server (realtime).
 */

const PERIOD_MS = 3 * 60_000;
/** Over how long the catch-up pulls of apps that reconnect together are spread. */
const RECONNECT_PULL_SPREAD_MS = 5_000;
export { BACKGROUND_SYNC_TAG } from './background';
import { BACKGROUND_SYNC_TAG } from './background';

const context: SyncContext = {
	pb,
	db,
	fetch: (input, init) => fetch(input, init),
	now: () => Date.now(),
	random: () => Math.random()
};

export const engine = new SyncEngine(context, { isOnline: () => navigator.onLine });

let retryTimer: ReturnType<typeof setTimeout> | undefined;
let unsubscribeRealtime: (() => Promise<void>) | null = null;

/** requestSync runs a sync now (or joins the running one). */
export function requestSync(): Promise<unknown> {
	return engine.run();
}

/** syncWhenOnline asks the browser to sync from the service worker once online (Background Sync). */
export async function syncWhenOnline(): Promise<void> {
	try {
		const registration = (await navigator.serviceWorker?.ready) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
		await registration?.sync?.register(BACKGROUND_SYNC_TAG);
	} catch {
		// Not supported (iOS, Firefox): the app syncs whenever it is open instead.
	}
}

async function listen(): Promise<void> {
	if (unsubscribeRealtime || !pb.authStore.isValid || !navigator.onLine) return;
	try {
		// One topic of the resident's own changes: the server sends each change to its resident only.
		const owner = pb.authStore.record?.id ?? '';
		const stopTopic = await pb.realtime.subscribe(residentTopic(owner), (message: LiveMessage) => {
			void applyLiveMessage(context, message);
		});
		unsubscribeRealtime = stopTopic;
		// What changed before the subscription took hold, or while a dropped connection was being made
		// again (the SDK reconnects by itself, and the server keeps nothing for a client that is away),
		// comes with a pull: now, and after every reconnection (PB_CONNECT, once the SDK has subscribed
		// again). After a restart of the server every open app reconnects at about the same moment: their
		// pulls are spread over a few seconds.
		const stopCatchUp = await pb.realtime.subscribe('PB_CONNECT', () => {
			setTimeout(() => void requestSync(), Math.random() * RECONNECT_PULL_SPREAD_MS);
		});
		unsubscribeRealtime = async () => {
			await stopCatchUp();
			await stopTopic();
		};
		void requestSync();
	} catch {
		// The next sync pulls whatever realtime would have brought.
	}
}

/** stopRealtime stops listening to the server (sign-out, before the phone is wiped). */
export const stopRealtime = (): Promise<void> => stopListening();

async function stopListening(): Promise<void> {
	const stop = unsubscribeRealtime;
	unsubscribeRealtime = null;
	await stop?.().catch(() => undefined);
}

/** startSync wires the engine to the app's life; called once by the shell. */
export function startSync(): void {
	if (syncStatus.started) return;
	syncStatus.started = true;
	mirrorAuth();
	// The menu's unread count follows the inbox on the phone.
	let unreadQuery: { unsubscribe(): void } | null = null;
	const countUnread = () => {
		unreadQuery?.unsubscribe();
		const owner = pb.authStore.record?.id ?? '';
		unreadQuery = liveQuery(() => db.notifications.where('owner').equals(owner).filter((n) => !n.read).count()).subscribe((count) => {
			syncStatus.unread = count;
		});
	};
	countUnread();
	pb.authStore.onChange(countUnread);
	engine.subscribe((state) => {
		syncStatus.state = state;
		clearTimeout(retryTimer);
		if (state.phase === 'waiting' && state.retryAt !== undefined) {
			retryTimer = setTimeout(() => void requestSync(), Math.max(1_000, state.retryAt - Date.now()));
		}
	});
	// A phone signed out while offline withdraws its push subscription at the next chance.
	void flushRevokes(db, location.origin);
	window.addEventListener('online', () => {
		void flushRevokes(db, location.origin);
		void engine.retryNow().then(requestSync);
		void listen();
	});
	window.addEventListener('offline', () => {
		void stopListening();
		void engine.refreshCounts().then(requestSync);
	});
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void requestSync();
	});
	setInterval(() => void requestSync(), PERIOD_MS);
	// A new sign-in (not a token refresh) restarts listening and sends what waited for it.
	let signedIn = pb.authStore.record?.id ?? '';
	pb.authStore.onChange(() => {
		const now = pb.authStore.record?.id ?? '';
		if (now === signedIn) return;
		signedIn = now;
		void stopListening().then(listen);
		if (now) void engine.retryNow().then(requestSync);
		else void engine.refreshCounts();
	});
	void requestSync();
	void listen();
}
