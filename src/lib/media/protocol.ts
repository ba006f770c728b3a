// The messages between the page (index.ts) and media.worker.ts. The benchmark (tests/bench/media.js)
// speaks the same protocol to the built worker.
import type { PrepareResult } from './types';

/** Page to worker: prepare this file. `id` pairs the answer with the request. */
export interface MediaRequest {
	id: number;
	file: Blob;
}

/**
 * Worker to page: the result, or `unsupported` when the worker cannot draw here (no
 * createImageBitmap or 2D OffscreenCanvas in workers); the page then does the work itself.
 */
export type MediaResponse = { id: number; result: PrepareResult } | { id: number; unsupported: true };
