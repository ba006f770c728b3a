// The module worker that prepares document files off the main thread: a thin shell over
// prepare.ts with the browser's imaging. One request at a time comes from index.ts.
import { browserImaging, canDrawOffscreen } from './canvas';
import { prepareFile } from './prepare';
import type { MediaRequest, MediaResponse } from './protocol';

// The app's tsconfig has the DOM library, not the WebWorker one; this is all of the worker scope used.
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<MediaRequest>) => void) | null;
	postMessage(message: MediaResponse): void;
};

const supported = canDrawOffscreen();

scope.onmessage = async ({ data: { id, file } }) => {
	if (!supported) {
		scope.postMessage({ id, unsupported: true });
		return;
	}
	scope.postMessage({ id, result: await prepareFile(file, browserImaging) });
};
