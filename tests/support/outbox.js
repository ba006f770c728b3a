// Puts finished applications straight into the phone's outbox, as "send" leaves them. Shared by
// the end-to-end tests and the benchmarks.

/**
 * @typedef {{ kind: string, photo: Buffer, type?: string }} SeededDocument
 * @typedef {{ id: string, documents: { id: string, kind: string, sha256: string, size: number }[] }} Seeded
 */

/**
 * seedOutbox writes applications and their photos to the app's IndexedDB and returns their ids and hashes.
 * @param {import('@playwright/test').Page} page
 * @param {string} owner
 * @param {{ service: string, answers: Record<string, unknown>, documents: SeededDocument[] }[]} applications
 * @returns {Promise<Seeded[]>}
 */
export async function seedOutbox(page, owner, applications) {
	const payload = applications.map((application) => ({
		...application,
		documents: application.documents.map((document) => ({ kind: document.kind, type: document.type ?? 'image/jpeg', base64: document.photo.toString('base64') }))
	}));
	return page.evaluate(
		async ({ owner, payload }) => {
			const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
			const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(15)), (byte) => alphabet[byte % 36]).join('');
			const hex = (/** @type {ArrayBuffer} */ buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
			/** @type {IDBDatabase} */
			const db = await new Promise((resolve, reject) => {
				const open = indexedDB.open('dukcapil-daring');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const seeded = [];
			let clock = Date.now();
			for (const application of payload) {
				const id = newId();
				const documents = [];
				/** @type {Record<string, unknown>[]} */
				const records = [];
				for (const document of application.documents) {
					const bytes = Uint8Array.from(atob(document.base64), (c) => c.charCodeAt(0));
					const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
					const documentId = newId();
					documents.push({ id: documentId, kind: document.kind, sha256, size: bytes.length });
					records.push({
						id: documentId,
						applicationId: id,
						kind: document.kind,
						blob: new Blob([bytes], { type: document.type }),
						type: document.type,
						size: bytes.length,
						sha256,
						thumbnail: null,
						warnings: [],
						name: `${document.kind}.${document.type === 'application/pdf' ? 'pdf' : 'jpg'}`,
						created: clock++
					});
				}
				await new Promise((resolve, reject) => {
					const tx = db.transaction(['applications', 'documents'], 'readwrite');
					tx.objectStore('applications').put({
						id,
						service: application.service,
						state: 'outbox',
						answers: application.answers,
						step: '',
						owner,
						created: clock,
						updated: clock,
						queuedAt: clock++,
						processDate: '2026-11-30',
						intakeAt: Date.parse('2026-11-29T23:30:00Z')
					});
					for (const record of records) tx.objectStore('documents').put(record);
					tx.oncomplete = () => resolve(undefined);
					tx.onerror = () => reject(tx.error);
				});
				seeded.push({ id, documents });
			}
			db.close();
			return seeded;
		},
		{ owner, payload }
	);
}
