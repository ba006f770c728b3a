import { m } from '$lib/i18n';

/**
 * refusalTexts explains a server refusal (field or document → code) in the resident's words,
 * one sentence per kind of problem.
 */
export function refusalTexts(details: Record<string, string>): string[] {
	const texts = new Set<string>();
	for (const [field, code] of Object.entries(details)) {
		if (code === 'sha256_mismatch') texts.add(m.refusal_sha256());
		else if (code === 'quota_open_applications') texts.add(m.refusal_quota_open_applications());
		else if (code === 'quota_documents') texts.add(m.refusal_quota_documents());
		else if (code === 'image_too_large') texts.add(m.refusal_image_too_large());
		else if (field === 'file' || code === 'file_type' || code.startsWith('validation_invalid_mime') || code === 'validation_file_size_limit') texts.add(m.refusal_file());
		else if (code === 'document_missing') texts.add(m.refusal_document_missing());
		else if (field.startsWith('data')) texts.add(m.refusal_answers());
		else texts.add(m.refusal_other());
	}
	if (texts.size === 0) texts.add(m.refusal_other());
	return [...texts];
}
