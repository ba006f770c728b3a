import { pb, currentUser } from '$lib/pb/client';
import type { UserRecord } from '$lib/pb/types';
import { SYNC_LOCK } from '$lib/sync/lock';

/**
 * The signed-in resident as the UI sees it. It follows PocketBase's auth store, which lives in
 * localStorage: the app opens signed in after a reload and without a connection.
 */
class Session {
	user = $state<UserRecord | null>(currentUser());
	/** True when the server has refused the stored sign-in and the resident must sign in again. */
	expired = $state(false);

	constructor() {
		pb.authStore.onChange(() => {
			this.user = currentUser();
			if (this.user) this.expired = false;
		});
	}

	get signedIn(): boolean {
		return this.user !== null;
	}

	/**
	 * refresh renews the token when the server can be reached. A network failure changes nothing
	 * (the resident stays signed in offline); a refusal marks the session expired.
	 */
	async refresh(): Promise<void> {
		if (!pb.authStore.token || !navigator.onLine) return;
		// Under the sync lock, as every other refresh: a sign-out (which takes it) is never undone by
		// a refreshed token that arrives after it.
		const locks = (navigator as Navigator & { locks?: LockManager }).locks;
		const run = async () => {
			if (!pb.authStore.token) return;
			try {
				await pb.collection('users').authRefresh();
			} catch (error) {
				const status = (error as { status?: number }).status;
				if (status === 401 || status === 403 || status === 404) this.expired = true;
			}
		};
		await (locks ? locks.request(SYNC_LOCK, run) : run());
	}
}

export const session = new Session();
