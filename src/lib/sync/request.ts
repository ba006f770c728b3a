/**
 * What pages call to start a sync. The engine is loaded on demand, so a page that only asks for a
 * sync does not pull the engine into its first download.
 */

/** syncSoon runs a sync now (or joins the running one), e.g. after a "read" mark. */
export function syncSoon(): void {
	void import('./sync.svelte').then(({ requestSync }) => requestSync());
}

/**
 * syncAfterSend sends a just-queued application right away when online; otherwise as soon as the
 * phone is (Background Sync where the browser has it).
 */
export function syncAfterSend(): void {
	void import('./sync.svelte').then(({ requestSync, syncWhenOnline }) => {
		void syncWhenOnline();
		void requestSync();
	});
}

/** sendOutboxNow tries every waiting application at once, without waiting for its back-off. */
export function sendOutboxNow(): void {
	void import('./sync.svelte').then(async ({ engine, requestSync }) => {
		await engine.retryNow();
		await requestSync();
	});
}
