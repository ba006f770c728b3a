import type { LocalDatabase } from '$lib/local/db';
import { bytesToUrlBase64 } from './keys';

/**
 * Withdrawing a signed-out phone's push subscription from the server. Sign-out removes it with the
 * resident's session when online; when that fails (offline), the endpoint and its auth secret wait
 * in IndexedDB (a key of the device, not of a resident: the wipe keeps it) and are sent to
 * POST /api/accounts/push-revoke at the next chance: the app's next start or sync, or the service
 * worker's Background Sync. The auth secret proves the phone held the subscription, so no session
 * is needed.
 */

export const REVOKE_KEY = 'push:revoke';
const REVOKE_PATH = '/api/accounts/push-revoke';

interface PendingRevoke {
	endpoint: string;
	auth: string;
}

async function pending(db: LocalDatabase): Promise<PendingRevoke[]> {
	const stored = await db.meta.get(REVOKE_KEY);
	try {
		return stored ? (JSON.parse(stored.value) as PendingRevoke[]) : [];
	} catch {
		return [];
	}
}

/** revokesPending tells whether a withdrawal still waits for the server (the phone was offline). */
export async function revokesPending(db: LocalDatabase): Promise<boolean> {
	return (await pending(db)).length > 0;
}

/** rememberRevoke keeps a subscription to withdraw from the server. */
export async function rememberRevoke(db: LocalDatabase, subscription: PushSubscription): Promise<void> {
	const entry = { endpoint: subscription.endpoint, auth: bytesToUrlBase64(subscription.getKey('auth')) };
	const list = (await pending(db)).filter((item) => item.endpoint !== entry.endpoint);
	await db.meta.put({ key: REVOKE_KEY, value: JSON.stringify([...list, entry]) });
}

/** flushRevokes sends every pending withdrawal; those the server did not confirm stay for the next time. */
export async function flushRevokes(db: LocalDatabase, origin: string, fetcher: typeof fetch = fetch): Promise<void> {
	const list = await pending(db);
	if (list.length === 0) return;
	const left: PendingRevoke[] = [];
	for (const item of list) {
		const ok = await fetcher(new URL(REVOKE_PATH, origin).href, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(item)
		})
			.then((response) => response.ok || (response.status >= 400 && response.status < 500))
			.catch(() => false);
		if (!ok) left.push(item);
	}
	if (left.length) await db.meta.put({ key: REVOKE_KEY, value: JSON.stringify(left) });
	else await db.meta.delete(REVOKE_KEY);
}
