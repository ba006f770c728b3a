// SHA-256 of the stored bytes, as the server checks it (documents.sha256).

/** sha256Hex is the SHA-256 of the bytes, as 64 lowercase hex digits (Web Crypto). */
export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
	const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	let hex = '';
	for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
	return hex;
}
