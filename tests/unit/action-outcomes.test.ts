import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { done, failWith, keepTyped, meetingClosed, parseForm, refuse } from '../../src/lib/server/forms';

/** Every answer of a form action carries a `kind` the page narrows on, and a failure keeps what was typed. */
const formOf = (fields: Record<string, string>) => {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.append(key, value);
	return form;
};

describe('tagged action outcomes', () => {
	it('tags what worked with what happened, with its data', () => {
		expect(done('saved')).toEqual({ kind: 'saved' });
		expect(done('reminded', { to: 'child', emailed: true })).toEqual({
			kind: 'reminded',
			to: 'child',
			emailed: true
		});
	});

	it('tags errors, keeping what was typed and any page state', () => {
		const form = formOf({ body: 'Hello', step: 'two' });
		expect(failWith(form, { body: 'errors:x' }, 400, { step: 'account' })).toMatchObject({
			status: 400,
			data: {
				kind: 'error',
				step: 'account',
				values: { body: 'Hello', step: 'two' },
				errors: { body: 'errors:x' }
			}
		});
		const parsed = parseForm(z.object({ name: z.string().min(1, 'errors:name') }), formOf({ name: '' }));
		expect(parsed.failure).toMatchObject({
			data: { kind: 'error', values: { name: '' }, errors: { name: 'errors:name' } }
		});
	});

	it('tags a form refused as a whole with why, keeping what was typed', () => {
		expect(meetingClosed(formOf({ text: 'My cat' }))).toMatchObject({
			status: 409,
			data: { kind: 'closed', values: { text: 'My cat' }, errors: {} }
		});
		expect(refuse('reorderFailed', formOf({}))).toMatchObject({
			status: 409,
			data: { kind: 'reorderFailed' }
		});
	});

	it('tags a busy database as an error, keeping what was typed', async () => {
		const busy = keepTyped('body', async () => {
			throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
		});
		const request = new Request('https://voicebox.example/', {
			method: 'POST',
			body: formOf({ body: 'Kept' })
		});
		expect(await busy({ request })).toMatchObject({
			status: 503,
			data: { kind: 'error', values: { body: 'Kept' }, errors: { body: 'errors:notSaved' } }
		});
	});
});
