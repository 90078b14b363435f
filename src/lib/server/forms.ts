import { fail } from '@sveltejs/kit';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

const MAX_ECHO = 200_000;

function valuesOf(form: FormData): FormValues {
	const values: FormValues = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string' || /password/i.test(key)) continue;
		values[key] = value.length > MAX_ECHO ? value.slice(0, MAX_ECHO) : value;
	}
	return values;
}

/** Sends the form back with its errors; `extra` carries page state (e.g. which step). */
export function failWith<E extends Record<string, unknown> = Record<never, never>>(
	form: FormData,
	errors: FieldErrors,
	status = 400,
	extra?: E
) {
	return fail(status, { ...(extra as E), values: valuesOf(form), errors });
}

/** Parses a form with its zod schema; on failure returns the `fail()` to send back. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData
): { data: z.output<S>; failure?: undefined } | { data?: undefined; failure: ReturnType<typeof failWith> } {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
	const result = schema.safeParse(raw);
	if (result.success) return { data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { failure: failWith(form, errors) };
}
