import type { Answers, Field } from '$lib/catalog';
import type { FieldErrors } from '$lib/forms/errors';

/** The props every field component takes: one-way data down, changes up through onChange. */
export interface FieldProps<F extends Field = Field> {
	field: F;
	value: unknown;
	onChange: (value: unknown) => void;
	/** Errors of the whole form by dot path; a component reads those under its own path. */
	errors: FieldErrors;
	/** The dot path of this field ("mother", "witnesses.0.nik"). */
	path: string;
	/** The answers around this field (for conditions and cross-field warnings). */
	answers: Answers;
}
