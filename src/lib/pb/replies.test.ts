import PocketBase, { BaseAuthStore, ClientResponseError } from 'pocketbase';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { makeResident, type TestResident } from '$lib/sync/testing';
import { ResidentAuthStore } from './auth-store';
import { classifyFailure } from './errors';
import { readWholeReplies } from './replies';

/** cutOff answers with the server's real reply, but its body breaks off after a few bytes (a page navigating away, a dropped line). */
const cutOff: typeof fetch = async (input, init) => {
	const reply = await fetch(input, init);
	const reader = reply.body!.getReader();
	const { value } = await reader.read();
	void reader.cancel();
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(value!.slice(0, 8));
			controller.error(new TypeError('network error'));
		}
	});
	return new Response(body, { status: reply.status, headers: reply.headers });
};

/** captivePortal answers every request with a Wi-Fi login page, not the server. */
const captivePortal: typeof fetch = async () =>
	new Response('<!doctype html><title>Login Wi-Fi</title>', { status: 200, headers: { 'content-type': 'text/html' } });

const origin = inject('pbOrigin');
let resident: TestResident;

beforeAll(async () => {
	resident = await makeResident(origin);
});

/** signedIn is a client signed in as the resident, as the app's is. */
function signedIn(store = new BaseAuthStore()): PocketBase {
	const pb = new PocketBase(origin, store);
	pb.autoCancellation(false);
	pb.authStore.save(resident.pb.authStore.token, resident.pb.authStore.record);
	return pb;
}

describe('a sign-in refresh whose reply is not a whole answer', () => {
	it('with the SDK alone, leaves a sign-in without token or record (the bug this guards against)', async () => {
		const pb = signedIn();
		await pb.collection('users').authRefresh({ fetch: cutOff });
		expect(pb.authStore.token).toBe('');
		expect(pb.authStore.record?.id).toBeUndefined();
	});

	for (const [name, fetchFunc] of [
		['cut off', cutOff],
		['from a captive portal', captivePortal]
	] as const) {
		it(`${name}: is no answer (offline), and the sign-in stays`, async () => {
			const pb = signedIn();
			readWholeReplies(pb);
			const token = pb.authStore.token;
			const error = await pb
				.collection('users')
				.authRefresh({ fetch: fetchFunc })
				.then(
					() => null,
					(e: unknown) => e
				);
			expect(error).toBeInstanceOf(ClientResponseError);
			expect((error as ClientResponseError).status).toBe(0);
			expect(classifyFailure(error).reason).toBe('offline');
			expect(pb.authStore.token).toBe(token);
			expect(pb.authStore.record?.id).toBe(resident.id);
		});
	}

	it('whole replies pass unchanged: a refresh, a refusal with its codes, an empty 204', async () => {
		const pb = signedIn();
		readWholeReplies(pb);
		const refreshed = await pb.collection('users').authRefresh();
		expect(refreshed.record.id).toBe(resident.id);
		expect(pb.authStore.token).toBe(refreshed.token);
		const refused = await pb
			.collection('users')
			.update(resident.id, { name: '' })
			.catch((e: ClientResponseError) => e);
		expect((refused as ClientResponseError).status).toBe(400);
		expect((refused as ClientResponseError).response.data.name).toBeTruthy();
		await expect(pb.collection('users').requestVerification(resident.email)).resolves.toBe(true);
	});
});

describe('ResidentAuthStore', () => {
	const storage = new Map<string, string>();
	const localStorage = {
		getItem: (key: string) => storage.get(key) ?? null,
		setItem: (key: string, value: string) => void storage.set(key, value),
		removeItem: (key: string) => void storage.delete(key)
	};

	afterEach(() => {
		vi.unstubAllGlobals();
		storage.clear();
	});

	it('never stores a sign-in without a token and a record id, and drops one left on the phone', () => {
		vi.stubGlobal('window', { localStorage, addEventListener: () => undefined });
		const store = new ResidentAuthStore();
		store.save('token-1', { id: 'r1', collectionName: 'users' } as never);
		store.save(undefined as never, {} as never);
		store.save('', { id: 'r1' } as never);
		expect(store.token).toBe('token-1');
		expect(store.record?.id).toBe('r1');

		storage.set('pocketbase_auth', JSON.stringify({ record: {} }));
		const stale = new ResidentAuthStore();
		expect(stale.record).toBeNull();
		expect(storage.has('pocketbase_auth')).toBe(false);
	});
});
