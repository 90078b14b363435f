import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { readForm } from '$lib/forms/text';
import { isBusy } from './db';

export { isBusy };

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

/** The form as typed, one value a field (the last, for a repeated field). */
function valuesOf(form: FormData): FormValues {
	return Object.fromEntries(
		Object.entries(readForm(form)).map(([key, value]) => [key, Array.isArray(value) ? value.at(-1)! : value])
	);
}

/*
 * Every answer of a form action is tagged with a `kind`, and pages narrow on it
 * (`form?.kind === 'saved'`): a failure sent back with its errors is `kind: 'error'` (through `failWith`,
 * `parseForm` and `keepTyped`), a form refused as a whole names why (`refuse`, e.g. `kind: 'closed'`),
 * and what worked says what happened (`done('saved')`, `done('sent', { receipt })`). SvelteKit's
 * `ActionData` gives every member of the union every key, so `form?.values` and `form?.errors` read
 * the same on any answer.
 */

/** What an action answers when it worked: `kind` says what happened, `data` what the page shows. */
export function done<K extends string, D extends object = Record<never, never>>(kind: K, data?: D) {
	return { ...(data as D), kind } as { kind: K } & D;
}

/**
 * What a form that worked answers. A browser without JavaScript is sent on to the page (303) with
 * `?done=<kind>` and `params`, so that reloading the page does not offer to send the form again; the
 * page's load reads what happened from there. With JavaScript (use:enhance) the page updates in place
 * from the outcome itself.
 */
export function afterPost<O extends { kind: string }>(
	event: { request: Request; url: URL },
	outcome: O,
	params: Record<string, string> = {}
): O {
	if (event.request.headers.get('x-sveltekit-action') === 'true') return outcome;
	redirect(303, `${event.url.pathname}?${new URLSearchParams({ done: outcome.kind, ...params })}`);
}

/** Sends the form back with its errors (`kind: 'error'`); `extra` carries page state (e.g. which step). */
export function failWith<E extends Record<string, unknown> = Record<never, never>>(
	form: FormData,
	errors: FieldErrors,
	status = 400,
	extra?: E
) {
	return fail(status, { ...(extra as E), kind: 'error' as const, values: valuesOf(form), errors });
}

/** Sends the form back, what was typed kept, refused as a whole for the reason `kind` names. */
export function refuse<K extends string>(kind: K, form: FormData, status = 409) {
	return fail(status, { kind, values: valuesOf(form), errors: {} as FieldErrors });
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

export const NOT_SAVED = 'errors:notSaved';

/**
 * Wraps a form action so that a write that could not get the database (SQLITE_BUSY after the wait)
 * sends the page back with what was typed and "Sorry, that did not save. Please try again." on
 * `field`, instead of a 500. `extra` adds (or replaces) page state read from the form.
 */
export function keepTyped<E extends { request: Request }, R>(
	field: string | ((form: FormData) => string),
	action: (event: E) => R | Promise<R>,
	extra?: (form: FormData) => Record<string, unknown>
): (event: E) => Promise<R | ActionFailure<{ kind: 'error'; values: FormValues; errors: FieldErrors }>> {
	return async (event) => {
		const copy = event.request.clone();
		try {
			return await action(event);
		} catch (error) {
			if (!isBusy(error)) throw error;
			const form = await copy.formData();
			const name = typeof field === 'string' ? field : field(form);
			return fail(503, {
				values: valuesOf(form),
				errors: { [name]: NOT_SAVED },
				...extra?.(form),
				kind: 'error' as const
			});
		}
	};
}

/** The one answer when a form's meeting can no longer change (see meetingForForm in meetings.ts). */
export function meetingClosed(form: FormData) {
	return refuse('closed', form);
}
