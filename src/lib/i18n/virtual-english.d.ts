// The English file the build makes of the app's English texts (scripts/lib/english.js).
declare module 'virtual:english' {
	/** The messages' English, by the number the build gave each message. */
	export const messages: ((inputs: unknown) => string)[];
	/** The catalog's English texts, by the number the build put in place of each. */
	export const catalog: string[];
	/** The file's own address (empty outside the client build). */
	export const url: string;
}
