import type { Answers } from '$lib/catalog';
import { db, type LocalApplication } from './db';
import { guardStorage } from './errors';
import { newRecordId } from './ids';

/** createDraft starts an application of a service for a resident and returns it. */
export async function createDraft(service: string, owner: string, answers: Answers, step: string): Promise<LocalApplication> {
	const now = Date.now();
	const draft: LocalApplication = { id: newRecordId(), service, state: 'draft', answers, step, owner, created: now, updated: now };
	await guardStorage(() => db.applications.add(draft));
	return draft;
}

/**
 * getApplication reads one application kept on the phone, only if it belongs to `owner`: on a
 * shared phone another resident's application is "not found", never shown.
 */
export async function getApplication(id: string, owner: string): Promise<LocalApplication | undefined> {
	const application = await db.applications.get(id);
	return application && owner && application.owner === owner ? application : undefined;
}

/**
 * saveAnswers stores the answers as they are typed, and the step the resident is on. Only a draft
 * changes: an application already in the outbox is never rewritten by a stale page.
 */
export async function saveAnswers(id: string, answers: Answers, step: string): Promise<void> {
	await guardStorage(() =>
		db.applications
			.where('id')
			.equals(id)
			.and((application) => application.state === 'draft')
			.modify({ answers: structuredClone(answers), step, updated: Date.now() })
	);
}

/** markStep remembers the step a draft is on, so it is resumed there. */
export async function markStep(id: string, step: string): Promise<void> {
	await db.applications
		.where('id')
		.equals(id)
		.and((application) => application.state === 'draft')
		.modify({ step });
}

/** listApplications lists a resident's applications on this phone, newest first. */
export function listApplications(owner: string): Promise<LocalApplication[]> {
	return db.applications.where('owner').equals(owner).reverse().sortBy('updated');
}

/** deleteDraft removes a draft and its documents; applications in the outbox are never deleted here. */
export async function deleteDraft(id: string): Promise<void> {
	await db.transaction('rw', db.applications, db.documents, async () => {
		const application = await db.applications.get(id);
		if (!application || application.state !== 'draft') return;
		await db.documents.where('applicationId').equals(id).delete();
		await db.applications.delete(id);
	});
}

/**
 * moveToOutbox marks a finished draft as waiting to be sent, with the morning it will be processed;
 * `tidy` gives the answers as they are to be sent (the catalog's form answers, see journey/send.ts).
 */
export async function moveToOutbox(id: string, processing: { processDate: string; intakeAt: Date }, tidy: (answers: Answers) => Answers = (answers) => answers): Promise<void> {
	await guardStorage(() =>
		db.applications
			.where('id')
			.equals(id)
			.and((application) => application.state === 'draft')
			.modify((application) => {
				Object.assign(application, {
					state: 'outbox',
					answers: tidy(application.answers),
					queuedAt: Date.now(),
					processDate: processing.processDate,
					intakeAt: processing.intakeAt.getTime(),
					updated: Date.now()
				});
			})
	);
}
