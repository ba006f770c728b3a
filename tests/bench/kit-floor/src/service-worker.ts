/// <reference lib="webworker" />
// The empty app's worker: the app's precache and navigation routes (src/service-worker/service-worker.ts)
// and nothing else of it (no push, no background sync, no shared engine).
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';

type StaticRouterRule = { condition: { urlPattern: string }; source: 'cache' | 'network' | 'fetch-event' };
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

// every built file, and "/" (index.html) and "/blank" (blank.html) named as the app's worker names them
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/api\//, /^\/_\//] }));
self.addEventListener('install', (event) => {
	const install = event as ExtendableEvent & { addRoutes?: (rules: StaticRouterRule[]) => Promise<void> };
	install.addRoutes?.([{ condition: { urlPattern: '/_app/immutable/*' }, source: 'cache' }]).catch(() => undefined);
});
clientsClaim();
