// The seeding helper is plain JavaScript so that the benchmarks can use it too.
export { seedOutbox } from '../support/outbox.js';
