import { SYNC_LOCK } from './lock';
import type { LocalApplication } from '$lib/local/db';
import { backoffDelay } from './backoff';
import type { SyncContext } from './context';
import { classifyFailure, Failure } from '$lib/pb/errors';
import { pull } from './pull';
import { markSent, pushApplication, type PushProgressEvent } from './push';
import { syncVisits } from '$lib/visits/sync';

/**
 * The engine's state, which the UI observes:
 * - offline: no connection; everything waits on the phone;
 * - idle: nothing to send (all sent);
 * - sending: a sync is running (with which application and how far);
 * - waiting: something could not be sent yet and will be retried at `retryAt`;
 * - needs_sign_in: the sign-in expired: the outbox is kept until the resident signs in again;
 * - needs_action: the server refused an application; the resident must look at it.
 */
export type SyncPhase = 'offline' | 'idle' | 'sending' | 'waiting' | 'needs_sign_in' | 'needs_action';

export interface SyncState {
	phase: SyncPhase;
	/** Applications still in the outbox (not set aside). */
	pending: number;
	/** Applications set aside by a refusal. */
	setAside: number;
	/**
	 * While sending: how many of this round's applications the server has confirmed (`sent`) out of
	 * `total`, and the bytes confirmed of each one on the way that has documents going up (up to
	 * SEND_CONCURRENCY of them at once, so no single one is "the one being sent").
	 */
	current?: { sent: number; total: number; progress: PushProgressEvent[] };
	retryAt?: number;
	lastSync?: number;
}

export type SyncListener = (state: SyncState) => void;

export { SYNC_LOCK };

/**
 * How many applications go up at once: while one waits for the answer to its create or its finalise,
 * the other's documents keep the uplink busy. Their uploads share the places of upload.ts
 * (PARALLEL_UPLOADS), so the bytes in flight stay within one CHUNK_SIZE in all.
 */
export const SEND_CONCURRENCY = 2;

type LockManagerLike = {
	request<T>(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
};

/**
 * SyncEngine pushes the outbox to PocketBase and pulls the office's answers back. `run()` does one
 * full sync; callers (the app shell, the service worker) decide when. All pending work lives in
 * IndexedDB, so a sync can stop anywhere (a closed tab, a dead battery) and the next one goes on.
 */
export class SyncEngine {
	private listeners = new Set<SyncListener>();
	private state: SyncState = { phase: 'idle', pending: 0, setAside: 0 };
	private running: Promise<SyncState> | null = null;
	private again: Promise<SyncState> | null = null;

	constructor(
		private readonly ctx: SyncContext,
		private readonly options: { isOnline?: () => boolean; locks?: LockManagerLike | null } = {}
	) {}

	get current(): SyncState {
		return this.state;
	}

	subscribe(listener: SyncListener): () => void {
		this.listeners.add(listener);
		listener(this.state);
		return () => this.listeners.delete(listener);
	}

	private set(state: Partial<SyncState>) {
		this.state = { ...this.state, ...state };
		for (const listener of this.listeners) listener(this.state);
	}

	private owner(): string | null {
		const record = this.ctx.pb.authStore.record;
		return record && record.collectionName === 'users' ? record.id : null;
	}

	/** outbox lists a resident's applications waiting to be sent, oldest first. */
	async outbox(owner: string): Promise<LocalApplication[]> {
		const waiting = await this.ctx.db.applications.where('[owner+state]').equals([owner, 'outbox']).toArray();
		return waiting.sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
	}

	/** refreshCounts updates the counts the UI shows without syncing (e.g. after "send"). */
	async refreshCounts(): Promise<void> {
		const owner = this.owner();
		if (!owner) return;
		const waiting = await this.outbox(owner);
		const setAside = waiting.filter((application) => application.setAside).length;
		this.set({ pending: waiting.length - setAside, setAside });
	}

	/**
	 * run does one sync: push every due application in the outbox, then pull. Only one sync runs at
	 * a time: across tabs and the service worker through a Web Lock. A call in the same context
	 * while a sync runs gets one more sync right after it (calls meanwhile share it): the running one
	 * may have read the outbox before what the caller just queued ("send" during a sync).
	 */
	run(): Promise<SyncState> {
		if (this.running) {
			this.again ??= this.running
				.catch(() => undefined)
				.then(() => {
					this.again = null;
					return this.run();
				});
			return this.again;
		}
		this.running = this.runLocked().finally(() => (this.running = null));
		return this.running;
	}

	private async runLocked(): Promise<SyncState> {
		const locks = this.options.locks === undefined ? (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks : this.options.locks;
		if (!locks) return this.sync();
		// Another tab or the service worker is syncing: its result reaches this tab through IndexedDB,
		// but it may have read the server before the change this call is for (a status staff set just
		// now, an application queued here), so this context syncs once more when the lock is free.
		return (locks as LockManagerLike).request(SYNC_LOCK, { ifAvailable: true }, async (lock) =>
			lock ? this.sync() : (locks as LockManagerLike).request(SYNC_LOCK, {}, () => this.sync())
		);
	}

	private async sync(): Promise<SyncState> {
		const owner = this.owner();
		if (!owner) {
			this.set({ phase: 'idle', pending: 0, setAside: 0 });
			return this.state;
		}
		if (this.options.isOnline && !this.options.isOnline()) {
			await this.refreshCounts();
			this.set({ phase: 'offline', current: undefined });
			return this.state;
		}

		// The sign-in first: PocketBase treats a revoked or expired token as a guest, whose writes
		// would look like refusals. A refresh also keeps an active resident signed in.
		try {
			await this.ctx.pb.collection('users').authRefresh({ fetch: this.ctx.fetch, requestKey: null });
		} catch (error) {
			const failure = classifyFailure(error);
			const signIn = failure.status === 401 || failure.status === 403 || failure.status === 404;
			return this.settle(owner, signIn ? new Failure('unauthorized', {}, failure.status) : failure);
		}

		const now = this.ctx.now();
		const waiting = await this.outbox(owner);
		const due = waiting.filter((application) => !application.setAside && (application.nextAttemptAt ?? 0) <= now);
		let stop: Failure | null = null;

		// Two applications at a time (SEND_CONCURRENCY), oldest first; each one's steps stay in order. A
		// sign-in expiry or a lost connection starts no further one. Each one's progress is shown.
		const inflight = new Map<number, PushProgressEvent | null>();
		let sent = 0;
		const report = () => {
			if (inflight.size === 0) return;
			const progress = [...inflight.entries()].sort(([a], [b]) => a - b).flatMap(([, event]) => (event ? [event] : []));
			this.set({ phase: 'sending', current: { sent, total: due.length, progress } });
		};
		let next = 0;
		const worker = async () => {
			while (!stop && next < due.length) {
				const index = next++;
				const application = due[index];
				inflight.set(index, null);
				report();
				try {
					const record = await pushApplication(this.ctx, application, (progress) => {
						inflight.set(index, progress);
						report();
					});
					await markSent(this.ctx, application, record);
					sent++;
				} catch (error) {
					const failure = classifyFailure(error);
					await this.recordFailure(application, failure);
					if (failure.reason === 'unauthorized' || failure.reason === 'offline') stop ??= failure;
				} finally {
					inflight.delete(index);
					report();
				}
			}
		};
		await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, due.length) }, worker));

		// Visit requests and cancels (their own module: lib/visits/sync.ts)
		if (!stop) stop = await syncVisits(this.ctx, owner);

		if (!stop) {
			try {
				await pull(this.ctx, owner);
			} catch (error) {
				const failure = classifyFailure(error);
				if (failure.reason === 'unauthorized' || failure.reason === 'offline') stop = failure;
			}
		}
		return this.settle(owner, stop);
	}

	private async recordFailure(application: LocalApplication, failure: Failure): Promise<void> {
		if (failure.reason === 'unauthorized') return;
		if (failure.reason === 'refused') {
			await this.ctx.db.applications.update(application.id, {
				setAside: { reason: 'refused', details: failure.codes, at: this.ctx.now() },
				lastError: 'refused'
			});
			return;
		}
		const fresh = await this.ctx.db.applications.get(application.id);
		const attempts = (fresh?.attempts ?? 0) + 1;
		await this.ctx.db.applications.update(application.id, {
			attempts,
			nextAttemptAt: this.ctx.now() + backoffDelay(attempts - 1, this.ctx.random),
			lastError: failure.reason
		});
	}

	private async settle(owner: string, stop: Failure | null): Promise<SyncState> {
		const waiting = await this.outbox(owner);
		const setAside = waiting.filter((application) => application.setAside).length;
		const pending = waiting.length - setAside;
		const retryAt = waiting
			.filter((application) => !application.setAside)
			// due now at the earliest: retryNow sets 0, which is not "no retry"
			.map((application) => Math.max(application.nextAttemptAt ?? 0, this.ctx.now()))
			.sort((a, b) => a - b)[0];
		let phase: SyncPhase = 'idle';
		if (stop?.reason === 'unauthorized') phase = 'needs_sign_in';
		else if (stop?.reason === 'offline' && this.options.isOnline && !this.options.isOnline()) phase = 'offline';
		else if (pending > 0) phase = 'waiting';
		else if (setAside > 0) phase = 'needs_action';
		this.set({ phase, pending, setAside, retryAt: pending > 0 ? retryAt : undefined, current: undefined, lastSync: this.ctx.now() });
		return this.state;
	}

	/** retryNow makes every waiting application due, e.g. when the connection comes back. */
	async retryNow(): Promise<void> {
		const owner = this.owner();
		if (!owner) return;
		const waiting = await this.outbox(owner);
		await Promise.all(
			waiting.filter((application) => !application.setAside).map((application) => this.ctx.db.applications.update(application.id, { nextAttemptAt: 0 }))
		);
	}
}
