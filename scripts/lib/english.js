// One language on the wire (issue 14): the app's texts come in Indonesian and English, and nearly
// every resident uses Indonesian, so a first visit should not carry the English half of every
// message and catalog text. The build takes the English texts out of the app's files into one file
// of their own (`english`), which the app loads only on a phone set to English (lib/i18n/english.ts,
// before its first screen) and keeps for offline use; the service worker keeps it up to date on such
// a phone (src/service-worker).
//
// - Messages (Paraglide's one module per message, src/lib/paraglide/messages): each module's
//   `const en_<key> = …` goes to the English file, and its call becomes `englishMessage(<n>, inputs)`.
//   A few messages keep their English in place (KEEP): those shown before English is loaded.
// - The catalog (src/lib/catalog, its texts as `{ id: '…', en: '…' }`): each English literal becomes
//   its number in the English file's list, which lib/i18n/localize.ts looks up. A catalog module may
//   not read a text's `.en` itself (it would read the number): the build stops with the place.
//
// Only the client build is changed; the unit tests, the dev server and the catalog's export for the
// Go server (scripts/export-catalog.ts) see the source as written.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import MagicString from 'magic-string';

/** The English file's module, as the app imports it (lib/i18n/english.ts). */
export const ENGLISH_MODULE = 'virtual:english';
const RESOLVED = `\0${ENGLISH_MODULE}`;
/** The English file's name in the build: the service worker finds it in its manifest by it. */
export const ENGLISH_CHUNK = 'english';

/** Messages whose English stays in the app's files: shown on a phone that has no English yet. */
export const KEEP = new Set(['language_english_unavailable']);

const CATALOG = /[\\/]src[\\/]lib[\\/]catalog[\\/].*\.ts$/;
const NOT_CATALOG = /\.(test|fixtures)\.ts$/;
const MESSAGES_DIR = 'src/lib/paraglide/messages';
const MESSAGE = /[\\/]src[\\/]lib[\\/]paraglide[\\/]messages[\\/]([^\\/]+)\.js$/;

/**
 * catalogEnglish finds the English literals of a catalog module's texts (objects of exactly `id`
 * and `en`): their places in code, and their text. A literal with expressions (`Witness ${n}`) stays
 * where it is (`template`, with its code as the text). It throws where the module reads a text's `.en`.
 * @param {string} code
 * @param {string} fileName
 * @returns {{ start: number, end: number, text: string, template?: true }[]}
 */
export function catalogEnglish(code, fileName) {
	const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	/** @type {{ start: number, end: number, text: string, template?: true }[]} */
	const found = [];
	/** @param {ts.Node} node */
	const visit = (node) => {
		if (ts.isPropertyAccessExpression(node) && node.name.text === 'en') {
			const { line } = source.getLineAndCharacterOfPosition(node.getStart());
			throw new Error(`${fileName}:${line + 1}: a catalog module reads a text's English (${node.getText()}); write the text out instead (scripts/lib/english.js)`);
		}
		if (ts.isObjectLiteralExpression(node) && node.properties.length === 2) {
			const names = node.properties.map((property) => (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : ''));
			const en = node.properties[names.indexOf('en')];
			if (names.includes('id') && en && ts.isPropertyAssignment(en)) {
				if (ts.isStringLiteral(en.initializer) || ts.isNoSubstitutionTemplateLiteral(en.initializer)) {
					found.push({ start: en.initializer.getStart(), end: en.initializer.getEnd(), text: en.initializer.text });
				} else if (ts.isTemplateExpression(en.initializer)) {
					found.push({ start: en.initializer.getStart(), end: en.initializer.getEnd(), text: en.initializer.getText(), template: true });
				}
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

/**
 * messageEnglish finds a Paraglide message module's English: its `const en_<key> = …` statement,
 * the function itself, and its calls.
 * @param {string} code
 * @param {string} fileName
 * @returns {{ key: string, statement: { start: number, end: number }, fn: string, calls: { start: number, end: number, args: string }[] } | null}
 */
export function messageEnglish(code, fileName) {
	const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
	/** @type {ReturnType<typeof messageEnglish>} */
	let found = null;
	/** @type {ts.CallExpression[]} */
	const calls = [];
	/** @param {ts.Node} node */
	const visit = (node) => {
		if (ts.isVariableStatement(node)) {
			const [declaration] = node.declarationList.declarations;
			if (declaration && ts.isIdentifier(declaration.name) && declaration.name.text.startsWith('en_') && declaration.initializer) {
				found = { key: declaration.name.text.slice(3), statement: { start: node.getStart(), end: node.getEnd() }, fn: declaration.initializer.getText(), calls: [] };
			}
		}
		if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text.startsWith('en_')) calls.push(node);
		ts.forEachChild(node, visit);
	};
	visit(source);
	const message = /** @type {NonNullable<ReturnType<typeof messageEnglish>>} */ (/** @type {unknown} */ (found));
	if (!message) return null;
	message.calls = calls
		.filter((call) => call.expression.getText() === `en_${message.key}`)
		.map((call) => ({ start: call.getStart(), end: call.getEnd(), args: call.arguments.map((arg) => arg.getText()).join(', ') }));
	return message;
}

/**
 * englishTexts reads the English of the whole app from its sources: the catalog's literals (each
 * text once) and the messages' functions (by key), each numbered as the English file lists them.
 * @param {string} root
 */
export function englishTexts(root) {
	/** @type {string[]} */
	const files = [];
	/** @param {string} dir */
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (CATALOG.test(path) && !NOT_CATALOG.test(path)) files.push(path);
		}
	};
	walk(resolve(root, 'src/lib/catalog'));
	const literals = files.sort().flatMap((file) => catalogEnglish(readFileSync(file, 'utf8'), file));
	const catalog = [...new Set(literals.filter((found) => !found.template).map((found) => found.text))].sort();
	/** @type {Map<string, string>} key -> the English function's code */
	const messages = new Map();
	const dir = join(root, MESSAGES_DIR);
	for (const name of readdirSync(dir).sort()) {
		const match = name.match(/^(.+)\.js$/);
		if (!match || name === '_index.js' || KEEP.has(match[1])) continue;
		const found = messageEnglish(readFileSync(join(dir, name), 'utf8'), name);
		if (found) messages.set(found.key, found.fn);
	}
	return {
		catalog,
		/** the texts built with expressions, left in the catalog's code */
		templates: literals.filter((found) => found.template).map((found) => found.text),
		catalogIndex: new Map(catalog.map((text, index) => [text, index])),
		messages: [...messages.values()],
		messageIndex: new Map([...messages.keys()].map((key, index) => [key, index]))
	};
}

/**
 * englishModule is the English file's code: the messages' functions and the catalog's texts, in
 * their numbers' order, and the file's own address (the app keeps it for offline use).
 * @param {ReturnType<typeof englishTexts>} texts
 */
export function englishModule(texts) {
	return [
		`export const messages = [\n${texts.messages.join(',\n')}\n];`,
		`export const catalog = ${JSON.stringify(texts.catalog)};`,
		'export const url = import.meta.url;'
	].join('\n');
}

/**
 * withoutEnglish returns a module's code with its English taken out (null: nothing to take out).
 * @param {string} code
 * @param {string} id
 * @param {ReturnType<typeof englishTexts>} texts
 * @param {string} runtime the module that gives englishMessage (lib/i18n/english.ts)
 */
export function withoutEnglish(code, id, texts, runtime) {
	const message = id.match(MESSAGE);
	if (message) {
		const found = messageEnglish(code, id);
		if (!found || KEEP.has(found.key)) return null;
		const index = texts.messageIndex.get(found.key);
		if (index === undefined) throw new Error(`${id}: message ${found.key} is not in the English file (scripts/lib/english.js)`);
		const out = new MagicString(code);
		out.remove(found.statement.start, found.statement.end);
		for (const call of found.calls) out.overwrite(call.start, call.end, `englishMessage(${index}, ${call.args || 'undefined'})`);
		out.prepend(`import { englishMessage } from ${JSON.stringify(runtime)};\n`);
		return { code: out.toString(), map: out.generateMap({ hires: true }) };
	}
	if (CATALOG.test(id) && !NOT_CATALOG.test(id)) {
		const found = catalogEnglish(code, id).filter((literal) => !literal.template);
		if (found.length === 0) return null;
		const out = new MagicString(code);
		for (const literal of found) {
			const index = texts.catalogIndex.get(literal.text);
			if (index === undefined) throw new Error(`${id}: "${literal.text}" is not in the English file (scripts/lib/english.js)`);
			out.overwrite(literal.start, literal.end, String(index));
		}
		return { code: out.toString(), map: out.generateMap({ hires: true }) };
	}
	return null;
}

/**
 * englishFile is the build's part of it: the English file as a module (in every build, so that the
 * app's import of it resolves; it is empty outside the client build), and the app's modules
 * without their English (client build only).
 * @param {string} root
 * @returns {import('vite').Plugin}
 */
export function englishFile(root) {
	let build = false;
	/** @type {ReturnType<typeof englishTexts> | null} */
	let texts = null;
	const runtime = resolve(root, 'src/lib/i18n/english.ts');
	// read once the messages are compiled (Paraglide's plugin compiles them when the build starts)
	const english = () => (texts ??= englishTexts(root));
	return {
		name: 'dukcapil:english',
		enforce: 'pre',
		configResolved(config) {
			build = config.command === 'build' && !config.build.ssr;
		},
		buildStart() {
			texts = null;
		},
		resolveId(source) {
			return source === ENGLISH_MODULE ? RESOLVED : null;
		},
		load(id) {
			if (id !== RESOLVED) return null;
			return build ? englishModule(english()) : 'export const messages = []; export const catalog = []; export const url = "";';
		},
		transform(code, id) {
			if (!build || id.startsWith('\0')) return null;
			return withoutEnglish(code, id.replace(/\?.*$/, ''), english(), runtime);
		}
	};
}
