import type { LocalNotification } from '$lib/local/db';
import { markNotificationRead } from '$lib/local/notifications';
import { syncSoon } from '$lib/sync/request';

/** markRead marks a notification of the inbox read, also offline; the mark reaches the server with the next sync. */
export async function markRead(notification: Pick<LocalNotification, 'id' | 'read'>): Promise<void> {
	if (notification.read) return;
	await markNotificationRead(notification.id);
	syncSoon();
}

/** notificationText is a notification's title and body in the language the resident chose on the phone. */
export function notificationText(notification: Pick<LocalNotification, 'title' | 'body' | 'texts'>, locale: string): { title: string; body: string } {
	const text = notification.texts?.[locale];
	return text?.title ? text : { title: notification.title, body: notification.body };
}
