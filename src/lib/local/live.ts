import { liveQuery } from 'dexie';
import { listApplications } from './applications';
import { listDocuments } from './documents';
import { db, type LocalApplication, type LocalDocument, type LocalNotification, type LocalResult, type StatusEvent } from './db';

/**
 * Stores that follow the phone's copy: a change made by a page, a sync or a realtime event shows
 * without a reload. Pages read IndexedDB only through these.
 */

/** liveDocuments is a store of the files that are part of an application (not superseded), following every change. */
export function liveDocuments(applicationId: string) {
	return liveQuery<LocalDocument[]>(() => listDocuments(applicationId));
}

/** liveApplications is a store of a resident's applications on this phone, newest first. */
export function liveApplications(owner: string) {
	return liveQuery<LocalApplication[]>(() => listApplications(owner));
}

/** liveApplication is a store of one application on this phone. */
export function liveApplication(id: string) {
	return liveQuery<LocalApplication | undefined>(() => db.applications.get(id));
}

/** liveEvents is a store of an application's status events, oldest first. */
export function liveEvents(applicationId: string) {
	return liveQuery<StatusEvent[]>(() => db.events.where('applicationId').equals(applicationId).sortBy('created'));
}

/** liveResults is a store of an application's finished PDFs kept on the phone. */
export function liveResults(applicationId: string) {
	return liveQuery<LocalResult[]>(() => db.results.where('applicationId').equals(applicationId).toArray());
}

/** liveNotifications is a store of a resident's inbox, newest first. */
export function liveNotifications(owner: string) {
	return liveQuery<LocalNotification[]>(() => db.notifications.where('owner').equals(owner).reverse().sortBy('created'));
}
