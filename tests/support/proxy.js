// A TCP proxy in front of the test server that counts the bytes the phone sends (what its uplink
// carries) and receives and can cut every open connection, as a phone losing its signal does. Shared by the
// end-to-end tests and the benchmarks.
import { createServer, connect } from 'node:net';

/**
 * countingProxy forwards TCP on a free loopback port to targetPort. With `https` the target speaks TLS,
 * which passes through untouched (what is counted is then TLS bytes, handshakes included).
 * @param {number} targetPort
 * @param {{ https?: boolean }} [options]
 */
export async function countingProxy(targetPort, { https = false } = {}) {
	const state = { up: 0, down: 0, connections: 0 };
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();
	const server = createServer((client) => {
		const upstream = connect(targetPort, '127.0.0.1');
		sockets.add(client);
		state.connections++;
		client.on('data', (chunk) => (state.up += chunk.length));
		upstream.on('data', (chunk) => (state.down += chunk.length));
		client.pipe(upstream).pipe(client);
		const close = () => {
			sockets.delete(client);
			client.destroy();
			upstream.destroy();
		};
		client.on('error', close).on('close', close);
		upstream.on('error', close).on('close', close);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		origin: `${https ? 'https' : 'http'}://127.0.0.1:${port}`,
		state,
		/** cut drops every open connection. */
		cut: () => {
			for (const socket of sockets) socket.destroy();
		},
		/** @returns {Promise<void>} */
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}
