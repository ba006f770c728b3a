import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { describe, expect, inject, it } from 'vitest';
import { freshDatabase, makeResident } from '$lib/sync/testing';
import { REVOKE_KEY, flushRevokes, rememberRevoke } from './revoke';

const origin = inject('pbOrigin');

/** A browser subscription as far as sign-out uses it: the endpoint and the auth secret. */
function subscriptionLike(endpoint: string, auth: Uint8Array): PushSubscription {
	return { endpoint, getKey: (name: string) => (name === 'auth' ? auth.buffer : null) } as unknown as PushSubscription;
}

describe('withdrawing a signed-out phone from push, against a real PocketBase', () => {
	it('keeps the withdrawal while offline and sends it at the next chance, without a session', async () => {
		const resident = await makeResident(origin);
		const auth = crypto.getRandomValues(new Uint8Array(16));
		const authText = btoa(String.fromCharCode(...auth)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
		const endpoint = `http://127.0.0.1:9/push/${resident.id}`;
		const p256dh = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
		await resident.pb.collection('push_subscriptions').create({ owner: resident.id, endpoint, p256dh, auth: authText });

		// Signed out offline: the session is gone, the withdrawal waits in IndexedDB.
		const db = freshDatabase();
		await rememberRevoke(db, subscriptionLike(endpoint, auth));
		resident.pb.authStore.clear();
		await flushRevokes(db, origin, () => Promise.reject(new TypeError('offline')));
		expect(await db.meta.get(REVOKE_KEY)).toBeDefined();

		// Online again: withdrawn on the server, and nothing left to send.
		await flushRevokes(db, origin);
		expect(await db.meta.get(REVOKE_KEY)).toBeUndefined();
		const staff = new PocketBase(origin);
		staff.authStore.save(inject('staffToken'));
		const left = await staff.collection('push_subscriptions').getFullList({ filter: staff.filter('endpoint = {:endpoint}', { endpoint }) });
		expect(left).toEqual([]);
	});
});
