import { db } from '$lib/local/db';
import { pb } from '$lib/pb/client';
import { AUTH_KEY } from './background';

/**
 * mirrorAuth keeps a copy of the resident's sign-in in IndexedDB, where the service worker can read
 * it for Background Sync; signing out removes it.
 */
export function mirrorAuth(): void {
	const save = () => {
		if (pb.authStore.token && pb.authStore.record) {
			void db.meta.put({ key: AUTH_KEY, value: JSON.stringify({ token: pb.authStore.token, record: pb.authStore.record }) });
		} else {
			void db.meta.delete(AUTH_KEY);
		}
	};
	save();
	pb.authStore.onChange(save);
}
