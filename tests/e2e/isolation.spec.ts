import { api, expect, newResident, test } from './support';

test('a resident cannot list or read another resident\'s applications', async ({ baseURL }) => {
	const a = await api.residentToken(baseURL!, newResident('Warga A'));
	const b = await api.residentToken(baseURL!, newResident('Warga B'));

	const created = await fetch(`${baseURL}/api/collections/applications/records`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: b.token },
		body: JSON.stringify({ owner: b.id, service: 'kk-hilang', status: 'uploading', data: { reason: 'hilang' } })
	});
	expect(created.status, await created.clone().text()).toBe(200);
	const application = await created.json();

	const asB = await fetch(`${baseURL}/api/collections/applications/records`, { headers: { authorization: b.token } }).then((r) => r.json());
	expect(asB.items.map((item: { id: string }) => item.id)).toEqual([application.id]);

	const listAsA = await fetch(`${baseURL}/api/collections/applications/records`, { headers: { authorization: a.token } }).then((r) => r.json());
	expect(listAsA.totalItems).toBe(0);
	const viewAsA = await fetch(`${baseURL}/api/collections/applications/records/${application.id}`, { headers: { authorization: a.token } });
	expect(viewAsA.status).toBe(404);
	const filterAsA = await fetch(`${baseURL}/api/collections/applications/records?filter=${encodeURIComponent(`owner="${b.id}"`)}`, {
		headers: { authorization: a.token }
	}).then((r) => r.json());
	expect(filterAsA.totalItems).toBe(0);

	// Nor can A create an application in B's name.
	const forged = await fetch(`${baseURL}/api/collections/applications/records`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: a.token },
		body: JSON.stringify({ owner: b.id, service: 'kk-hilang', status: 'uploading' })
	});
	expect(forged.status).toBe(400);
	const guest = await fetch(`${baseURL}/api/collections/applications/records`).then((r) => r.json());
	expect(guest.totalItems).toBe(0);
});
