import type { DetailedError, HttpRequest, HttpResponse, HttpStack, FileReader as TusFileReader } from 'tus-js-client';
// tus-js-client's upload itself, in the package's modern build (lib/): its browser entry adds a file
// reader, an HTTP stack and a URL storage (in localStorage) of its own, all of which this module
// brings (blobReader, FetchHttpStack, lib/local/uploads), and its default build (lib.esm) is compiled
// for old browsers: together about 6 KB (brotli) more on a first visit, for nothing the app runs.
import BaseUpload from 'tus-js-client/lib/upload.js';
import { ClientResponseError } from 'pocketbase';
import { documentUploadStorage, uploadFingerprint } from '$lib/local/uploads';
import type { LocalDocument } from '$lib/local/db';
import type { SyncContext } from './context';
import { Failure } from '$lib/pb/errors';

/**
 * Uploads one document with the tus resumable-upload protocol (`/api/uploads`, tusd in the server):
 * the file goes in requests of at most CHUNK_SIZE, each confirmed by the server; where the upload is on the
 * server is kept in IndexedDB (lib/local/uploads), so after a cut, a reload or a killed browser the
 * next try asks the server for its offset and sends only the rest. The server creates the documents
 * record when the last byte arrives, with all its checks.
 *
 * Requests go through the context's fetch (the page, the service worker and the tests alike), so
 * progress is reported as bytes the server confirmed, never as bytes merely handed to the network.
 */

/**
 * The document bytes in flight at once, in all: what a cut can cost. The server keeps every byte that
 * reached it, but a browser resends a whole request by itself when its connection is reset before the
 * answer, so the requests on the wire together stay within this (measured: 1 MB requests cost 1.35x
 * on the cut link). Each request carries CHUNK_SIZE divided among the uploads running.
 */
export const CHUNK_SIZE = 64 * 1024;

/**
 * How many documents go up at once. One request at a time leaves the uplink idle for a round trip
 * per request (1.3x the bandwidth's time at 150 ms); while one upload waits for its answer another's
 * bytes are on the way.
 */
export const PARALLEL_UPLOADS = 3;

/** The uploads running in this context, and those waiting for a place. */
let running = 0;
const waiting: (() => void)[] = [];

async function withUploadSlot<T>(task: () => Promise<T>): Promise<T> {
	if (running >= PARALLEL_UPLOADS) await new Promise<void>((resolve) => waiting.push(resolve));
	else running++;
	try {
		return await task();
	} finally {
		const next = waiting.shift();
		// the place goes straight to the next upload (running stays the same)
		if (next) next();
		else running--;
	}
}

/** requestSize is the most the next request of an upload carries: its share of CHUNK_SIZE. */
export function requestSize(): number {
	return Math.floor(CHUNK_SIZE / Math.max(1, running));
}

/**
 * The document bytes of the requests on the way (sent and not answered). A request waits until its
 * bytes fit within CHUNK_SIZE with the others' (an upload that started alone has a larger request
 * out when others join), so a cut can never cost more.
 */
let onTheWay = 0;
const fitting: (() => void)[] = [];

async function reserve(bytes: number): Promise<void> {
	while (onTheWay > 0 && onTheWay + bytes > CHUNK_SIZE) await new Promise<void>((resolve) => fitting.push(resolve));
	onTheWay += bytes;
}

function release(bytes: number): void {
	onTheWay -= bytes;
	for (const wake of fitting.splice(0)) wake();
}

/** Quick retries inside one try (a dropped link often comes back within seconds); beyond them the engine backs off. */
const RETRY_DELAYS_MS = [0, 1_000, 3_000, 6_000];

export interface DocumentUpload {
	document: Pick<LocalDocument, 'id' | 'kind' | 'sha256' | 'blob'>;
	applicationId: string;
	fileName: string;
	/** Bytes of this document the server has confirmed. */
	onConfirmed?: (bytes: number) => void;
	/**
	 * An earlier try was cut before the server's first answer: the upload may exist (it is named by
	 * the document), so ask for its offset before creating it again.
	 */
	mayExist?: boolean;
}

/**
 * uploadResumable sends one document and resolves once the server holds it (its record exists). At
 * most PARALLEL_UPLOADS run at once in a context; the others wait for a place.
 */
export function uploadResumable(ctx: SyncContext, request: DocumentUpload): Promise<void> {
	return withUploadSlot(() => uploadOne(ctx, request));
}

function uploadOne(ctx: SyncContext, request: DocumentUpload): Promise<void> {
	const { document } = request;
	const uploadUrl = `${ctx.pb.buildURL('/api/uploads')}/${document.id}`;
	return new Promise((resolve, reject) => {
		const upload = new BaseUpload(document.blob, {
			...BaseUpload.defaultOptions,
			endpoint: ctx.pb.buildURL('/api/uploads'),
			// each request carries at most its share of CHUNK_SIZE (blobReader), read at each request
			chunkSize: CHUNK_SIZE,
			// the first bytes go with the creation request (tus creation-with-upload)
			uploadDataDuringCreation: true,
			retryDelays: ctx.uploadRetryDelays ?? RETRY_DELAYS_MS,
			uploadSize: document.blob.size,
			metadata: {
				document: document.id,
				application: request.applicationId,
				kind: document.kind,
				sha256: document.sha256,
				filename: request.fileName
			},
			fingerprint: async () => uploadFingerprint(document),
			urlStorage: documentUploadStorage(ctx.db),
			storeFingerprintForResuming: true,
			removeFingerprintOnSuccess: true,
			httpStack: new FetchHttpStack(ctx.fetch),
			fileReader: blobReader,
			onBeforeRequest: (req) => {
				// read at each request: the sign-in may have been refreshed meanwhile
				if (ctx.pb.authStore.token) req.setHeader('Authorization', ctx.pb.authStore.token);
			},
			onProgress: (confirmed) => request.onConfirmed?.(confirmed),
			onShouldRetry: (error) => {
				// a creation cut before its answer may have left bytes on the server: ask, do not create again
				upload.url ??= uploadUrl;
				return shouldRetry(error);
			},
			onSuccess: () => resolve(),
			onError: (error) => reject(toUploadError(error, ctx.pb.buildURL('/api/uploads')))
		});
		upload
			.findPreviousUploads()
			.then((previous) => {
				if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
				// a 404 there makes tus-js-client create the upload as usual
				else if (request.mayExist) upload.url = uploadUrl;
				upload.start();
			})
			.catch(reject);
	});
}

/** shouldRetry is tus-js-client's own rule: no answer, a 5xx, or a 409/423, while the browser is online. */
function shouldRetry(error: DetailedError): boolean {
	const status = error.originalResponse?.getStatus() ?? 0;
	const online = typeof navigator === 'undefined' || navigator.onLine !== false;
	return (status < 400 || status >= 500 || TRANSIENT_TUS_STATUSES.has(status)) && online;
}

/**
 * Answers of the tus protocol that a later try cures: 409, the server holds another offset than the
 * client thought (bytes of a cut request still arrived); 423, an earlier request of a cut
 * connection still holds the upload. The next try asks for the offset again.
 */
const TRANSIENT_TUS_STATUSES = new Set([409, 423]);

function toUploadError(error: Error | DetailedError, url: string): ClientResponseError | Failure {
	const status = 'originalResponse' in error ? (error.originalResponse?.getStatus() ?? 0) : 0;
	if (TRANSIENT_TUS_STATUSES.has(status)) return new Failure('busy', {}, status);
	return toResponseError(error, url);
}

/**
 * toResponseError turns a failed tus request into what the PocketBase SDK would have thrown, so the
 * sync engine classifies it like any other call: the server's JSON refusal (status, message, field
 * codes), or status 0 when no answer came.
 */
function toResponseError(error: Error | DetailedError, url: string): ClientResponseError {
	const response = 'originalResponse' in error ? error.originalResponse : null;
	if (!response) return new ClientResponseError({ url, status: 0, response: {}, originalError: error });
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(response.getBody() || '{}');
	} catch {
		body = { message: response.getBody() };
	}
	return new ClientResponseError({ url, status: response.getStatus(), response: body });
}

/**
 * blobReader hands tus-js-client slices of the stored Blob (the same in the page, the worker and Node),
 * each at most the request's share of CHUNK_SIZE as the uploads running stand at that moment.
 */
const blobReader: TusFileReader = {
	async openFile(input: Blob) {
		return {
			size: input.size,
			async slice(start: number, end: number) {
				const stop = Math.min(end, input.size, start + requestSize());
				return { value: input.slice(start, stop), done: stop >= input.size };
			},
			close() {}
		};
	}
};

/** FetchHttpStack is tus-js-client's HTTP stack over fetch (XMLHttpRequest does not exist in a service worker). */
class FetchHttpStack implements HttpStack {
	constructor(private readonly fetchImpl: typeof fetch) {}

	createRequest(method: string, url: string): HttpRequest {
		return new FetchRequest(this.fetchImpl, method, url);
	}

	getName(): string {
		return 'FetchHttpStack';
	}
}

class FetchRequest implements HttpRequest {
	private readonly headers: Record<string, string> = {};
	private readonly controller = new AbortController();

	constructor(
		private readonly fetchImpl: typeof fetch,
		private readonly method: string,
		private readonly url: string
	) {}

	getMethod() {
		return this.method;
	}
	getURL() {
		return this.url;
	}
	setHeader(header: string, value: string) {
		this.headers[header] = value;
	}
	getHeader(header: string) {
		return this.headers[header];
	}
	setProgressHandler() {
		// progress is what the server confirmed (each chunk's answer), not what left the phone
	}
	async send(body: Blob | null = null): Promise<HttpResponse> {
		const bytes = body?.size ?? 0;
		await reserve(bytes);
		try {
			const response = await this.fetchImpl(this.url, { method: this.method, headers: this.headers, body, signal: this.controller.signal });
			return new FetchResponse(response, await response.text());
		} finally {
			release(bytes);
		}
	}
	async abort() {
		this.controller.abort();
	}
	getUnderlyingObject() {
		return this.controller;
	}
}

class FetchResponse implements HttpResponse {
	constructor(
		private readonly response: Response,
		private readonly body: string
	) {}

	getStatus() {
		return this.response.status;
	}
	getHeader(header: string) {
		return this.response.headers.get(header) ?? undefined;
	}
	getBody() {
		return this.body;
	}
	getUnderlyingObject() {
		return this.response;
	}
}
