// Benchmark of booking visits (issue 13): 1,000 residents ask for the same day at the same moment
// against 200 places (4 slots of 50). Booking is a server job, so the figure comes from a Go test in
// the server module (pocketbase/internal/visits, TestBookingBenchmark, run only with
// DUKCAPIL_VISITS_BENCH=1): the residents' requests go over HTTP to a test server with every hook,
// each booking in its own transaction. The test prints one line "BENCH key=value ..."; this module
// runs it and turns that line into rows. Run it alone with `node tests/bench/visits.js`.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serverDir } from '../../scripts/lib/server.js';
import { parseBench } from './push.js';

/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */

/**
 * runGoBench runs the Go booking test and returns its exit error (or null) and its output.
 * @returns {Promise<{ error: Error | null, output: string }>}
 */
function runGoBench() {
	return new Promise((resolve) => {
		execFile(
			'go',
			['test', './internal/visits', '-run', '^TestBookingBenchmark$', '-count=1', '-v'],
			{ cwd: serverDir, env: { ...process.env, DUKCAPIL_VISITS_BENCH: '1' }, timeout: 10 * 60_000, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => resolve({ error, output: `${stdout}${stderr}` })
		);
	});
}

/**
 * visitBookings runs the booking benchmark and returns its rows: exactly the places booked, none
 * over capacity, the throughput and the latencies.
 * @returns {Promise<Row[]>}
 */
export async function visitBookings() {
	console.log('Visits: go test ./internal/visits -run TestBookingBenchmark ...');
	const { error, output } = await runGoBench();
	const bench = parseBench(output);
	if (error || !bench) {
		console.error(output.split('\n').slice(-40).join('\n'));
		return [{ figure: 'visits: booking benchmark (go test)', value: 'failed', goal: 'exactly the places', ok: false }];
	}
	const residents = bench.visits_residents;
	const places = bench.visits_places;
	return [
		{
			figure: `visits: ${residents.toLocaleString('en')} residents ask for one day at once, ${places} places: booked`,
			value: `${bench.visits_booked} / ${places}`,
			goal: `exactly ${places}, ${residents - places} told no_capacity`,
			ok: bench.visits_booked === places && bench.visits_refused === residents - places && bench.visits_failed === 0
		},
		{ figure: 'visits: places booked over capacity', value: String(bench.visits_over), goal: '0', ok: bench.visits_over === 0 },
		{ figure: 'visits: bookings per second (places booked / time until the last of them)', value: `${bench.visits_bookings_per_second.toFixed(0)} /s`, goal: '', ok: null },
		{ figure: 'visits: requests answered per second', value: `${bench.visits_per_second.toFixed(0)} /s`, goal: '', ok: null },
		{ figure: 'visits: latency p50 / p95 (all arriving at once)', value: `${bench.visits_p50_ms.toFixed(0)} / ${bench.visits_p95_ms.toFixed(0)} ms`, goal: '', ok: null }
	];
}

// run alone: node tests/bench/visits.js
if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const rows = await visitBookings();
	for (const row of rows) console.log(`${row.figure}  ${row.value}  ${row.goal}${row.ok === null ? '' : row.ok ? '  ok' : '  OVER BUDGET'}`);
	if (rows.some((row) => row.ok === false)) process.exitCode = 1;
}
