/**
 * The name of the Web Lock that lets one sync run at a time across tabs and the service worker.
 * Sign-out and the page's token refresh take it too (a small module: pages need no engine for it).
 */
export const SYNC_LOCK = 'dukcapil-sync';
