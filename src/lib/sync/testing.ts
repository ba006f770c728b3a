import PocketBase, { BaseAuthStore } from 'pocketbase';
import { LocalDatabase, type LocalApplication } from '$lib/local/db';
import type { Answers } from '$lib/catalog';
import type { SyncContext } from './context';

/** Helpers for the sync engine's tests: real PocketBase, real (fake-indexeddb) Dexie, injected faults. */

/** A 1x1 JPEG. */
export const TINY_JPEG = Uint8Array.from(
	atob(
		'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA='
	),
	(c) => c.charCodeAt(0)
);

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fault: `drop` sends the request and loses the answer; `fail` never sends it. */
export type Fault = { match: (method: string, url: string) => boolean; kind: 'drop' | 'fail'; times: number };

/** faultyFetch wraps fetch with faults that fire a given number of times. */
export function faultyFetch(faults: Fault[]): typeof fetch {
	return async (input, init) => {
		const url = String(input instanceof Request ? input.url : input);
		const method = (init?.method ?? 'GET').toUpperCase();
		const fault = faults.find((candidate) => candidate.times > 0 && candidate.match(method, url));
		if (fault) {
			fault.times--;
			if (fault.kind === 'fail') throw new TypeError('Failed to fetch');
			await fetch(input, init);
			throw new TypeError('Failed to fetch (answer lost)');
		}
		return fetch(input, init);
	};
}

/** The document uploads a fetch made: tus creations, and the bytes of documents it sent. */
export interface UploadCount {
	creates: number;
	chunkBytes: number;
}

/** isUploadChunk tells a tus request that carries bytes of a document (the creation with its first bytes, or a PATCH). */
export const isUploadChunk = (method: string, url: string) =>
	(method === 'PATCH' && url.includes('/api/uploads/')) || (method === 'POST' && url.endsWith('/api/uploads'));

/** countingFetch wraps fetch and counts the document uploads that leave through it. */
export function countingFetch(inner: typeof fetch = fetch): { fetch: typeof fetch; count: UploadCount } {
	const count: UploadCount = { creates: 0, chunkBytes: 0 };
	const wrapped: typeof fetch = (input, init) => {
		const url = String(input instanceof Request ? input.url : input);
		const method = (init?.method ?? 'GET').toUpperCase();
		if (method === 'POST' && url.endsWith('/api/uploads')) count.creates++;
		if (isUploadChunk(method, url) && init?.body instanceof Blob) count.chunkBytes += init.body.size;
		return inner(input, init);
	};
	return { fetch: wrapped, count };
}

export interface TestResident {
	id: string;
	email: string;
	password: string;
	pb: PocketBase;
}

let counter = 0;

/** makeResident registers a resident on the test server and signs in with a fresh client. */
export async function makeResident(origin: string): Promise<TestResident> {
	counter++;
	const tag = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
	const email = `sync.${tag}@contoh.id`;
	const password = `rahasia-${tag}`;
	const day = String(1 + (counter % 28)).padStart(2, '0');
	const serial = String(1 + Math.floor(Math.random() * 9998)).padStart(4, '0');
	const pb = new PocketBase(origin, new BaseAuthStore());
	pb.autoCancellation(false);
	await pb.collection('users').create({ email, password, passwordConfirm: password, name: 'Warga Uji', nik: `647105${day}0590${serial}` });
	const auth = await pb.collection('users').authWithPassword(email, password);
	return { id: auth.record.id, email, password, pb };
}

export function testContext(pb: PocketBase, db: LocalDatabase, options: { fetch?: typeof fetch } = {}): SyncContext {
	const fetchImpl = options.fetch ?? fetch;
	return { pb, db, fetch: fetchImpl, now: () => Date.now(), random: () => 0.5, uploadRetryDelays: [0, 50] };
}

let databases = 0;
export function freshDatabase(): LocalDatabase {
	databases++;
	return new LocalDatabase(`sync-test-${Date.now()}-${databases}`);
}

/** putInOutbox stores an application with its documents on the "phone", ready to send. */
export async function putInOutbox(
	db: LocalDatabase,
	owner: string,
	service: string,
	answers: Answers,
	documents: { kind: string; bytes?: Uint8Array; type?: string }[]
): Promise<LocalApplication> {
	const { newRecordId } = await import('$lib/local/ids');
	const application: LocalApplication = {
		id: newRecordId(),
		service,
		state: 'outbox',
		answers,
		step: '',
		owner,
		created: Date.now(),
		updated: Date.now(),
		queuedAt: Date.now()
	};
	await db.applications.add(application);
	for (const [index, document] of documents.entries()) {
		const bytes = document.bytes ?? TINY_JPEG;
		await db.documents.add({
			id: newRecordId(),
			applicationId: application.id,
			kind: document.kind,
			blob: new Blob([bytes as BlobPart], { type: document.type ?? 'image/jpeg' }),
			type: document.type ?? 'image/jpeg',
			size: bytes.length,
			sha256: await sha256Hex(bytes),
			thumbnail: null,
			warnings: [],
			name: `${document.kind}.jpg`,
			created: Date.now() + index
		});
	}
	return application;
}
