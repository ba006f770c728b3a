import type PocketBase from 'pocketbase';

type Fetch = (url: RequestInfo | URL, config?: RequestInit) => Promise<Response>;

/**
 * The PocketBase SDK reads a successful reply's body as JSON and, when that fails for any reason
 * but an abort, carries on with `{}` as if the server had answered it. A sign-in refresh whose
 * reply is cut off (the page navigates away while its body is still arriving, the connection
 * drops) or replaced (a Wi-Fi login page answering instead of the server) then "succeeds" with no
 * token and no record, and the SDK stores exactly that: the resident is signed out on the next
 * page, and their applications answer 404. Here such a reply is what it is: no answer (a network
 * failure, status 0), so nothing is stored and the request is tried again later.
 */
export function wholeReplies(fetchFunc: Fetch): Fetch {
	return async (url, config) => {
		const response = await fetchFunc(url, config);
		if (!response.ok || response.status === 204) return response;
		// Rejects when the body breaks off; throws when it is not JSON.
		const text = await response.text();
		if (text !== '') JSON.parse(text);
		return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
	};
}

/** readWholeReplies makes every request of a client go through wholeReplies. */
export function readWholeReplies(pb: PocketBase): void {
	const before = pb.beforeSend;
	pb.beforeSend = async (url, options) => {
		const result = before ? await before(url, options) : { url, options };
		const sendOptions = result.options ?? options;
		sendOptions.fetch = wholeReplies(sendOptions.fetch ?? ((input, init) => fetch(input, init)));
		return { url: result.url ?? url, options: sendOptions };
	};
}
