/** urlBase64ToBytes decodes a VAPID public key (base64url) for PushManager.subscribe. */
export function urlBase64ToBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const padding = '='.repeat((4 - (base64url.length % 4)) % 4);
	const base64 = (base64url + padding).replace(/-/g, '+').replace(/_/g, '/');
	const raw = atob(base64);
	const bytes = new Uint8Array(new ArrayBuffer(raw.length));
	for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
	return bytes;
}

/** bytesToUrlBase64 encodes a subscription key (p256dh, auth) for the server. */
export function bytesToUrlBase64(buffer: ArrayBuffer | null): string {
	if (!buffer) return '';
	let binary = '';
	for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
