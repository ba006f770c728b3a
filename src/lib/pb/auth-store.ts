import { LocalAuthStore, type AuthRecord } from 'pocketbase';

/**
 * ResidentAuthStore is PocketBase's LocalAuthStore (the sign-in in localStorage) that never
 * replaces a sign-in with less than one: a token and a record with an id. Signing out is
 * `clear()`; nothing else may leave a token-less sign-in behind (lib/pb/replies tells how the
 * SDK could).
 */
export class ResidentAuthStore extends LocalAuthStore {
	constructor() {
		super();
		// What such a save left on a phone before this store existed is no sign-in either.
		if (this.record && !(this.token && this.record.id)) this.clear();
	}

	save(token: string, record?: AuthRecord): void {
		if (!token || !record?.id) return;
		super.save(token, record);
	}
}
