// A fresh self-signed certificate for the test server over https (127.0.0.1, ::1, localhost; ECDSA P-256,
// valid for a day), made by the server module's own generator (pocketbase/cmd/devcert, `go run`): never
// committed, never reused between runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverDir } from './server.js';

/**
 * @typedef {{ certFile: string, keyFile: string, spkiHash: string, certPEM: string }} DevCert spkiHash: the
 *   base64 SHA-256 of the public key, which Chromium's --ignore-certificate-errors-spki-list takes to trust
 *   this one certificate
 */

/**
 * makeDevCert writes cert.pem and key.pem into a new temporary directory.
 * @returns {DevCert}
 */
export function makeDevCert() {
	const dir = mkdtempSync(join(tmpdir(), 'dukcapil-cert-'));
	const out = execFileSync('go', ['run', './cmd/devcert', `-dir=${dir}`], { cwd: serverDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	const cert = JSON.parse(out);
	return { ...cert, certPEM: readFileSync(cert.certFile, 'utf8') };
}
