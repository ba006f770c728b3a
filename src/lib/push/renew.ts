import { db } from '$lib/local/db';
import { AUTH_KEY, signedInClient } from '$lib/sync/background';
import { urlBase64ToBytes } from './keys';
import { removeSubscription, saveSubscription, serverKey } from './subscription';

/**
 * renewSubscription runs in the service worker on pushsubscriptionchange: it subscribes again with
 * the server's key, stores the new subscription for the resident signed in on this phone, and
 * removes the old one.
 */
export async function renewSubscription(registration: ServiceWorkerRegistration, old: PushSubscription | null): Promise<void> {
	const stored = await db.meta.get(AUTH_KEY);
	if (!stored) return;
	const pb = signedInClient(stored.value);
	if (!pb) return;
	const subscription = await registration.pushManager.subscribe({
		userVisibleOnly: true,
		applicationServerKey: urlBase64ToBytes(await serverKey(pb))
	});
	await saveSubscription(pb, subscription, navigator.userAgent);
	if (old && old.endpoint !== subscription.endpoint) await removeSubscription(pb, old.endpoint).catch(() => undefined);
}
