import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../src/lib/catalog/index';
import { SETTINGS } from '../../src/lib/catalog/settings';
import * as messages from '../../src/lib/paraglide/messages';
import { catalogEnglish, englishModule, englishTexts, KEEP, withoutEnglish } from './english.js';

// The build's English file (scripts/lib/english.js), checked against the app's sources: nothing
// English is left behind in the app's files, and what the English file says is what the source says.

const root = join(import.meta.dirname, '../..');
const texts = englishTexts(root);
const runtime = join(root, 'src/lib/i18n/english.ts');

/** Every `{ id, en }` text of a value, as the running catalog has it. */
function englishOf(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) value.forEach((item) => englishOf(item, out));
	else if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		if (typeof record.id === 'string' && typeof record.en === 'string' && Object.keys(record).length === 2) out.push(record.en);
		else Object.values(record).forEach((item) => englishOf(item, out));
	}
	return out;
}

/** A template literal's code as a pattern of the texts it makes (`Witness ${number}'s` → /^Witness .+'s$/). */
function templatePattern(code: string): RegExp {
	const parts = code.slice(1, -1).split(/\$\{[^}]*\}/);
	return new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
}

describe("the catalog's English", () => {
	it('is all in the English file, but for the texts made with a number', () => {
		const running = englishOf([SERVICES, SETTINGS]);
		expect(running.length).toBeGreaterThan(400);
		const patterns = texts.templates.map(templatePattern);
		expect(patterns.length).toBeGreaterThan(0);
		const missing = running.filter((text) => !texts.catalog.includes(text) && !patterns.some((pattern) => pattern.test(text)));
		expect(missing).toEqual([]);
	});

	it("leaves no English literal in the catalog's code, each one replaced by its own text's number", () => {
		const dir = join(root, 'src/lib/catalog');
		const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.filter((name) => name.endsWith('.ts') && !/\.(test|fixtures)\.ts$/.test(name))
			.map((name) => join(dir, name));
		let replaced = 0;
		for (const file of files) {
			const code = readFileSync(file, 'utf8');
			const literals = catalogEnglish(code, file).filter((found) => !found.template);
			const out = withoutEnglish(code, file, texts, runtime);
			if (literals.length === 0) {
				expect(out).toBeNull();
				continue;
			}
			const after = catalogEnglish(out!.code, file);
			expect(after.filter((found) => !found.template)).toEqual([]);
			// each literal's place now holds the number of that very text
			let shift = 0;
			for (const literal of literals) {
				const index = texts.catalog.indexOf(literal.text);
				const start = literal.start + shift;
				expect(out!.code.slice(start, start + String(index).length)).toBe(String(index));
				shift += String(index).length - (literal.end - literal.start);
				replaced++;
			}
		}
		expect(replaced).toBeGreaterThan(400);
	});

	it("stops the build where a catalog module reads a text's English", () => {
		const code = "const who = { id: 'suami', en: 'husband' };\nexport const label = { id: `Nama ${who.id}`, en: `${who.en}'s name` };\n";
		expect(() => catalogEnglish(code, 'src/lib/catalog/services/x.ts')).toThrow(/x\.ts:2: .*who\.en/);
	});
});

describe("the messages' English", () => {
	// any input a message names gives its own name back, so that two outputs compare inputs too
	const inputs = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? `<${key}>` : undefined) });
	const english = englishModule(texts);
	const table = new Function(`${english.replace(/^export const (\w+) =/gm, 'out.$1 =').replace('import.meta.url', "''")}; return out;`.replace(/^/, 'const out = {};\n'))() as {
		messages: ((inputs: unknown) => string)[];
	};

	it("gives every message's English as Paraglide compiled it, and keeps only the messages shown without English", () => {
		const all = messages as unknown as Record<string, (inputs: unknown, options: { locale: 'en' }) => string>;
		const keys = Object.keys(all).filter((key) => typeof all[key] === 'function');
		expect(keys.length).toBeGreaterThan(400);
		for (const key of keys) {
			// Paraglide names the functions of a message whose key is a reserved word with an underscore first
			const index = texts.messageIndex.get(key) ?? texts.messageIndex.get(`_${key}`);
			if (KEEP.has(key)) {
				expect(index).toBeUndefined();
				continue;
			}
			expect(index, key).toBeDefined();
			expect(table.messages[index!](inputs), key).toBe(all[key](inputs, { locale: 'en' }));
		}
	});

	it("takes each message's English out of its module and calls the English file instead", () => {
		const dir = join(root, 'src/lib/paraglide/messages');
		const key = 'home_signed_in_as';
		const file = join(dir, `${key}.js`);
		const out = withoutEnglish(readFileSync(file, 'utf8'), file, texts, runtime);
		expect(out!.code).not.toContain('`Signed in as');
		expect(out!.code).not.toContain('en_home_signed_in_as');
		expect(out!.code).toContain(`englishMessage(${texts.messageIndex.get(key)}, inputs)`);
		expect(out!.code).toContain('Masuk sebagai');
		const kept = join(dir, 'language_english_unavailable.js');
		expect(withoutEnglish(readFileSync(kept, 'utf8'), kept, texts, runtime)).toBeNull();
	});
});
