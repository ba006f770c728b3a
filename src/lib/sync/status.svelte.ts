import type { SyncState } from './engine';

/**
 * The sync state as the shell shows it. This module is tiny on purpose: the header reads it on the
 * first screen, while the engine (Dexie, the API client) loads after it and writes here.
 */
class SyncStatus {
	state = $state<SyncState>({ phase: 'idle', pending: 0, setAside: 0 });
	started = $state(false);
	/** Unread notifications of the signed-in resident, for the menu. */
	unread = $state(0);
}

export const syncStatus = new SyncStatus();
