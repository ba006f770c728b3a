import type { RecordModel } from 'pocketbase';
import type { LocalApplication, LocalDocument, PushProgress } from '$lib/local/db';
import type { SyncContext } from './context';
import { classifyFailure, Failure } from '$lib/pb/errors';
import { confirmsOutbox, toRemote } from './mirror';
import { uploadResumable } from './upload';

/** Progress of one application's upload, in bytes of its documents. */
export interface PushProgressEvent {
	applicationId: string;
	loaded: number;
	total: number;
}

function fileName(document: LocalDocument): string {
	return `${document.kind}.${document.type === 'application/pdf' ? 'pdf' : 'jpg'}`;
}

/**
 * pushApplication sends one application from the outbox, step by step, recording each step the
 * server confirms: create (as `uploading`), mark the documents replaced or removed while
 * correcting as superseded, upload each new document, put the pages of each document in the
 * phone's order, then finalise (`submitted`, with the answers as the phone has them). The same steps resubmit a correction after needs_revision and
 * resend a refused application after the resident fixed it. A withdrawal sets `cancelled`. Every
 * step is safe to repeat: a create or a finalise whose answer was lost is recognised on retry.
 * An application the server removed while it was unfinished (abandoned uploads go after 30 days)
 * is sent again from the start: the phone still holds everything.
 */
export async function pushApplication(
	ctx: SyncContext,
	application: LocalApplication,
	onProgress: (event: PushProgressEvent) => void = () => {}
): Promise<RecordModel> {
	try {
		return await pushSteps(ctx, application, onProgress);
	} catch (error) {
		if (!application.push?.created || !(error instanceof Failure) || error.reason !== 'refused') throw error;
		if (!(await applicationGone(ctx, application.id))) throw error;
		const push = { created: false, uploaded: [] };
		await ctx.db.applications.update(application.id, { push });
		return pushSteps(ctx, { ...application, push }, onProgress);
	}
}

/** applicationGone tells whether the server no longer holds the application (ours: the view rule shows only ours). */
async function applicationGone(ctx: SyncContext, id: string): Promise<boolean> {
	try {
		await ctx.pb.collection('applications').getOne(id, { fetch: ctx.fetch, requestKey: null, fields: 'id' });
		return false;
	} catch (error) {
		const failure = classifyFailure(error);
		if (failure.status === 404) return true;
		throw failure;
	}
}

async function pushSteps(ctx: SyncContext, application: LocalApplication, onProgress: (event: PushProgressEvent) => void): Promise<RecordModel> {
	const options = { fetch: ctx.fetch, requestKey: null };
	const applications = ctx.pb.collection('applications');
	const push: PushProgress = { superseded: [], ...(application.push ?? { created: false, uploaded: [] }) };

	if (!push.created) {
		try {
			await applications.create(
				{ id: application.id, owner: application.owner, service: application.service, status: 'uploading', data: application.answers },
				options
			);
		} catch (error) {
			if (!isIdTaken(error)) throw classifyFailure(error);
			// Our earlier create arrived but its answer was lost: the record is ours if we can read it.
			await applications.getOne(application.id, options).catch((lookup) => {
				throw classifyFailure(lookup).status === 404
					? new Failure('refused', { id: 'id_conflict' }, 404)
					: classifyFailure(lookup);
			});
		}
		push.created = true;
		await ctx.db.applications.update(application.id, { push: { ...push } });
	}

	if (application.withdrawRequestedAt) return finish(ctx, application, { status: 'cancelled' });

	const all = await ctx.db.documents.where('applicationId').equals(application.id).sortBy('created');
	for (const document of all) {
		if (!document.superseded || !push.uploaded.includes(document.id) || push.superseded!.includes(document.id)) continue;
		await supersede(ctx, document);
		push.superseded!.push(document.id);
		await ctx.db.applications.update(application.id, { push: { ...push, superseded: [...push.superseded!] } });
	}

	const documents = all.filter((document) => !document.superseded);
	const total = documents.reduce((sum, document) => sum + document.size, 0);
	let done = documents.filter((document) => push.uploaded.includes(document.id)).reduce((sum, document) => sum + document.size, 0);
	onProgress({ applicationId: application.id, loaded: done, total });

	// The documents go up side by side (upload.ts bounds how many at once), the pages of one document
	// one after another, in the phone's order (the server numbers each new file after the others);
	// each is recorded as soon as the server holds it. Every upload settles before this returns, so
	// nothing of this application is still on the way when the engine records the outcome.
	const wasInflight = inflightIds(push);
	const inflight = new Set<string>();
	const confirmed = new Map<string, number>();
	const save = () => ctx.db.applications.update(application.id, { push: { ...push, uploaded: [...push.uploaded], inflight: [...new Set([...wasInflight, ...inflight])] } });
	const report = () => onProgress({ applicationId: application.id, loaded: done + [...confirmed.values()].reduce((sum, bytes) => sum + bytes, 0), total });
	const send = async (document: LocalDocument) => {
		// An upload cut off earlier may have arrived whole: ask before sending the bytes again.
		const mayExist = wasInflight.includes(document.id);
		if (!(mayExist && (await documentOnServer(ctx, document.id)))) {
			inflight.add(document.id);
			await save();
			await uploadDocument(
				ctx,
				application,
				document,
				(loaded) => {
					confirmed.set(document.id, loaded);
					report();
				},
				{ mayExist }
			);
		}
		confirmed.delete(document.id);
		done += document.size;
		push.uploaded.push(document.id);
		inflight.delete(document.id);
		if (mayExist) wasInflight.splice(wasInflight.indexOf(document.id), 1);
		await save();
		report();
	};
	const byKind = new Map<string, LocalDocument[]>();
	for (const document of documents) {
		if (!push.uploaded.includes(document.id)) byKind.set(document.kind, [...(byKind.get(document.kind) ?? []), document]);
	}
	const results = await Promise.allSettled(
		[...byKind.values()].map(async (pages) => {
			for (const page of pages) await send(page);
		})
	);
	const failures = results.flatMap((result) => (result.status === 'rejected' ? [classifyFailure(result.reason)] : []));
	if (failures.length > 0) throw worstFailure(failures);
	push.inflight = undefined;
	await ctx.db.applications.update(application.id, { push: { ...push, uploaded: [...push.uploaded] } });

	await orderPages(ctx, application.id, documents);
	return finish(ctx, application, { status: 'submitted', data: application.answers });
}

/** inflightIds reads the documents whose uploads were started and not confirmed (one id in older rows). */
function inflightIds(push: PushProgress): string[] {
	if (push.inflight === undefined) return [];
	return typeof push.inflight === 'string' ? [push.inflight] : [...push.inflight];
}

/**
 * worstFailure picks what the engine hears of an application whose uploads failed: an expired
 * sign-in or a lost connection first (they stop the sync and nothing is the resident's fault), then
 * any other passing failure; refusals only when all are, with the codes of every refused document.
 */
function worstFailure(failures: Failure[]): Failure {
	for (const reason of ['unauthorized', 'offline'] as const) {
		const failure = failures.find((candidate) => candidate.reason === reason);
		if (failure) return failure;
	}
	const passing = failures.find((failure) => failure.reason !== 'refused');
	if (passing) return passing;
	return new Failure('refused', Object.assign({}, ...failures.map((failure) => failure.codes)), failures[0].status);
}

/**
 * orderPages gives the server the order of the files of each document with several (pages, sides)
 * as the resident left it on the phone (`created`, swapped by `movePage`): it reads the pages the
 * server holds and moves only the files that are elsewhere, so a move whose answer was lost is not
 * sent again. The server numbers a new file after the others; a swap is two moves, and the
 * resubmission refuses two files on one page.
 */
async function orderPages(ctx: SyncContext, applicationId: string, documents: LocalDocument[]): Promise<void> {
	const byKind = new Map<string, LocalDocument[]>();
	for (const document of documents) byKind.set(document.kind, [...(byKind.get(document.kind) ?? []), document]);
	if (![...byKind.values()].some((files) => files.length > 1)) return;
	const options = { fetch: ctx.fetch, requestKey: null };
	const collection = ctx.pb.collection('documents');
	let held: RecordModel[];
	try {
		held = await collection.getFullList({
			...options,
			filter: ctx.pb.filter('application = {:id} && superseded = false', { id: applicationId }),
			fields: 'id,page'
		});
	} catch (error) {
		throw classifyFailure(error);
	}
	const pageOnServer = new Map(held.map((record) => [record.id, record.page as number]));
	for (const files of byKind.values()) {
		if (files.length < 2) continue;
		for (const [index, document] of files.entries()) {
			if (pageOnServer.get(document.id) === index + 1) continue;
			try {
				await collection.update(document.id, { page: index + 1 }, options);
			} catch (error) {
				throw atDocument(classifyFailure(error), document);
			}
		}
	}
}

/**
 * finish makes the last change of a push (finalise, resubmit or withdraw). When its answer is
 * lost or refused, the server's copy tells whether it arrived all the same.
 */
async function finish(ctx: SyncContext, application: LocalApplication, body: Record<string, unknown>): Promise<RecordModel> {
	const options = { fetch: ctx.fetch, requestKey: null };
	const applications = ctx.pb.collection('applications');
	try {
		return await applications.update(application.id, body, options);
	} catch (error) {
		let failure = classifyFailure(error);
		// Changed by staff at the same moment: the next try sees the new state.
		if (failure.status === 409) failure = new Failure('busy', failure.codes, 409);
		if (failure.reason !== 'refused' && failure.reason !== 'offline' && failure.reason !== 'busy') throw failure;
		const current = await applications.getOne(application.id, options).catch((lookup) => {
			throw classifyFailure(lookup);
		});
		if (confirmsOutbox(application, toRemote(current))) return current;
		throw failure;
	}
}

/** supersede tells the server that a document it holds was replaced or removed (it keeps it). */
async function supersede(ctx: SyncContext, document: LocalDocument): Promise<void> {
	try {
		await ctx.pb.collection('documents').update(document.id, { superseded: true }, { fetch: ctx.fetch, requestKey: null });
	} catch (error) {
		throw classifyFailure(error);
	}
}

/** documentOnServer tells whether the server holds a document (ours: the view rule shows only ours). */
async function documentOnServer(ctx: SyncContext, id: string): Promise<boolean> {
	try {
		await ctx.pb.collection('documents').getOne(id, { fetch: ctx.fetch, requestKey: null, fields: 'id' });
		return true;
	} catch (error) {
		if (classifyFailure(error).status === 404) return false;
		throw classifyFailure(error);
	}
}

/**
 * uploadDocument sends one document of an application: the one upload path of the app, for the first
 * send and for a correction alike. It resumes inside the file after a cut (tus, see upload.ts) and
 * reports the bytes the server confirmed. A document that has arrived already (its earlier upload
 * completed but the answer was lost) counts as sent. `mayExist`: an earlier try of this document was
 * cut, so its upload may be on the server without the phone knowing where.
 */
export async function uploadDocument(
	ctx: SyncContext,
	application: Pick<LocalApplication, 'id'>,
	document: LocalDocument,
	onBytes: (loaded: number) => void,
	options: { mayExist?: boolean } = {}
): Promise<void> {
	try {
		await uploadResumable(ctx, { document, applicationId: application.id, fileName: fileName(document), onConfirmed: onBytes, mayExist: options.mayExist });
		return;
	} catch (error) {
		if (!isIdTaken(error)) {
			const failure = atDocument(classifyFailure(error), document);
			// refused for good: the next try (after the resident acts) starts a fresh upload
			if (failure.reason === 'refused') await ctx.db.documents.update(document.id, { upload: undefined });
			throw failure;
		}
	}
	await ctx.pb
		.collection('documents')
		.getOne(document.id, { fetch: ctx.fetch, requestKey: null, fields: 'id' })
		.catch((lookup) => {
			throw classifyFailure(lookup).status === 404
				? new Failure('refused', { [`documents.${document.kind}`]: 'id_conflict' }, 404)
				: classifyFailure(lookup);
		});
}

/** atDocument files a refused upload's codes under its document ("documents.kk.file"), so the resident sees which one. */
function atDocument(failure: Failure, document: LocalDocument): Failure {
	if (failure.reason !== 'refused') return failure;
	const codes = Object.fromEntries(Object.entries(failure.codes).map(([path, code]) => [`documents.${document.kind}.${path}`, code]));
	return new Failure('refused', codes, failure.status);
}

/** markSent records that the office has the application, with the server's copy. */
export async function markSent(ctx: SyncContext, application: LocalApplication, record: RecordModel): Promise<void> {
	await ctx.db.applications.update(application.id, {
		state: 'sent',
		remote: toRemote(record),
		attempts: 0,
		nextAttemptAt: undefined,
		lastError: undefined,
		setAside: undefined,
		correction: undefined,
		refusal: undefined,
		withdrawRequestedAt: undefined,
		updated: ctx.now()
	});
}

/** isIdTaken tells a create that failed because a record with this id already exists. */
export function isIdTaken(error: unknown): boolean {
	const failure = classifyFailure(error);
	return failure.status === 400 && failure.codes.id === 'validation_not_unique';
}
