import { error } from '@sveltejs/kit';
import { onlineService, type OnlineService, type Answers } from '$lib/catalog';
import { blankAnswers } from '$lib/catalog/validate';
import { createDraft, getApplication } from '$lib/local/applications';
import type { LocalApplication } from '$lib/local/db';
import { requestPersistence } from '$lib/local/storage';
import { currentUser } from '$lib/pb/client';
import type { UserRecord } from '$lib/pb/types';
import { routes } from '$lib/routes';

/** The application journey: from a service's start page through its steps to sending. */

/** startApplication makes a new draft of a service, prefilled from the resident's profile. */
export async function startApplication(service: OnlineService, user: UserRecord): Promise<LocalApplication> {
	const answers: Answers = blankAnswers(service);
	if (service.applicant) {
		const person = answers[service.applicant] as Record<string, string> | undefined;
		if (person) answers[service.applicant] = { ...person, nik: user.nik, name: user.name };
	}
	// The first draft is the moment the app's data starts to matter: ask the browser to keep it.
	void requestPersistence();
	return createDraft(service.code, user.id, answers, service.steps[0].id);
}

export interface LoadedApplication {
	application: LocalApplication;
	service: OnlineService;
}

/**
 * loadApplication reads an application of the signed-in resident from the phone for a page, or
 * answers 404: one that is not there, or that belongs to someone else (a shared phone), or any at
 * all when nobody is signed in. Every page of an application (answers, documents, check, results)
 * loads through here.
 */
export async function loadApplication(id: string): Promise<LoadedApplication> {
	const application = await getApplication(id, currentUser()?.id ?? '');
	const service = application ? onlineService(application.service) : undefined;
	if (!application || !service) error(404, 'draft_not_found');
	return { application, service };
}

/** stepUrl is the page of a step; `returnTo` brings the resident back to the check page after it. */
export function stepUrl(id: string, step: string, returnTo?: 'periksa'): string {
	return routes.applicationStep(id, step) + (returnTo ? `?kembali=${returnTo}` : '');
}

/** nextUrl is where "continue" leads from a step. */
export function nextUrl(application: LocalApplication, service: OnlineService, stepId: string, returnTo: string | null): string {
	if (returnTo === 'periksa') return routes.applicationCheck(application.id);
	const index = service.steps.findIndex((step) => step.id === stepId);
	const next = service.steps[index + 1];
	return next ? routes.applicationStep(application.id, next.id) : routes.applicationDocuments(application.id);
}

/** previousUrl is where "back" leads from a step. */
export function previousUrl(application: LocalApplication, service: OnlineService, stepId: string): string {
	const index = service.steps.findIndex((step) => step.id === stepId);
	return index > 0 ? routes.applicationStep(application.id, service.steps[index - 1].id) : routes.service(service.code);
}

/**
 * refusedFieldErrors gives the server's reasons for refusing an application that concern the
 * answers, as field path → code ("birth_date" → "date_future"), for the paths whose answer is
 * still the one refused: a reason goes away at its field as soon as the resident changes it.
 */
export function refusedFieldErrors(application: LocalApplication, answers: Answers = application.answers): Record<string, string> {
	const refusal = application.refusal;
	if (!refusal) return {};
	const out: Record<string, string> = {};
	for (const [key, code] of Object.entries(refusal.details)) {
		if (!key.startsWith('data.')) continue;
		const path = key.slice('data.'.length);
		if (JSON.stringify(valueAt(answers, path)) === JSON.stringify(valueAt(refusal.answers, path))) out[path] = code;
	}
	return out;
}

/** refusedDocuments lists the requirement codes the server named in a refusal (documents.<code>). */
export function refusedDocuments(application: LocalApplication): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, code] of Object.entries(application.refusal?.details ?? application.setAside?.details ?? {})) {
		if (key.startsWith('documents.')) out[key.slice('documents.'.length)] = code;
	}
	return out;
}

function valueAt(answers: Answers, path: string): unknown {
	let node: unknown = answers;
	for (const key of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
	return node;
}

/** firstRefusedStep is where fixing a refused application starts: the step of the first answer the server named, else the check page. */
export function firstRefusedStep(service: OnlineService, application: LocalApplication): string {
	const paths = Object.keys(refusedFieldErrors(application));
	for (const step of service.steps) {
		if (paths.some((path) => step.fields.some((field) => field.name === path.split('.')[0]))) return routes.applicationStep(application.id, step.id);
	}
	if (Object.keys(refusedDocuments(application)).length > 0) return routes.applicationDocuments(application.id);
	return routes.applicationCheck(application.id);
}
