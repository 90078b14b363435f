import { getContext, setContext } from 'svelte';

/** What a form page sent back: each field's text as typed and its error, by field name. */
export interface Typed {
	values?: Record<string, string>;
	errors?: Record<string, string>;
}

const KEY = Symbol('typed');

/** `FormPage` shares what was typed with the fields inside it. */
export function shareTyped(typed: () => Typed): void {
	setContext(KEY, typed);
}

/**
 * A field's own value and error, by its name, from the `FormPage` it is in (a password is never
 * filled back in). A value or error the field is given itself wins.
 */
export function typedField(name: () => string, secret: () => boolean = () => false) {
	const typed = getContext<(() => Typed) | undefined>(KEY);
	return {
		value: () => (secret() ? undefined : typed?.().values?.[name()]),
		error: () => typed?.().errors?.[name()]
	};
}
