import type { OnlineService } from '$lib/catalog';
import { errorText } from '$lib/forms/errors';
import { m } from '$lib/i18n';
import { localize } from '$lib/i18n/localize';
import { labelOfPath } from '$lib/journey/labels';

/** A refused answer: its path in the answers ("mother.nik"), the step it is asked on, the message. */
export interface FieldRefusal {
	path: string;
	step: string;
	code: string;
	message: string;
}

/** A refused document: its kind (the requirement's code) and the message. */
export interface DocumentRefusal {
	kind: string;
	code: string;
	message: string;
}

/** A server refusal explained where the resident can act on it. */
export interface RefusalMessages {
	fields: FieldRefusal[];
	documents: DocumentRefusal[];
	/** What belongs to no field or document (or to one this phone does not know). */
	general: string[];
}

function isFileCode(code: string): boolean {
	return code === 'file_type' || code.startsWith('validation_invalid_mime') || code === 'validation_file_size_limit';
}

function documentMessage(service: OnlineService, kind: string, code: string): string {
	const requirement = service.documents.find((document) => document.code === kind);
	const name = requirement ? localize(requirement.name) : kind;
	if (code === 'document_missing') return m.document_missing({ name });
	if (code === 'sha256_mismatch') return m.refusal_sha256();
	if (code === 'document_page') return m.refusal_document_page();
	if (code === 'image_too_large') return m.refusal_image_too_large();
	if (code === 'quota_documents') return m.refusal_quota_documents();
	if (isFileCode(code)) return m.refusal_file();
	return m.refusal_other();
}

/** quotaMessage explains a refusal by a per-resident cap, or undefined. */
function quotaMessage(code: string): string | undefined {
	if (code === 'quota_open_applications') return m.refusal_quota_open_applications();
	if (code === 'quota_documents') return m.refusal_quota_documents();
	if (code === 'image_too_large') return m.refusal_image_too_large();
	return undefined;
}

/**
 * refusalMessages explains a server refusal (path → code, as the sync engine kept it) at the
 * fields and documents it is about: "data.mother.nik" → the NIK part of the mother's field, with
 * the same message the form shows; "documents.kk" or "documents.kk.file" → the family card. An
 * `unknown_key` beside the fields ("data.pertanyaan_lama") names the key and asks for a reload.
 */
export function refusalMessages(service: OnlineService, codes: Record<string, string>): RefusalMessages {
	const out: RefusalMessages = { fields: [], documents: [], general: [] };
	const general = new Set<string>();
	for (const [key, code] of Object.entries(codes)) {
		const [head, ...rest] = key.split('.');
		if (head === 'data' && rest.length > 0) {
			const step = service.steps.find((candidate) => candidate.fields.some((field) => field.name === rest[0]));
			if (step) {
				const path = rest.join('.');
				out.fields.push({ path, step: step.id, code, message: errorText(code, labelOfPath(step, path)) });
				continue;
			}
			// a key beside the fields that the office's form does not have: this phone's form is older
			// (the server never looks inside such a key, so the whole rest is its name)
			general.add(code === 'unknown_key' ? m.refusal_unknown_key({ key: rest.join('.') }) : m.refusal_answers());
		} else if (head === 'documents' && rest.length > 0) {
			out.documents.push({ kind: rest[0], code, message: documentMessage(service, rest[0], code) });
		} else if (quotaMessage(code)) {
			general.add(quotaMessage(code) as string);
		} else if (code === 'sha256_mismatch') {
			general.add(m.refusal_sha256());
		} else if (code === 'document_page') {
			general.add(m.refusal_document_page());
		} else if (head === 'file' || isFileCode(code)) {
			general.add(m.refusal_file());
		} else if (code === 'document_missing') {
			general.add(m.refusal_document_missing());
		} else {
			general.add(m.refusal_other());
		}
	}
	if (out.fields.length + out.documents.length + general.size === 0) general.add(m.refusal_other());
	out.general = [...general];
	return out;
}
