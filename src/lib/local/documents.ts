import { db, type LocalDocument } from './db';
import { guardStorage } from './errors';
import { newRecordId } from './ids';

export type NewDocument = Omit<LocalDocument, 'id' | 'created'>;

/**
 * putDocument attaches a file to an application for one requirement. A file already attached for
 * that requirement is replaced in the same transaction, so a failed write (a full disk) keeps it.
 */
export async function putDocument(document: NewDocument): Promise<LocalDocument> {
	const stored: LocalDocument = { ...document, id: newRecordId(), created: Date.now() };
	await guardStorage(() =>
		db.transaction('rw', db.documents, async () => {
			const previous = await db.documents.where({ applicationId: document.applicationId, kind: document.kind }).primaryKeys();
			await db.documents.add(stored);
			await db.documents.bulkDelete(previous);
		})
	);
	return stored;
}

/** removeDocument removes an attached file. */
export async function removeDocument(id: string): Promise<void> {
	await db.documents.delete(id);
}

/** listDocuments lists the files attached to an application (the caller has checked its owner). */
export function listDocuments(applicationId: string): Promise<LocalDocument[]> {
	return db.documents.where('applicationId').equals(applicationId).sortBy('created');
}
