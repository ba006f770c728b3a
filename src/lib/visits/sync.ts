import type { RecordModel } from 'pocketbase';
import type { LocalSlot, LocalVisit } from '$lib/local/db';
import { getVisit, putVisit, saveSlots, updateVisit, visitsOf } from '$lib/local/visits';
import { backoffDelay } from '$lib/sync/backoff';
import type { SyncContext } from '$lib/sync/context';
import { classifyFailure, Failure } from '$lib/pb/errors';
import { isIdTaken } from '$lib/sync/push';
import { addDaysTo, officeToday, VISIT_SERVICES } from './services';

/**
 * The visits' part of a sync, called by the sync engine after the applications: send the visit
 * requests and cancels waiting in the outbox (each exactly once: the phone's id), then bring the
 * resident's appointments and the slots of the coming weeks onto the phone.
 */

/** How many days of slots the phone keeps for the service pages (the search window and a margin). */
const SLOT_DAYS = 21;

/** toLocalVisit merges the server's appointment into the phone's copy (or makes one). */
export function toLocalVisit(record: RecordModel, local: LocalVisit | undefined, now: number): LocalVisit {
	const status = String(record.status) as LocalVisit['status'];
	return {
		...(local ?? {
			id: record.id,
			owner: String(record.owner),
			service: String(record.service),
			preferredDate: String(record.preferred_date),
			requestedAt: Date.parse(String(record.created).replace(' ', 'T')) || now
		}),
		partOfDay: (record.part_of_day || undefined) as LocalVisit['partOfDay'],
		application: String(record.application ?? '') || undefined,
		state: 'sent',
		status,
		slot: String(record.slot ?? ''),
		date: String(record.date ?? ''),
		start: String(record.start ?? ''),
		end: String(record.end ?? ''),
		code: String(record.code ?? ''),
		// a cancel still waiting stays asked for while the server says booked
		cancelRequested: status === 'booked' ? local?.cancelRequested : undefined,
		attempts: 0,
		nextAttemptAt: undefined,
		lastError: undefined,
		updated: now
	};
}

/** storeRemoteVisit keeps an appointment the server sent (pull or realtime). */
export async function storeRemoteVisit(ctx: SyncContext, record: RecordModel): Promise<void> {
	await putVisit(toLocalVisit(record, await getVisit(record.id, ctx.db), ctx.now()), ctx.db);
}

async function retryLater(ctx: SyncContext, visit: LocalVisit, failure: Failure): Promise<void> {
	const attempts = (visit.attempts ?? 0) + 1;
	await updateVisit(visit.id, { attempts, nextAttemptAt: ctx.now() + backoffDelay(attempts - 1, ctx.random), lastError: failure.reason }, ctx.db);
}

/** sendRequest asks the server to book one visit request. */
async function sendRequest(ctx: SyncContext, visit: LocalVisit): Promise<void> {
	const options = { fetch: ctx.fetch, requestKey: null };
	const appointments = ctx.pb.collection('appointments');
	try {
		const record = await appointments.create(
			{
				id: visit.id,
				owner: visit.owner,
				service: visit.service,
				preferred_date: visit.preferredDate,
				part_of_day: visit.partOfDay ?? '',
				application: visit.application ?? ''
			},
			options
		);
		await storeRemoteVisit(ctx, record);
	} catch (error) {
		// The first try booked it and its answer was lost: the server has it under this id.
		if (isIdTaken(error)) {
			await storeRemoteVisit(ctx, await appointments.getOne(visit.id, options));
			return;
		}
		const failure = classifyFailure(error);
		if (failure.reason === 'refused') {
			const noCapacity = failure.codes.slot === 'no_capacity';
			await updateVisit(visit.id, { state: noCapacity ? 'no_capacity' : 'refused', refusal: failure.codes, lastError: 'refused' }, ctx.db);
			return;
		}
		if (failure.reason === 'busy' || failure.reason === 'rate_limited') return retryLater(ctx, visit, failure);
		throw failure;
	}
}

/** sendCancel asks the server to cancel a booked visit. */
async function sendCancel(ctx: SyncContext, visit: LocalVisit): Promise<void> {
	try {
		const record = await ctx.pb.collection('appointments').update(visit.id, { status: 'cancelled' }, { fetch: ctx.fetch, requestKey: null });
		await storeRemoteVisit(ctx, record);
	} catch (error) {
		const failure = classifyFailure(error);
		if (failure.reason === 'refused') {
			// too late, or the office changed it meanwhile: the pull brings what the office has
			await updateVisit(visit.id, { cancelRequested: false, refusal: failure.codes, lastError: 'refused' }, ctx.db);
			return;
		}
		if (failure.reason === 'busy' || failure.reason === 'rate_limited') return retryLater(ctx, visit, failure);
		throw failure;
	}
}

/** pullVisits brings every appointment of the resident. */
async function pullVisits(ctx: SyncContext): Promise<void> {
	const records = await ctx.pb.collection('appointments').getFullList({ fetch: ctx.fetch, requestKey: null, batch: 200, sort: 'updated' });
	for (const record of records) await storeRemoteVisit(ctx, record);
}

/** refreshSlots keeps the slots of the coming weeks of every in-person service, to show offline. */
export async function refreshSlots(ctx: Pick<SyncContext, 'pb' | 'db' | 'fetch' | 'now'>): Promise<void> {
	const today = officeToday(new Date(ctx.now()));
	const records = await ctx.pb.collection('appointment_slots').getFullList({
		fetch: ctx.fetch,
		requestKey: null,
		batch: 500,
		filter: ctx.pb.filter('date >= {:from} && date <= {:to}', { from: today, to: addDaysTo(today, SLOT_DAYS) }),
		sort: 'date,start',
		fields: 'id,service,date,start,end,capacity,booked,closed'
	});
	const seenAt = ctx.now();
	for (const service of VISIT_SERVICES) {
		const slots: LocalSlot[] = records
			.filter((record) => record.service === service)
			.map((record) => ({
				id: record.id,
				service,
				date: String(record.date),
				start: String(record.start),
				end: String(record.end),
				capacity: Number(record.capacity),
				booked: Number(record.booked),
				closed: Boolean(record.closed)
			}));
		await saveSlots(service, slots, seenAt, ctx.db);
	}
}

/**
 * syncVisits does the visits' part of one sync. It returns the failure that should stop the sync
 * (no connection, an expired sign-in) or null; a busy server is retried later by each request.
 */
export async function syncVisits(ctx: SyncContext, owner: string): Promise<Failure | null> {
	try {
		const now = ctx.now();
		for (const visit of await visitsOf(owner, ctx.db)) {
			if ((visit.nextAttemptAt ?? 0) > now) continue;
			if (visit.state === 'outbox') await sendRequest(ctx, visit);
			else if (visit.state === 'sent' && visit.status === 'booked' && visit.cancelRequested) await sendCancel(ctx, visit);
		}
		await pullVisits(ctx);
		await refreshSlots(ctx);
		return null;
	} catch (error) {
		const failure = classifyFailure(error);
		return failure.reason === 'offline' || failure.reason === 'unauthorized' ? failure : null;
	}
}
