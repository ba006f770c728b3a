import type PocketBase from 'pocketbase';
import type { LocalDatabase } from '$lib/local/db';

/** What the sync engine works with; tests pass their own (a fault-injecting fetch, a fixed clock). */
export interface SyncContext {
	pb: PocketBase;
	db: LocalDatabase;
	/** Used for every API call (the PocketBase SDK's `fetch` option). */
	fetch: typeof fetch;
	now: () => number;
	/** Quick retries of an upload inside one try, in ms (default: upload.ts's); tests shorten them. */
	uploadRetryDelays?: number[];
	random: () => number;
}
