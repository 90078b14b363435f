import { describe, expect, it } from 'vitest';
import { parseStep } from '../../src/lib/forms/say';
import { pageVisibility, stepsFor, whoOncePerPage } from '../../src/lib/domain/consultation';

/** The picture version (4–7) asks "Who can see this?" once a page; every answer on it keeps that choice. */
describe('who can see, once a page for the youngest', () => {
	const page = stepsFor('young', 5).find((s) => s.questions.length > 1)!;

	it('is asked once a page only in the picture version', () => {
		expect(whoOncePerPage('young')).toBe(true);
		expect(whoOncePerPage('middle')).toBe(false);
		expect(whoOncePerPage('teen')).toBe(false);
	});

	it('stores the one choice with every answer on the page', () => {
		const form = new FormData();
		form.set('who', 'everyone');
		const parsed = parseStep(page.questions, form, true);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.incoming).toHaveLength(page.questions.length);
		expect(parsed.incoming.every((a) => a.visibility === 'everyone')).toBe(true);
	});

	it('keeps answers for the IRO only when nothing is chosen', () => {
		const parsed = parseStep(page.questions, new FormData(), true);
		expect(parsed.ok && parsed.incoming.every((a) => a.visibility === 'iro')).toBe(true);
	});

	it('shows "everyone" for a page only if every answer on it is for everyone', () => {
		const ids = page.questions.map((q) => q.id);
		const answer = (visibility: 'iro' | 'everyone') => ({ value: 'x', visibility, updatedAt: 1 });
		expect(pageVisibility(ids, {})).toBe('iro');
		expect(pageVisibility(ids, Object.fromEntries(ids.map((id) => [id, answer('everyone')])))).toBe(
			'everyone'
		);
		expect(pageVisibility(ids, { [ids[0]]: answer('everyone'), [ids[1]]: answer('iro') })).toBe('iro');
	});
});
