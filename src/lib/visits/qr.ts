import { encode } from 'uqr';

/** A QR code as one SVG path: `size` modules square (with the quiet zone), dark modules in `path`. */
export interface QrDrawing {
	size: number;
	path: string;
}

/** ticketQrText is what a ticket's QR code holds: the appointment id and its ticket code. */
export function ticketQrText(id: string, code: string): string {
	return `DUKCAPIL-BPN:VISIT:${id}:${code}`;
}

/** qrDrawing encodes text (error correction M) and draws each dark module as a unit square. */
export function qrDrawing(text: string): QrDrawing {
	const { data, size } = encode(text, { ecc: 'M', border: 4 });
	let path = '';
	data.forEach((row, y) =>
		row.forEach((dark, x) => {
			if (dark) path += `M${x} ${y}h1v1h-1z`;
		})
	);
	return { size, path };
}
