// npm run catalog:export — writes the service catalog as JSON for the Go server
// (pocketbase/internal/catalog/catalog.json) and the shared validation vectors
// (tests/fixtures/answers.json), made by scripts/catalog/files.ts and vectors.ts.
// Run it after every change to the catalog or its fixtures and commit both files:
// scripts/catalog/files.test.ts fails while they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportFiles } from './catalog/files';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

for (const [path, content] of Object.entries(exportFiles())) {
	const file = join(root, path);
	let before = '';
	try {
		before = readFileSync(file, 'utf8');
	} catch {
		// a new file
	}
	if (before === content) {
		console.log(`unchanged ${path}`);
		continue;
	}
	writeFileSync(file, content);
	console.log(`wrote ${path} (${content.length} bytes)`);
}
