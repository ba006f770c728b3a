// npm run build:server — build the PocketBase binary (pocketbase/pocketbase) from its Go module.
import { ensureServerBuilt } from './lib/server.js';

ensureServerBuilt({ force: process.argv.includes('--force') });
