/**
 * freePort asks the system for a free TCP port on the loopback interface.
 * @returns {Promise<number>}
 */
export async function freePort() {
	const { createServer } = await import('node:net');
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}
