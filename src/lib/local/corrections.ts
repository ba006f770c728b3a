import { db, type LocalApplication } from './db';
import { guardStorage } from './errors';

/**
 * The resident's ways forward with an application the phone has sent: correct it after the office
 * sent it back, fix it after the server refused it, or withdraw it. Each turns the phone's copy
 * back into something the journey pages edit, or puts it in the outbox; the sync engine does the
 * rest with the same guarantees as the first send.
 */

/** canCorrect tells whether the office sent the application back for a correction. */
export function canCorrect(application: LocalApplication): boolean {
	return application.state === 'sent' && application.remote?.status === 'needs_revision';
}

/** canFixRefused tells whether the server refused the application and it waits for the resident. */
export function canFixRefused(application: LocalApplication): boolean {
	return application.state === 'outbox' && !!application.setAside && !application.withdrawRequestedAt;
}

/** canWithdraw tells whether the resident may still withdraw it (the server: uploading or submitted). */
export function canWithdraw(application: LocalApplication): boolean {
	if (application.withdrawRequestedAt) return false;
	if (application.state === 'outbox') return !application.correction;
	return application.state === 'sent' && application.remote?.status === 'submitted';
}

/**
 * startCorrection opens an application sent back by the office for editing: the answers and the
 * documents as the office has them, with the revision they answer, so that the resubmission is
 * recognised when it arrives (revision + 1) and the check page shows what changed.
 */
export async function startCorrection(id: string): Promise<LocalApplication | undefined> {
	return guardStorage(() =>
		db.transaction('rw', db.applications, db.documents, async () => {
			const application = await db.applications.get(id);
			if (!application || !canCorrect(application)) return application;
			// in page order, so the check page can tell a reordered document
			const documents = (await db.documents.where('applicationId').equals(id).sortBy('created')).filter((d) => !d.superseded).map((d) => d.id);
			const uploaded = [...new Set([...(application.push?.uploaded ?? []), ...documents])];
			const changes: Partial<LocalApplication> = {
				state: 'draft',
				correction: {
					baseRevision: application.remote?.revision ?? 0,
					baseAnswers: structuredClone(application.answers),
					baseDocuments: documents,
					startedAt: Date.now()
				},
				push: { created: true, uploaded, superseded: application.push?.superseded ?? [] },
				attempts: 0,
				nextAttemptAt: undefined,
				lastError: undefined,
				setAside: undefined,
				updated: Date.now()
			};
			await db.applications.update(id, changes);
			return { ...application, ...changes };
		})
	);
}

/**
 * startFixingRefused opens a refused application for editing again, keeping the server's reasons
 * (shown at their fields until the answer changes) and how far its upload came.
 */
export async function startFixingRefused(id: string): Promise<LocalApplication | undefined> {
	return guardStorage(() =>
		db.transaction('rw', db.applications, async () => {
			const application = await db.applications.get(id);
			if (!application || !canFixRefused(application)) return application;
			const changes: Partial<LocalApplication> = {
				state: 'draft',
				refusal: { details: application.setAside!.details, answers: structuredClone(application.answers), at: application.setAside!.at },
				setAside: undefined,
				attempts: 0,
				nextAttemptAt: undefined,
				lastError: undefined,
				updated: Date.now()
			};
			await db.applications.update(id, changes);
			return { ...application, ...changes };
		})
	);
}

/** requestWithdrawal puts the resident's withdrawal of an application in the outbox. */
export async function requestWithdrawal(id: string): Promise<boolean> {
	return guardStorage(() =>
		db.transaction('rw', db.applications, async () => {
			const application = await db.applications.get(id);
			if (!application || !canWithdraw(application)) return false;
			const now = Date.now();
			await db.applications.update(id, {
				state: 'outbox',
				withdrawRequestedAt: now,
				queuedAt: application.queuedAt ?? now,
				setAside: undefined,
				attempts: 0,
				nextAttemptAt: undefined,
				lastError: undefined,
				updated: now
			});
			return true;
		})
	);
}

/**
 * keepApplication drops a withdrawal that the server refused (the office had started on it): the
 * application stays as the office has it, and the next sync brings its status.
 */
export async function keepApplication(id: string): Promise<void> {
	await guardStorage(() =>
		db.applications
			.where('id')
			.equals(id)
			.and((application) => application.state === 'outbox' && !!application.withdrawRequestedAt && !!application.setAside && !!application.remote)
			.modify({ state: 'sent', withdrawRequestedAt: undefined, setAside: undefined, attempts: 0, lastError: undefined, updated: Date.now() })
	);
}
