import type { OnlineService } from '$lib/catalog';
import { formAnswers, missingDocuments, validateAnswers } from '$lib/catalog/validate';
import { fieldId } from '$lib/forms/errors';
import { m } from '$lib/i18n';
import { localize } from '$lib/i18n/localize';
import { moveToOutbox } from '$lib/local/applications';
import type { LocalApplication } from '$lib/local/db';
import { storageFailure, type StorageFailure } from '$lib/local/errors';
import { processingMorningFor } from '$lib/office/days';
import { syncAfterSend } from '$lib/sync/request';
import { stepUrl } from './journey';

/** A problem that keeps an application from being sent, as a link of the error summary. */
export interface SendProblem {
	href: string;
	text: string;
}

/** DECLARATION_ANCHOR is the link to the declaration checkbox of the check-answers page. */
export const DECLARATION_ANCHOR = '#declaration';

/** documentAnchor is the link to a document's row of the check-answers page. */
export function documentAnchor(code: string): string {
	return `#${fieldId(`doc.${code}`)}`;
}

/**
 * problemsBeforeSending lists, in page order, what still keeps an application from being sent:
 * steps with invalid answers, required documents not attached, the declaration not ticked.
 */
export function problemsBeforeSending(service: OnlineService, application: LocalApplication, attachedKinds: string[], declared: boolean): SendProblem[] {
	const found: SendProblem[] = [];
	const stepErrors = validateAnswers(service, application.answers);
	for (const step of service.steps) {
		if (stepErrors[step.id]) found.push({ href: stepUrl(application.id, step.id, 'periksa'), text: m.check_step_errors({ step: localize(step.title) }) });
	}
	for (const requirement of missingDocuments(service, application.answers, attachedKinds)) {
		found.push({ href: documentAnchor(requirement.code), text: m.document_missing({ name: localize(requirement.name) }) });
	}
	if (!declared) found.push({ href: DECLARATION_ANCHOR, text: m.check_declaration_required() });
	return found;
}

/**
 * sendApplication puts a checked application in the outbox with the morning it will be processed
 * and starts a sync. Only the answers the service's form has go (a key an older catalog asked would
 * be refused as `unknown_key`). It answers null, or why the phone could not keep it.
 */
export async function sendApplication(service: OnlineService, id: string, now = new Date()): Promise<StorageFailure | null> {
	try {
		await moveToOutbox(id, await processingMorningFor(now), (answers) => formAnswers(service, answers));
	} catch (error) {
		return storageFailure(error);
	}
	syncAfterSend();
	return null;
}
