/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
// The cache of the English texts, shared with the page (a constant: the worker bundles it).
import { ENGLISH_CACHE } from '$lib/i18n/english-cache';
// The app's own chunks (a module worker; the build resolves this to the app's entry chunk).
import { BACKGROUND_SYNC_TAG, notificationOptions, parsePayload, renewSubscription, runBackgroundSync, signedInOnThisPhone } from '$lib/pwa/worker-api';

/** One rule of InstallEvent.addRoutes (not yet in TypeScript's lib). */
type StaticRouterRule = { condition: { urlPattern: string }; source: 'cache' | 'network' | 'fetch-event' };

/** An entry of the precache manifest (the build gives each file as an object, never as a bare URL). */
type PrecacheEntry = { url: string; revision: string | null };

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: PrecacheEntry[] };

// The app's English texts (scripts/lib/english.js): only a phone set to English has them, in a
// cache of their own that the page fills when it loads them (lib/i18n/english.ts).
const ENGLISH_FILE = /\/english\.[\w-]+\.js$/;
const manifest: PrecacheEntry[] = self.__WB_MANIFEST;
const english = manifest.find((entry) => ENGLISH_FILE.test(entry.url));

// The app shell: every other built asset, precached at install, so the app opens without a connection.
precacheAndRoute(manifest.filter((entry) => entry !== english));
cleanupOutdatedCaches();

// A new version on a phone that has English: its English comes with it (fetched while installing,
// as the precache is), and the old version's goes once the new one is in charge.
self.addEventListener('install', (event) => {
	if (english) event.waitUntil(keepEnglish(english.url));
});
self.addEventListener('activate', (event) => {
	if (english) event.waitUntil(dropOldEnglish(english.url));
});

async function keepEnglish(url: string): Promise<void> {
	if (!(await caches.has(ENGLISH_CACHE))) return;
	const cache = await caches.open(ENGLISH_CACHE);
	if (!(await cache.match(url))) await cache.add(url);
}

async function dropOldEnglish(url: string): Promise<void> {
	if (!(await caches.has(ENGLISH_CACHE))) return;
	const cache = await caches.open(ENGLISH_CACHE);
	const current = new URL(url, self.location.origin).href;
	for (const request of await cache.keys()) if (request.url !== current) await cache.delete(request);
}

// Client-side routes are all answered by the precached index.html (precached as "/", see
// vite.config.ts); the API and the staff
// dashboard are never taken over by the worker.
if (!import.meta.env.DEV) {
	registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/api\//, /^\/_\//] }));
}

// The app's code and styles (hashed, precached above) are taken from the cache by the browser
// itself, without running this script for each of them: a static route (Chromium 123+; other
// browsers go through the precache route above). A file missing from the cache falls back to
// the network. Routes can only be added while installing.
self.addEventListener('install', (event) => {
	const install = event as ExtendableEvent & { addRoutes?: (rules: StaticRouterRule[]) => Promise<void> };
	install.addRoutes?.([{ condition: { urlPattern: '/_app/immutable/*' }, source: 'cache' }]).catch(() => undefined);
});

// The update prompt asks the waiting worker to take over.
self.addEventListener('message', (event) => {
	if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Background Sync (Chromium): send the outbox once online, even with the app closed. One sync at a
// time across the worker and every tab: the engine takes a Web Lock.
self.addEventListener('sync', (event) => {
	const sync = event as Event & { tag: string; waitUntil(promise: Promise<unknown>): void };
	if (sync.tag === BACKGROUND_SYNC_TAG) sync.waitUntil(runBackgroundSync());
});

// A push: show what happened, and sync at once so the new status (and a finished PDF) is on the
// phone before the resident opens it.
// A phone whose resident signed out (its subscription not yet withdrawn, e.g. signed out offline)
// shows nothing of the push but the app's name, and withdraws the subscription now.
self.addEventListener('push', (event) => {
	const payload = parsePayload(event.data?.text());
	event.waitUntil(
		signedInOnThisPhone().then((signedIn) => {
			const { title, options } = notificationOptions(signedIn ? payload : {});
			return Promise.all([self.registration.showNotification(title, options), runBackgroundSync().catch(() => undefined)]);
		})
	);
});

// A tap: focus an open window of the app on the application's page, or open one there.
self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = new URL((event.notification.data as { url?: string } | null)?.url ?? '/notifikasi', self.location.origin).href;
	event.waitUntil(
		self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
			const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
			if (open) {
				await open.focus();
				await open.navigate(url).catch(() => undefined);
				return;
			}
			await self.clients.openWindow(url);
		})
	);
});

// The browser replaced the subscription: subscribe again and tell the server.
self.addEventListener('pushsubscriptionchange', (event) => {
	const change = event as Event & { oldSubscription?: PushSubscription | null; waitUntil(promise: Promise<unknown>): void };
	change.waitUntil(renewSubscription(self.registration, change.oldSubscription ?? null).catch(() => undefined));
});

clientsClaim();
