import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * A stand-in for the browser vendor's push service, which this closed network cannot reach: a local
 * HTTP endpoint that receives what the server sends, and the subscription keys to read it. The
 * server's Web Push code runs unchanged against it; the test decrypts with the subscription's
 * private key (RFC 8291, aes128gcm), as the browser would.
 */
export interface PushService {
	endpoint: string;
	/** The subscription's public key (P-256, uncompressed) and auth secret, base64url. */
	p256dh: string;
	auth: string;
	received: { headers: Record<string, string | string[] | undefined>; payload: string }[];
	close(): Promise<void>;
}

function decrypt(body: Buffer, privateKey: ReturnType<typeof createECDH>, authSecret: Buffer): string {
	const salt = body.subarray(0, 16);
	const idLength = body[20];
	const senderPublic = body.subarray(21, 21 + idLength);
	const ciphertext = body.subarray(21 + idLength);
	const shared = privateKey.computeSecret(senderPublic);
	const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), privateKey.getPublicKey(), senderPublic]);
	const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, keyInfo, 32));
	const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
	const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
	const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
	// Padding: the record ends with a 0x02 delimiter followed by zeros.
	const end = plain.lastIndexOf(2);
	return plain.subarray(0, end).toString('utf8');
}

export async function startPushService(): Promise<PushService> {
	const key = createECDH('prime256v1');
	key.generateKeys();
	const auth = randomBytes(16);
	const received: PushService['received'] = [];
	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			try {
				received.push({ headers: request.headers, payload: decrypt(Buffer.concat(chunks), key, auth) });
				response.writeHead(201).end();
			} catch {
				response.writeHead(400).end();
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		endpoint: `http://127.0.0.1:${port}/push/${randomBytes(8).toString('hex')}`,
		p256dh: key.getPublicKey().toString('base64url'),
		auth: auth.toString('base64url'),
		received,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/**
 * fakeBrowserSubscription is an init script for the page: Chromium here has no push service to
 * register with, so PushManager.subscribe returns a subscription to the local stand-in.
 */
export function fakeBrowserSubscription(service: Pick<PushService, 'endpoint' | 'p256dh' | 'auth'>): string {
	return `(() => {
		const fromB64 = (s) => { const b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - s.length % 4) % 4)); return Uint8Array.from(b, (c) => c.charCodeAt(0)).buffer; };
		let subscribed = false;
		const subscription = {
			endpoint: ${JSON.stringify(service.endpoint)},
			expirationTime: null,
			options: { userVisibleOnly: true },
			getKey: (name) => fromB64(name === 'p256dh' ? ${JSON.stringify(service.p256dh)} : ${JSON.stringify(service.auth)}),
			toJSON() { return { endpoint: this.endpoint, keys: { p256dh: ${JSON.stringify(service.p256dh)}, auth: ${JSON.stringify(service.auth)} } }; },
			unsubscribe: async () => { subscribed = false; return true; }
		};
		if (self.PushManager) {
			PushManager.prototype.subscribe = async function () { subscribed = true; return subscription; };
			PushManager.prototype.getSubscription = async function () { return subscribed ? subscription : null; };
		}
	})();`;
}
