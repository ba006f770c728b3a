/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

// The app shell: every built asset, precached at install, so the app opens without a connection.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Client-side routes are all answered by the precached index.html; the API and the staff
// dashboard are never taken over by the worker.
if (!import.meta.env.DEV) {
	registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/_\//] }));
}

// The update prompt asks the waiting worker to take over.
self.addEventListener('message', (event) => {
	if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});

clientsClaim();
