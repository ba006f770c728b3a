import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/local/db';
import { AUTH_KEY, keepRefreshedSignIn } from './background';

const mirror = (id: string, token: string) => ({ key: AUTH_KEY, value: JSON.stringify({ token, record: { id } }) });
const stored = async () => (await db.meta.get(AUTH_KEY))?.value;

describe('the sign-in mirror of Background Sync', () => {
	beforeEach(() => db.meta.clear());

	it('keeps a token the worker refreshed while the same resident is signed in', async () => {
		await db.meta.put(mirror('residentA', 'old'));
		await keepRefreshedSignIn('residentA', 'new', { id: 'residentA' });
		expect(JSON.parse((await stored())!).token).toBe('new');
	});

	it('never writes a signed-out session back', async () => {
		await db.meta.put(mirror('residentA', 'old'));
		await db.meta.delete(AUTH_KEY); // the resident signs out while the worker's sync is under way
		await keepRefreshedSignIn('residentA', 'new', { id: 'residentA' });
		expect(await stored()).toBeUndefined();
	});

	it("never replaces another resident's sign-in", async () => {
		await db.meta.put(mirror('residentB', 'b-token'));
		await keepRefreshedSignIn('residentA', 'a-token', { id: 'residentA' });
		expect(JSON.parse((await stored())!).token).toBe('b-token');
	});
});
