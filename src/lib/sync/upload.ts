/**
 * Uploads one document as multipart form data. In the browser it uses XMLHttpRequest, the only
 * API that reports upload progress; elsewhere (tests, the service worker) fetch.
 */

export interface UploadRequest {
	url: string;
	token: string;
	form: FormData;
	onProgress?: (loaded: number, total: number) => void;
}

export interface UploadResponse {
	status: number;
	body: unknown;
}

export type Uploader = (request: UploadRequest) => Promise<UploadResponse>;

/** fetchUploader sends with fetch (no progress until the end). */
export function fetchUploader(fetchImpl: typeof fetch = fetch): Uploader {
	return async ({ url, token, form, onProgress }) => {
		const response = await fetchImpl(url, { method: 'POST', headers: token ? { Authorization: token } : {}, body: form });
		const body = await response.json().catch(() => null);
		if (response.ok) onProgress?.(1, 1);
		return { status: response.status, body };
	};
}

/** xhrUploader sends with XMLHttpRequest and reports progress as bytes go out. */
export const xhrUploader: Uploader = ({ url, token, form, onProgress }) =>
	new Promise((resolve, reject) => {
		const request = new XMLHttpRequest();
		request.open('POST', url);
		if (token) request.setRequestHeader('Authorization', token);
		request.upload.onprogress = (event) => {
			if (event.lengthComputable) onProgress?.(event.loaded, event.total);
		};
		request.onload = () => {
			let body: unknown = null;
			try {
				body = JSON.parse(request.responseText);
			} catch {
				// not JSON: keep null
			}
			resolve({ status: request.status, body });
		};
		request.onerror = () => reject(new TypeError('upload failed: no answer'));
		request.ontimeout = () => reject(new TypeError('upload failed: timeout'));
		request.timeout = 5 * 60_000;
		request.send(form);
	});

/** defaultUploader picks XMLHttpRequest where there is one. */
export function defaultUploader(): Uploader {
	return typeof XMLHttpRequest === 'function' ? xhrUploader : fetchUploader();
}
