import type { RecordModel } from 'pocketbase';
import { storageFailure } from '$lib/local/errors';
import type { SyncContext } from './context';
import { Failure } from '$lib/pb/errors';
import { toRemote } from './mirror';

/**
 * Why the finished PDFs of an application are not (all) on the phone yet: `storage_full` (free some
 * space) or `download_failed` (tried again at the next sync). Kept on the application, cleared once
 * every PDF is saved.
 */
export type ResultsError = 'storage_full' | 'download_failed';

/** downloadResults keeps the finished PDFs on the phone, so they open without a connection. */
export async function downloadResults(ctx: SyncContext, record: Pick<RecordModel, 'id' | 'collectionId' | 'collectionName'> & { results?: unknown }): Promise<void> {
	const names = toRemote(record as RecordModel).results;
	if (names.length === 0) return;
	const have = new Set((await ctx.db.results.where('applicationId').equals(record.id).toArray()).map((result) => result.name));
	const missing = names.filter((name) => !have.has(name));
	if (missing.length === 0) return;
	const token = await ctx.pb.files.getToken({ fetch: ctx.fetch, requestKey: null });
	for (const name of missing) {
		const response = await ctx.fetch(ctx.pb.files.getURL(record, name, { token }));
		if (!response.ok) throw new Failure(response.status >= 500 || response.status === 408 ? 'busy' : 'offline', {}, response.status);
		const blob = await response.blob();
		await ctx.db.results.put({ key: `${record.id}/${name}`, applicationId: record.id, name, blob, downloaded: ctx.now() });
	}
}

/**
 * keepResults downloads an application's finished PDFs without ever stopping the pull: a failed
 * download or a full disk is recorded on that application (`resultsError`) and retried at the next
 * pull (`retryResults`), and every other status, event and notification still arrives.
 */
export async function keepResults(ctx: SyncContext, record: Pick<RecordModel, 'id' | 'collectionId' | 'collectionName'> & { results?: unknown }): Promise<boolean> {
	let error: ResultsError | undefined;
	try {
		await downloadResults(ctx, record);
	} catch (failure) {
		error = storageFailure(failure) === 'storage_full' ? 'storage_full' : 'download_failed';
	}
	const local = await ctx.db.applications.get(record.id);
	if (local && local.resultsError !== error) {
		// the note itself may not fit on a full disk: the PDF is then tried again all the same
		await ctx.db.applications.update(record.id, { resultsError: error }).catch(() => {});
	}
	return error === undefined;
}

/** retryResults tries again the PDFs of the owner's applications that could not be saved before. */
export async function retryResults(ctx: SyncContext, owner: string): Promise<void> {
	const waiting = await ctx.db.applications
		.where('owner')
		.equals(owner)
		.filter((application) => application.resultsError !== undefined && (application.remote?.results.length ?? 0) > 0)
		.toArray();
	for (const application of waiting) {
		await keepResults(ctx, { id: application.id, collectionId: 'applications', collectionName: 'applications', results: application.remote?.results });
	}
}
