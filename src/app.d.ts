// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		interface PageState {
			/** Set by a completed sign-out, for the home page's confirmation. */
			signedOut?: { revokePending: boolean };
		}
		// interface Platform {}
	}
}

export {};
