import type { UserRecord } from '$lib/pb/types';

/** The localStorage key of PocketBase's LocalAuthStore (lib/pb/client uses its default). */
const AUTH_STORAGE_KEY = 'pocketbase_auth';

/**
 * storedUser reads the signed-in resident from PocketBase's auth store in localStorage (or from a value
 * of its key, as a storage event carries it) without loading the SDK, so that the first screen knows
 * who is signed in before the API client arrives.
 */
function storedUser(value = globalThis.localStorage?.getItem(AUTH_STORAGE_KEY) ?? null): UserRecord | null {
	try {
		const stored = JSON.parse(value ?? 'null');
		const record = (stored?.record ?? stored?.model ?? null) as UserRecord | null;
		// A sign-in is a token and a record (lib/pb/auth-store): anything less is nobody.
		return stored?.token && record?.id ? record : null;
	} catch {
		return null;
	}
}

/**
 * The signed-in resident as the UI sees it. It follows PocketBase's auth store, which lives in
 * localStorage: the app opens signed in after a reload and without a connection. The API client is
 * loaded on first need (connect, refresh), not by the first screen.
 */
class Session {
	user = $state<UserRecord | null>(storedUser());
	/** True when the server has refused the stored sign-in and the resident must sign in again. */
	expired = $state(false);
	private connected: Promise<typeof import('$lib/pb/client')> | null = null;

	get signedIn(): boolean {
		return this.user !== null;
	}

	/** connect loads the API client and follows its auth store from then on (once). */
	connect(): Promise<typeof import('$lib/pb/client')> {
		this.connected ??= import('$lib/pb/client').then((client) => {
			const follow = () => {
				this.user = client.currentUser();
				if (this.user) this.expired = false;
			};
			client.pb.authStore.onChange(follow);
			follow();
			return client;
		});
		return this.connected;
	}

	/**
	 * refresh renews the token when the server can be reached. A network failure changes nothing
	 * (the resident stays signed in offline); a refusal marks the session expired.
	 */
	async refresh(): Promise<void> {
		const { pb } = await this.connect();
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

/**
 * Another window of the app (a second tab, the installed app beside the browser) signed this
 * resident out, or another resident in: a shared phone. This window must not go on showing what it
 * loaded for the previous resident (an application's details, its buttons), so it starts again at
 * the home page, from nothing. A sign-in where nobody was signed in is only followed.
 */
function followOtherWindows(): void {
	if (typeof window === 'undefined') return;
	window.addEventListener('storage', (event) => {
		// null: the other window cleared all of localStorage
		if (event.storageArea !== localStorage || (event.key !== AUTH_STORAGE_KEY && event.key !== null)) return;
		// who was signed in before and after, from the event itself (the SDK's own listener may already
		// have changed what this window holds)
		const before = event.key === null ? session.user?.id : storedUser(event.oldValue)?.id;
		const after = storedUser(event.newValue);
		if (before && after?.id !== before) location.replace('/');
		else session.user = after;
	});
}
followOtherWindows();
