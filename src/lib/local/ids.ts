const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * newRecordId makes an id in PocketBase's own form (15 characters of a-z0-9) on the phone, so the
 * same record keeps the same id offline and on the server, and a retried upload cannot duplicate it.
 */
export function newRecordId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(15));
	// 36 * 7 = 252: rejecting bytes >= 252 keeps every character equally likely.
	let id = '';
	for (const byte of bytes) id += ALPHABET[byte % 36];
	return bytes.every((byte) => byte < 252) ? id : newRecordId();
}
