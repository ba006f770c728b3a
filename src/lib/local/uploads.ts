import type { LocalDatabase, StoredUpload } from './db';

/**
 * Where tus-js-client keeps its resumable uploads: on the document's own row in IndexedDB (not
 * localStorage, which a service worker cannot read and a full disk loses), one upload per document.
 * The fingerprint names the document (`document:<id>:<sha256>`), and the storage key is its id.
 * The shape is tus-js-client's UrlStorage; the types are restated here so Dexie stays the only
 * storage dependency of lib/local.
 */

export interface PreviousUpload {
	size: number | null;
	metadata: Record<string, string>;
	creationTime: string;
	urlStorageKey: string;
	uploadUrl: string | null;
	parallelUploadUrls: string[] | null;
}

export interface UploadUrlStorage {
	findAllUploads(): Promise<PreviousUpload[]>;
	findUploadsByFingerprint(fingerprint: string): Promise<PreviousUpload[]>;
	removeUpload(urlStorageKey: string): Promise<void>;
	addUpload(fingerprint: string, upload: PreviousUpload): Promise<string>;
}

/** uploadFingerprint names the upload of one version of a document. */
export function uploadFingerprint(document: { id: string; sha256: string }): string {
	return `document:${document.id}:${document.sha256}`;
}

function documentIdOf(fingerprint: string): string | null {
	const [kind, id] = fingerprint.split(':');
	return kind === 'document' && id ? id : null;
}

function toPrevious(id: string, stored: StoredUpload): PreviousUpload {
	return {
		size: stored.size,
		metadata: stored.metadata,
		creationTime: stored.creationTime,
		urlStorageKey: id,
		uploadUrl: stored.uploadUrl,
		parallelUploadUrls: null
	};
}

/** documentUploadStorage is tus-js-client's URL storage over the documents table of db. */
export function documentUploadStorage(db: LocalDatabase): UploadUrlStorage {
	return {
		async findAllUploads() {
			const documents = await db.documents.filter((document) => document.upload !== undefined).toArray();
			return documents.map((document) => toPrevious(document.id, document.upload!));
		},
		async findUploadsByFingerprint(fingerprint) {
			const id = documentIdOf(fingerprint);
			const document = id ? await db.documents.get(id) : undefined;
			return document?.upload?.fingerprint === fingerprint ? [toPrevious(document.id, document.upload)] : [];
		},
		async removeUpload(urlStorageKey) {
			await db.documents.update(urlStorageKey, { upload: undefined });
		},
		async addUpload(fingerprint, upload) {
			const id = documentIdOf(fingerprint);
			if (!id) throw new Error(`not a document upload: ${fingerprint}`);
			const stored: StoredUpload = {
				fingerprint,
				uploadUrl: upload.uploadUrl,
				size: upload.size,
				metadata: upload.metadata,
				creationTime: upload.creationTime
			};
			await db.documents.update(id, { upload: stored });
			return id;
		}
	};
}
