// How the tests and the benchmarks start Debian's Chromium (Playwright's own download does not work
// on this machine): its path, and flags that keep it from doing anything the tests did not ask for.

/** Chromium's executable (CHROMIUM_PATH, or Debian's package). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No sandbox (CI runs as root), no GPU, no QUIC, and no background traffic of its own. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
