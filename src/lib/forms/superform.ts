import * as v from 'valibot';
import type { SuperValidated } from 'sveltekit-superforms';
import type { ClientValidationAdapter } from 'sveltekit-superforms/adapters';

/**
 * What the app's forms give superforms (SPA mode), without its JSON-schema half (issue 14). Its
 * `valibot()` adapter turns every schema into a JSON schema (@valibot/to-json-schema) only to derive
 * defaults, constraints and the shape, and its adapters index keeps every other library's converter
 * in the bundle (`sveltekit-superforms/adapters` is that index; the package exports no module per
 * adapter). The app needs none of it on the phone: each form's first data is given explicitly (the
 * catalog's blank answers, lib/catalog/form-data.ts; the account forms' blanks,
 * lib/accounts/schemas.ts), no form spreads `$constraints`, and valibot checks the answers on
 * submit as before.
 */

/** Where a form's data has objects and lists: superforms puts an error at one as `{ _errors }`. */
export type FormShape = NonNullable<SuperValidated<Record<string, unknown>>['shape']>;

/**
 * valibotValidator is superforms' client validation adapter for a valibot schema: what its
 * `valibotClient` does (the issues' messages at their paths), as the `validators` option.
 */
export function valibotValidator<S extends v.GenericSchema | v.GenericSchemaAsync>(schema: S): ClientValidationAdapter<v.InferOutput<S>, v.InferInput<S>> {
	return {
		superFormValidationLibrary: 'valibot',
		async validate(data) {
			const result = await v.safeParseAsync(schema, data);
			if (result.success) return { success: true, data: result.output };
			return {
				success: false,
				issues: result.issues.map(({ message, path }) => ({ message, path: path?.map(({ key }) => key as string | number) }))
			};
		}
	};
}

/**
 * initialForm is a form's state before anything is sent: this data, no errors, under an id of its
 * own (two forms on one page need two), with the shape of its nested fields.
 */
export function initialForm<T extends Record<string, unknown>>(id: string, data: T, shape: FormShape = {}): SuperValidated<T> {
	return { id, valid: false, posted: false, errors: {}, data, shape };
}
