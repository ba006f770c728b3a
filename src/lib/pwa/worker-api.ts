/**
 * What the service worker needs of the app's code: the sync engine for Background Sync and pushes,
 * and the notification helpers. The build makes this module an entry of the app's own build
 * (vite.config.ts), so the worker (src/service-worker.ts, a module worker) imports the very chunks
 * the app loads (Dexie, the API client, the engine) instead of bundling a second copy of them.
 */
export { BACKGROUND_SYNC_TAG, runBackgroundSync, signedInOnThisPhone } from '$lib/sync/background';
export { notificationOptions, parsePayload } from '$lib/push/notify';
export { renewSubscription } from '$lib/push/renew';
