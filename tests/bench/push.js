// Benchmark of the push sender (issue 6): 10,000 notifications fanned out as Web Push to a local push
// service. Fanning out is a server job, so the figure comes from a Go test in the server module
// (pocketbase/internal/push, TestFanOutBenchmark, run only with DUKCAPIL_PUSH_BENCH=1): 2,000 residents
// with 2 subscribed devices each and 5 pending notifications each, i.e. 20,000 pushes, each encrypted
// (RFC 8291) and VAPID-signed (RFC 8292) by the server's worker and sent over HTTPS to a push service in
// the same process that checks the signature and decrypts every 10th message. The test prints one line
// "BENCH key=value ..."; this module runs it and turns that line into rows.
import { execFile } from 'node:child_process';
import { serverDir } from '../../scripts/lib/server.js';

/** @typedef {{ figure: string, value: string, goal: string, ok: boolean | null }} Row */

const TIME_GOAL_S = 30;

/**
 * runGoBench runs the Go fan-out test and returns its exit error (or null) and its output.
 * @returns {Promise<{ error: Error | null, output: string }>}
 */
function runGoBench() {
	return new Promise((resolve) => {
		execFile(
			'go',
			['test', './internal/push', '-run', '^TestFanOutBenchmark$', '-count=1', '-v'],
			{ cwd: serverDir, env: { ...process.env, DUKCAPIL_PUSH_BENCH: '1' }, timeout: 10 * 60_000, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => resolve({ error, output: `${stdout}${stderr}` })
		);
	});
}

/**
 * parseBench reads the "BENCH key=value ..." line of the output.
 * @param {string} output
 * @returns {Record<string, number> | null}
 */
export function parseBench(output) {
	const line = output.split('\n').find((l) => l.startsWith('BENCH '));
	if (!line) return null;
	/** @type {Record<string, number>} */
	const values = {};
	for (const pair of line.slice('BENCH '.length).trim().split(/\s+/)) {
		const [key, value] = pair.split('=');
		values[key] = Number(value);
	}
	return values;
}

/**
 * pushFanOut runs the fan-out benchmark and returns its rows: the time against the goal, the
 * throughput, the peak heap, and whether every push was delivered exactly once.
 * @returns {Promise<Row[]>}
 */
export async function pushFanOut() {
	console.log('Push fan-out: go test ./internal/push -run TestFanOutBenchmark ...');
	const { error, output } = await runGoBench();
	const bench = parseBench(output);
	if (error || !bench) {
		console.error(output.split('\n').slice(-40).join('\n'));
		return [{ figure: 'push: fan-out benchmark (go test)', value: 'failed', goal: `< ${TIME_GOAL_S} s`, ok: false }];
	}

	const n = bench.push_notifications;
	const pushes = bench.push_pushes;
	const seconds = bench.push_seconds;
	return [
		{
			figure: `push: ${n.toLocaleString('en')} notifications x 2 devices (${pushes.toLocaleString('en')} pushes) to a local HTTPS push service`,
			value: `${seconds.toFixed(1)} s`,
			goal: `< ${TIME_GOAL_S} s`,
			ok: seconds < TIME_GOAL_S
		},
		{ figure: 'push: throughput', value: `${Math.round(pushes / seconds)} /s`, goal: '', ok: null },
		{
			figure: 'push: peak Go heap (sender, its database and the push service in one process)',
			value: `${bench.push_peak_heap_mb.toFixed(1)} MB`,
			goal: `at rest ${bench.push_base_heap_mb.toFixed(1)} MB`,
			ok: null
		},
		{
			figure: 'push: delivered exactly once (every 10th decrypted and checked)',
			value: `${bench.push_delivered} / ${pushes}`,
			goal: `${bench.push_verified} verified`,
			ok: bench.push_delivered === pushes
		}
	];
}
