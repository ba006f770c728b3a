import { pb, currentUser } from '$lib/pb/client';
import type { UserRecord } from '$lib/pb/types';

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
		const signOuts = this.signOuts;
		const who = pb.authStore.record?.id;
		try {
			await pb.collection('users').authRefresh();
		} catch (error) {
			const status = (error as { status?: number }).status;
			if (status === 401 || status === 403 || status === 404) this.expired = true;
		}
		// A sign-out while the refresh was on its way: the token it brought back is dropped.
		if (this.signOuts !== signOuts && pb.authStore.record?.id === who) pb.authStore.clear();
	}

	/** Sign-outs so far on this page (sign-out.ts counts them), so a late refresh cannot undo one. */
	private signOuts = 0;

	/** markSignedOut records a sign-out. */
	markSignedOut(): void {
		this.signOuts++;
	}
}

export const session = new Session();
