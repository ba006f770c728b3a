// Benchmark of realtime delivery (issue 12): 2,000 residents with the app open (2,000 realtime
// connections over HTTP to the real server router, each following its own resident topic); staff
// make 100 changes that each notify one resident, while another resident's app calls the API. The
// figures come from a Go test in the server module (pocketbase/internal/live, TestRealtimeBenchmark,
// run only with DUKCAPIL_LIVE_BENCH=1), which prints one "BENCH key=value ..." line.
// Runnable alone: node tests/bench/live.js
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serverDir } from '../../scripts/lib/server.js';
import { parseBench } from './push.js';

/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */

const P95_GOAL_MS = 2000;
const API_MEDIAN_GOAL_MS = 20;

/** @returns {Promise<{ error: Error | null, output: string }>} */
function runGoBench() {
	return new Promise((resolve) => {
		execFile(
			'go',
			['test', './internal/live', '-run', '^TestRealtimeBenchmark$', '-count=1', '-v'],
			{ cwd: serverDir, env: { ...process.env, DUKCAPIL_LIVE_BENCH: '1' }, timeout: 10 * 60_000, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => resolve({ error, output: `${stdout}${stderr}` })
		);
	});
}

/**
 * realtimeDelivery runs the benchmark and returns its rows.
 * @returns {Promise<Row[]>}
 */
export async function realtimeDelivery() {
	console.log('Realtime delivery: go test ./internal/live -run TestRealtimeBenchmark ...');
	const { error, output } = await runGoBench();
	const bench = parseBench(output);
	if (error || !bench) {
		console.error(output.split('\n').slice(-40).join('\n'));
		return [{ figure: 'realtime: delivery benchmark (go test)', value: 'failed', goal: `p95 < ${P95_GOAL_MS} ms`, ok: false }];
	}
	const n = bench.live_connections.toLocaleString('en');
	return [
		{
			figure: `realtime: ${bench.live_notifications} staff changes, delivery p95 with ${n} residents connected`,
			value: `${bench.live_p95_ms.toFixed(1)} ms`,
			goal: `< ${P95_GOAL_MS} ms`,
			ok: bench.live_p95_ms < P95_GOAL_MS
		},
		{ figure: 'realtime: slowest delivery', value: `${bench.live_max_ms.toFixed(1)} ms`, goal: '', ok: null },
		{
			figure: `realtime: API median meanwhile (${bench.live_api_requests} requests)`,
			value: `${bench.live_api_median_ms.toFixed(2)} ms`,
			goal: `< ${API_MEDIAN_GOAL_MS} ms`,
			ok: bench.live_api_median_ms < API_MEDIAN_GOAL_MS
		},
		{ figure: 'realtime: API p95 meanwhile', value: `${bench.live_api_p95_ms.toFixed(2)} ms`, goal: '', ok: null },
		{
			figure: 'realtime: changes delivered to their resident',
			value: `${bench.live_delivered} / ${bench.live_notifications}`,
			goal: 'all',
			ok: bench.live_delivered === bench.live_notifications
		}
	];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	for (const row of await realtimeDelivery()) console.log(`${row.figure}: ${row.value} ${row.goal}${row.ok === false ? ' OVER BUDGET' : ''}`);
}
