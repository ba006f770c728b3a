import { db, type LocalDocument } from './db';
import { guardStorage } from './errors';
import { newRecordId } from './ids';

export type NewDocument = Omit<LocalDocument, 'id' | 'created'>;

/**
 * retire takes a file out of an application: one the server holds already is kept and marked
 * superseded (the engine tells the server so); one that never left the phone is deleted.
 * Call it inside a transaction over applications and documents.
 */
async function retire(id: string): Promise<void> {
	const document = await db.documents.get(id);
	if (!document) return;
	const application = await db.applications.get(document.applicationId);
	if (application?.push?.uploaded.includes(id)) await db.documents.update(id, { superseded: true });
	else await db.documents.delete(id);
}

/** addDocument attaches one more file (a page, a side) to an application for one requirement. */
export async function addDocument(document: NewDocument): Promise<LocalDocument> {
	const stored: LocalDocument = { ...document, id: newRecordId(), created: Date.now() };
	await guardStorage(() => db.documents.add(stored));
	return stored;
}

/**
 * replaceDocument puts a new file in the place of an attached one, in one transaction, so a failed
 * write (a full disk) keeps the old one.
 */
export async function replaceDocument(previous: string, document: NewDocument): Promise<LocalDocument> {
	const old = await db.documents.get(previous);
	const stored: LocalDocument = { ...document, id: newRecordId(), created: old?.created ?? Date.now() };
	await guardStorage(() =>
		db.transaction('rw', db.applications, db.documents, async () => {
			await db.documents.add(stored);
			await retire(previous);
		})
	);
	return stored;
}

/**
 * putDocument attaches a file for a requirement that takes one file: a file already attached for
 * that requirement is replaced in the same transaction.
 */
export async function putDocument(document: NewDocument): Promise<LocalDocument> {
	const stored: LocalDocument = { ...document, id: newRecordId(), created: Date.now() };
	await guardStorage(() =>
		db.transaction('rw', db.applications, db.documents, async () => {
			const previous = await activeDocuments(document.applicationId, document.kind);
			await db.documents.add(stored);
			for (const old of previous) await retire(old.id);
		})
	);
	return stored;
}

/** removeDocument takes an attached file out of the application. */
export async function removeDocument(id: string): Promise<void> {
	await db.transaction('rw', db.applications, db.documents, () => retire(id));
}

/** movePage moves a file of a requirement one place earlier (-1) or later (+1) among its pages. */
export async function movePage(id: string, direction: -1 | 1): Promise<void> {
	await db.transaction('rw', db.documents, async () => {
		const document = await db.documents.get(id);
		if (!document) return;
		const pages = await activeDocuments(document.applicationId, document.kind);
		const index = pages.findIndex((page) => page.id === id);
		const other = pages[index + direction];
		if (!other) return;
		await db.documents.update(id, { created: other.created });
		await db.documents.update(other.id, { created: document.created });
	});
}

async function activeDocuments(applicationId: string, kind?: string): Promise<LocalDocument[]> {
	const all = await db.documents.where('applicationId').equals(applicationId).sortBy('created');
	return all.filter((document) => !document.superseded && (kind === undefined || document.kind === kind));
}

/** listDocuments lists the files that are part of an application (not superseded), oldest first. */
export function listDocuments(applicationId: string): Promise<LocalDocument[]> {
	return activeDocuments(applicationId);
}
