import type PocketBase from 'pocketbase';
import { classifyFailure } from '$lib/pb/errors';
import { bytesToUrlBase64 } from './keys';

/**
 * Web Push on this phone: subscribe with the server's VAPID key and store the subscription for the
 * signed-in resident (push_subscriptions), renew it, remove it on sign out. Shared by the app and
 * the service worker (pushsubscriptionchange), so it takes the PocketBase client to use.
 */

/** serverKey fetches the server's VAPID public key. */
export async function serverKey(pb: PocketBase): Promise<string> {
	const { publicKey } = await pb.send<{ publicKey: string }>('/api/push/public-key', { method: 'GET', requestKey: null });
	return publicKey;
}

/** saveSubscription stores a browser subscription for the signed-in resident; an existing one is kept. */
export async function saveSubscription(pb: PocketBase, subscription: PushSubscription, userAgent: string): Promise<void> {
	const owner = pb.authStore.record?.id;
	if (!owner) return;
	try {
		await pb.collection('push_subscriptions').create(
			{
				owner,
				endpoint: subscription.endpoint,
				p256dh: bytesToUrlBase64(subscription.getKey('p256dh')),
				auth: bytesToUrlBase64(subscription.getKey('auth')),
				user_agent: userAgent.slice(0, 500)
			},
			{ requestKey: null }
		);
	} catch (error) {
		// The same endpoint is stored already (e.g. asked twice): nothing to do.
		if (classifyFailure(error).codes.endpoint !== 'validation_not_unique') throw error;
	}
}

/** removeSubscription deletes the server's record of an endpoint (sign out, or a replaced subscription). */
export async function removeSubscription(pb: PocketBase, endpoint: string): Promise<void> {
	const found = await pb
		.collection('push_subscriptions')
		.getFirstListItem(pb.filter('endpoint = {:endpoint}', { endpoint }), { requestKey: null })
		// not stored (any more) is done; no connection is not: the caller keeps it for later
		.catch((error) => {
			if (classifyFailure(error).status === 404) return null;
			throw error;
		});
	if (found) await pb.collection('push_subscriptions').delete(found.id, { requestKey: null });
}
