// The media module as the app sees it: prepareDocumentFile turns a picked file into what is stored
// (see types.ts), doing the heavy work in a module worker, or on the page where workers cannot draw.
import type { MediaRequest, MediaResponse } from './protocol';
import type { PrepareResult, StoredType } from './types';

export * from './types';
export { MAX_OUTPUT_BYTES } from './encode';
export { TOO_BLURRY_BELOW, TOO_DARK_BELOW } from './quality';

/** For `<input type="file" accept>`: what can be prepared. (The content is checked anyway.) */
export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/** extensionFor gives the file-name extension of a stored type, for the upload's file name. */
export function extensionFor(type: StoredType): 'jpg' | 'pdf' {
	return type === 'application/pdf' ? 'pdf' : 'jpg';
}

/** Time the worker may take for one file before the file is given up on (processing_failed). */
const WORKER_TIMEOUT_MS = 60_000;

/** A worker idle this long is stopped to give its memory back; the next file starts a new one. */
const WORKER_IDLE_MS = 30_000;

let worker: Worker | null = null;
let workerUnusable = false;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

/**
 * prepareDocumentFile checks a file by its content and prepares it for storage: a JPEG, PNG or
 * WebP photo becomes an upright JPEG of at most 2000 px (about 200–500 KB) with its SHA-256, size,
 * pixel size, a 240 px thumbnail and quality warnings ('too_dark', 'too_blurry'); a PDF of at most
 * 5 MB is kept as it is (with its SHA-256). Anything else resolves to `{ ok: false, reason }`.
 * Never rejects. Files are done one at a time (each photo needs tens of MB while it is decoded),
 * in a module worker, or on the page when this browser cannot draw in a worker.
 */
export function prepareDocumentFile(file: Blob): Promise<PrepareResult> {
	const result = queue.then(() => prepareOne(file));
	queue = result.catch(() => undefined);
	return result;
}

async function prepareOne(file: Blob): Promise<PrepareResult> {
	if (!workerUnusable && typeof Worker === 'function' && typeof OffscreenCanvas === 'function') {
		const answer = await inWorker(file);
		if (answer !== 'fallback') return answer;
	}
	return onPage(file);
}

async function onPage(file: Blob): Promise<PrepareResult> {
	try {
		const [{ prepareFile }, { browserImaging }] = await Promise.all([import('./prepare'), import('./canvas')]);
		return await prepareFile(file, browserImaging);
	} catch (error) {
		return { ok: false, reason: 'processing_failed', detail: String(error) };
	}
}

function stopWorker() {
	clearTimeout(idleTimer);
	worker?.terminate();
	worker = null;
}

/** Runs one file in the worker; 'fallback' when the worker cannot do it and the page should. */
function inWorker(file: Blob): Promise<PrepareResult | 'fallback'> {
	clearTimeout(idleTimer);
	let current: Worker;
	try {
		current = worker ??= new Worker(new URL('./media.worker.ts', import.meta.url), { type: 'module', name: 'media' });
	} catch {
		workerUnusable = true;
		return Promise.resolve('fallback');
	}
	const id = nextId++;
	return new Promise((resolve) => {
		const done = (answer: PrepareResult | 'fallback', keepWorker: boolean) => {
			clearTimeout(timer);
			current.removeEventListener('message', onMessage);
			current.removeEventListener('error', onError);
			current.removeEventListener('messageerror', onError);
			if (keepWorker) idleTimer = setTimeout(stopWorker, WORKER_IDLE_MS);
			else stopWorker();
			resolve(answer);
		};
		const onMessage = ({ data }: MessageEvent<MediaResponse>) => {
			if (data?.id !== id) return;
			if ('unsupported' in data) {
				workerUnusable = true;
				done('fallback', false);
			} else {
				done(data.result, true);
			}
		};
		// The worker script failed to load or threw: do this file, and the next ones, on the page.
		const onError = (event: Event) => {
			event.preventDefault();
			workerUnusable = true;
			done('fallback', false);
		};
		const timer = setTimeout(
			() => done({ ok: false, reason: 'processing_failed', detail: 'the media worker did not answer in time' }, false),
			WORKER_TIMEOUT_MS
		);
		current.addEventListener('message', onMessage);
		current.addEventListener('error', onError);
		current.addEventListener('messageerror', onError);
		current.postMessage({ id, file } satisfies MediaRequest);
	});
}
