import type PocketBase from 'pocketbase';
import { urlBase64ToBytes } from './keys';
import { removeSubscription, saveSubscription, serverKey } from './subscription';

/** Web Push from the app's pages: permission, subscribing, unsubscribing. */

export type PushOutcome = 'enabled' | 'denied' | 'unsupported' | 'failed';

/** pushSupported tells whether this browser can receive Web Push at all. */
export function pushSupported(): boolean {
	return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** enablePush asks for permission (it must follow a tap), subscribes, and stores the subscription. */
export async function enablePush(pb: PocketBase): Promise<PushOutcome> {
	if (!pushSupported()) return 'unsupported';
	const permission = await Notification.requestPermission();
	if (permission !== 'granted') return 'denied';
	try {
		const registration = await navigator.serviceWorker.ready;
		const key = urlBase64ToBytes(await serverKey(pb));
		const subscription =
			(await registration.pushManager.getSubscription()) ??
			(await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }));
		await saveSubscription(pb, subscription, navigator.userAgent);
		return 'enabled';
	} catch (error) {
		console.error('push: could not subscribe', error);
		return 'failed';
	}
}

/** disablePush removes this phone's subscription, on the server and in the browser. */
export async function disablePush(pb: PocketBase): Promise<void> {
	if (!pushSupported()) return;
	const registration = await navigator.serviceWorker.getRegistration();
	const subscription = await registration?.pushManager.getSubscription();
	if (!subscription) return;
	await removeSubscription(pb, subscription.endpoint).catch(() => undefined);
	await subscription.unsubscribe();
}

/** currentPushState tells whether this phone gets notifications now. */
export async function currentPushState(): Promise<'enabled' | 'denied' | 'off' | 'unsupported'> {
	if (!pushSupported()) return 'unsupported';
	if (Notification.permission === 'denied') return 'denied';
	const registration = await navigator.serviceWorker.getRegistration();
	return (await registration?.pushManager.getSubscription()) ? 'enabled' : 'off';
}
