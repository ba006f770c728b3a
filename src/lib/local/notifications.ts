import { db } from './db';
import { guardStorage } from './errors';

/** markNotificationRead marks a notification read on the phone; the next sync tells the server. */
export async function markNotificationRead(id: string): Promise<void> {
	await guardStorage(() => db.notifications.update(id, { read: true, readSynced: false }));
}
