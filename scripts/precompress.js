// npm run build runs this after vite build: Brotli and gzip twins of build/ (scripts/lib/precompress.js).
import { join } from 'node:path';
import { root } from './lib/server.js';
import { precompress } from './lib/precompress.js';

const totals = precompress(join(root, 'build'));
const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`precompressed ${totals.files} files: ${kb(totals.raw)} -> br ${kb(totals.br)}, gzip ${kb(totals.gzip)}`);
