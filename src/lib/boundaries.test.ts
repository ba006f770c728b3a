import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own eslint config keeps IndexedDB out of the pages: a page that imports Dexie or
// the database fails `npm run lint`. These samples are linted as if they were route files.

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages.filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports').map((message) => message.message);
}

const page = (imports: string) => `<script lang="ts">\n\t${imports}\n\tconsole.log(used);\n</script>\n`;

describe('route boundaries (eslint)', () => {
	it('fails a page that imports Dexie or the database', async () => {
		expect(await restrictedImports(page(`import { liveQuery as used } from 'dexie';`), 'src/routes/sample/+page.svelte')).toHaveLength(1);
		expect(await restrictedImports(page(`import { db as used } from '$lib/local/db';`), 'src/routes/sample/+page.svelte')).toHaveLength(1);
		expect(await restrictedImports(`import { db as used } from '../../lib/local/db';\nconsole.log(used);\n`, 'src/routes/sample/+page.ts')).toHaveLength(1);
	});

	it('lets a page use the live stores, and name the types', async () => {
		const code = page(`import type { LocalApplication } from '$lib/local/db';\n\timport { liveApplications as used } from '$lib/local/live';\n\tlet a: LocalApplication | undefined = undefined;\n\tconsole.log(a);`);
		expect(await restrictedImports(code, 'src/routes/sample/+page.svelte')).toEqual([]);
	});

	it('leaves src/lib free to use Dexie', async () => {
		expect(await restrictedImports(`import { liveQuery } from 'dexie';\nconsole.log(liveQuery);\n`, 'src/lib/local/sample.ts')).toEqual([]);
	});
});
