import { ANSWER_CODES } from '../../src/lib/catalog/codes';
import { KECAMATAN } from '../../src/lib/catalog/districts';
import { SERVICES } from '../../src/lib/catalog/index';
import { SETTINGS } from '../../src/lib/catalog/settings';
import { answerVectors, GENERATED } from './vectors';

/**
 * The files of the catalog export: the catalog as JSON for the Go server (embedded in its binary,
 * with the closed list of answer codes and the office's settings) and the shared validation
 * vectors (vectors.ts), as stable JSON. `npm run catalog:export` (scripts/export-catalog.ts)
 * writes them; files.test.ts fails when the committed files differ from what this module makes.
 */

/** Where the files are written, relative to the repository root. */
export const CATALOG_JSON_PATH = 'pocketbase/internal/catalog/catalog.json';
export const ANSWERS_JSON_PATH = 'tests/fixtures/answers.json';

/** The catalog as plain data: online services whole, in-person ones by code and mode only. */
export function catalogData(): unknown {
	return {
		$comment: GENERATED,
		answerCodes: ANSWER_CODES,
		kecamatan: KECAMATAN,
		settings: SETTINGS,
		services: SERVICES.map((service) => (service.mode === 'online' ? service : { code: service.code, mode: service.mode }))
	};
}

/** Characters that are escaped in the files so that they stay visible in an editor and a diff. */
const INVISIBLE = /[\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;

/** stableJson formats a value as pretty JSON with the keys of every object sorted, ending in a newline. */
export function stableJson(value: unknown): string {
	const sorted = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(sorted);
		if (node && typeof node === 'object') {
			return Object.fromEntries(
				Object.keys(node)
					.sort()
					.map((key) => [key, sorted((node as Record<string, unknown>)[key])])
			);
		}
		return node;
	};
	const text = JSON.stringify(sorted(value), null, '\t');
	return `${text.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** exportFiles returns the content of every exported file by its path from the repository root. */
export function exportFiles(): Record<string, string> {
	return {
		[CATALOG_JSON_PATH]: stableJson(catalogData()),
		[ANSWERS_JSON_PATH]: stableJson(answerVectors())
	};
}
