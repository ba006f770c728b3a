import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlineService } from '../../src/lib/catalog/index';
import { ANSWERS_JSON_PATH, exportFiles } from './files';
import { documentCodes, flatErrors, vectorAnswers, type AnswerVectors } from './vectors';

// The exported catalog (embedded in the Go server) and the shared validation vectors are generated
// from this catalog; they must never go stale. The Go test (pocketbase/internal/catalog) runs the
// same vectors through the server's validator.

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => {
	try {
		return readFileSync(join(root, path), 'utf8');
	} catch {
		return '';
	}
};

describe('the catalog export', () => {
	const files = exportFiles();

	for (const [path, content] of Object.entries(files)) {
		it(`${path} is up to date`, () => {
			expect(read(path) === content, `${path} differs from the catalog: run npm run catalog:export`).toBe(true);
		});
	}
});

describe('the shared answer vectors', () => {
	const vectors = JSON.parse(read(ANSWERS_JSON_PATH) || '{"services":[]}') as AnswerVectors;

	it('cover every online service', () => {
		expect(vectors.services.length).toBeGreaterThan(0);
		for (const entry of vectors.services) expect(onlineService(entry.service), entry.service).toBeDefined();
	});

	describe.each(vectors.services.map((entry) => [entry.service, entry] as const))('%s', (code, entry) => {
		const service = onlineService(code)!;

		it('accepts its valid answers', () => {
			for (const [name, answers] of Object.entries(entry.valid)) expect(flatErrors(service, vectorAnswers(answers, {}, [])), name).toEqual({});
		});

		it('gives the expected errors and documents for every case', () => {
			for (const item of entry.cases) {
				const answers = vectorAnswers(entry.valid[item.base], item.change, item.remove);
				expect(flatErrors(service, answers, item.settings), item.name).toEqual(item.errors);
				expect(documentCodes(service, answers, item.settings), item.name).toEqual(item.documents);
			}
		});
	});
});
