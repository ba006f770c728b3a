// File type detection from the content (magic bytes), never from the name or the browser's MIME type.
// The signatures are the ones the server's detector (gabriel-vasile/mimetype, used by PocketBase to
// check the `documents.file` MIME types) accepts, so a file passing here passes there.
import type { SourceType } from './types';

/** How many leading bytes {@link sniffType} needs. */
export const SNIFF_BYTES = 16;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46]; // "RIFF"
const WEBP = [0x57, 0x45, 0x42, 0x50]; // "WEBP"
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
	if (bytes.length < offset + signature.length) return false;
	return signature.every((byte, i) => bytes[offset + i] === byte);
}

/**
 * sniffType tells the type of a file from its first bytes (at least {@link SNIFF_BYTES} of them):
 * JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A), WebP (RIFF, 4 size bytes, WEBP) or PDF (%PDF-,
 * also after a newline or a UTF-8 byte order mark); null for anything else.
 */
export function sniffType(head: Uint8Array): SourceType | null {
	if (startsWith(head, JPEG)) return 'image/jpeg';
	if (startsWith(head, PNG)) return 'image/png';
	if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return 'image/webp';
	if (startsWith(head, PDF)) return 'application/pdf';
	if (head[0] === 0x0a && startsWith(head, PDF, 1)) return 'application/pdf';
	if (startsWith(head, BOM) && startsWith(head, PDF, BOM.length)) return 'application/pdf';
	return null;
}

/** The ISO-BMFF brands of HEIC/HEIF photos (an iPhone's default camera format). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/**
 * isHeif tells a HEIC/HEIF photo by its first bytes ("ftyp" at offset 4, then a HEIF brand). The
 * office does not take it as it is: the app converts it to JPEG where the browser can decode it.
 */
export function isHeif(head: Uint8Array): boolean {
	if (head.length < 12 || String.fromCharCode(...head.slice(4, 8)) !== 'ftyp') return false;
	return HEIF_BRANDS.has(String.fromCharCode(...head.slice(8, 12)));
}
