import type PocketBase from 'pocketbase';
import type { LocalDatabase } from '$lib/local/db';
import type { Uploader } from './upload';

/** What the sync engine works with; tests pass their own (a fault-injecting fetch, a fixed clock). */
export interface SyncContext {
	pb: PocketBase;
	db: LocalDatabase;
	/** Used for every API call (the PocketBase SDK's `fetch` option). */
	fetch: typeof fetch;
	upload: Uploader;
	now: () => number;
	random: () => number;
}
