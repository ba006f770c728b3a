import { liveQuery } from 'dexie';
import { db, type LocalDocument } from './db';

/** liveDocuments is a store of an application's files that follows every change to them. */
export function liveDocuments(applicationId: string) {
	return liveQuery<LocalDocument[]>(() => db.documents.where('applicationId').equals(applicationId).sortBy('created'));
}
