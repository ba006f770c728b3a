import type { RecordModel } from 'pocketbase';
import type { LocalApplication, LocalNotification } from '$lib/local/db';
import type { SyncContext } from './context';
import { classifyFailure } from '$lib/pb/errors';
import { confirmsOutbox, RECEIVED_STATUSES, toRemote, toStatusEvent } from './mirror';
import { keepResults, retryResults } from './results';

export { downloadResults } from './results';

function pullKey(owner: string, what: 'applications' | 'events' | 'notifications'): string {
	return `pull:${what}:${owner}`;
}

async function since(ctx: SyncContext, key: string): Promise<string> {
	return (await ctx.db.meta.get(key))?.value ?? '';
}

/**
 * applyRemoteApplication merges the office's copy of an application into the phone's: a known one
 * gets the new status; one sent from another device is added as sent. The resident's own answers
 * on the phone are never overwritten while it is still in the outbox.
 */
export async function applyRemoteApplication(ctx: SyncContext, record: RecordModel): Promise<void> {
	const remote = toRemote(record);
	await ctx.db.transaction('rw', ctx.db.applications, async () => {
		const local = await ctx.db.applications.get(record.id);
		if (!local) {
			const added: LocalApplication = {
				id: record.id,
				service: String(record.service),
				state: RECEIVED_STATUSES.has(remote.status) ? 'sent' : 'outbox',
				answers: (record.data ?? {}) as LocalApplication['answers'],
				step: '',
				owner: String(record.owner),
				created: Date.parse(String(record.created).replace(' ', 'T')) || ctx.now(),
				updated: ctx.now(),
				remote
			};
			if (added.state === 'sent') await ctx.db.applications.add(added);
			return;
		}
		const changes: Partial<LocalApplication> = { remote, updated: ctx.now() };
		if (local.state === 'outbox' && !local.setAside && confirmsOutbox(local, remote)) {
			Object.assign(changes, { state: 'sent', correction: undefined, refusal: undefined, withdrawRequestedAt: undefined });
		}
		await ctx.db.applications.update(record.id, changes);
	});
	await keepResults(ctx, record);
}

/** toLocalNotification copies a server notification for the inbox. */
export function toLocalNotification(record: RecordModel): LocalNotification {
	return {
		id: record.id,
		owner: String(record.owner),
		application: String(record.application ?? ''),
		appointment: String(record.appointment ?? '') || undefined,
		kind: String(record.kind ?? ''),
		title: String(record.title ?? ''),
		body: String(record.body ?? ''),
		texts: record.texts && typeof record.texts === 'object' ? (record.texts as LocalNotification['texts']) : undefined,
		read: Boolean(record.read),
		readSynced: true,
		created: String(record.created)
	};
}

/** storeNotification keeps a server notification, without undoing a "read" mark not yet sent. */
export async function storeNotification(ctx: SyncContext, record: RecordModel): Promise<void> {
	const incoming = toLocalNotification(record);
	await ctx.db.transaction('rw', ctx.db.notifications, async () => {
		const local = await ctx.db.notifications.get(incoming.id);
		if (local && !local.readSynced) incoming.read = true;
		if (local && !local.readSynced) incoming.readSynced = false;
		await ctx.db.notifications.put(incoming);
	});
}

async function pullNotifications(ctx: SyncContext, owner: string): Promise<void> {
	const key = pullKey(owner, 'notifications');
	const after = await since(ctx, key);
	const records = await ctx.pb.collection('notifications').getFullList({
		fetch: ctx.fetch,
		requestKey: null,
		batch: 200,
		filter: after ? ctx.pb.filter('updated > {:since}', { since: after }) : '',
		sort: 'updated'
	});
	for (const record of records) await storeNotification(ctx, record);
	const newest = records.at(-1)?.updated;
	if (newest) await ctx.db.meta.put({ key, value: String(newest) });
}

/** pushReadMarks sends "read" marks made on the phone (also offline) to the server. */
export async function pushReadMarks(ctx: SyncContext, owner: string): Promise<void> {
	const pending = await ctx.db.notifications.where('owner').equals(owner).filter((n) => !n.readSynced).toArray();
	for (const notification of pending) {
		try {
			await ctx.pb.collection('notifications').update(notification.id, { read: true }, { fetch: ctx.fetch, requestKey: null });
		} catch (error) {
			const failure = classifyFailure(error);
			if (failure.reason !== 'refused') throw failure;
		}
		await ctx.db.notifications.update(notification.id, { readSynced: true });
	}
}

/**
 * pull brings the resident's applications and status events changed since the last pull, and the
 * finished PDFs, onto the phone.
 */
export async function pull(ctx: SyncContext, owner: string): Promise<number> {
	const options = { fetch: ctx.fetch, requestKey: null, batch: 200 };
	await pushReadMarks(ctx, owner).catch((error) => {
		throw classifyFailure(error);
	});
	const applicationsKey = pullKey(owner, 'applications');
	const eventsKey = pullKey(owner, 'events');
	try {
		// the PDFs that could not be saved at an earlier pull (before this pull marks new ones)
		await retryResults(ctx, owner);
		const applicationsSince = await since(ctx, applicationsKey);
		const filter = applicationsSince ? ctx.pb.filter('updated > {:since}', { since: applicationsSince }) : '';
		const records = await ctx.pb.collection('applications').getFullList({ ...options, filter, sort: 'updated' });
		for (const record of records) await applyRemoteApplication(ctx, record);

		const eventsSince = await since(ctx, eventsKey);
		const eventFilter = eventsSince ? ctx.pb.filter('created > {:since}', { since: eventsSince }) : '';
		const events = await ctx.pb.collection('application_events').getFullList({ ...options, filter: eventFilter, sort: 'created' });
		await ctx.db.events.bulkPut(events.map(toStatusEvent));

		await pullNotifications(ctx, owner);

		const newestRecord = records.at(-1)?.updated;
		if (newestRecord) await ctx.db.meta.put({ key: applicationsKey, value: String(newestRecord) });
		const newestEvent = events.at(-1)?.created;
		if (newestEvent) await ctx.db.meta.put({ key: eventsKey, value: String(newestEvent) });
		return records.length;
	} catch (error) {
		throw classifyFailure(error);
	}
}
