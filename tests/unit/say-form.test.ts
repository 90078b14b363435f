import { describe, expect, it } from 'vitest';
import { loadedAtOf, parseStep, startSchema } from '../../src/lib/forms/say';
import { readForm } from '../../src/lib/forms/text';
import { stepsFor } from '../../src/lib/domain/consultation';

/** "My say" pages: what the child sends is checked before anything is saved. */
function formOf(entries: Array<[string, string]>) {
	const form = new FormData();
	for (const [k, v] of entries) form.append(k, v);
	return form;
}

const middle = stepsFor('middle', 9);
const young = stepsFor('young', 5);
const step = (steps: typeof middle, id: string) => steps.find((s) => s.id === id)!.questions;

describe('a text page', () => {
	it('saves the text, tidied, with who can see it (only my IRO by default)', () => {
		const result = parseStep(step(middle, 'good'), formOf([['good', '  my dog\r\nand my bike  ']]));
		expect(result).toEqual({
			ok: true,
			incoming: [{ id: 'good', value: 'my dog\nand my bike', visibility: 'iro' }]
		});
		const shared = parseStep(
			step(middle, 'good'),
			formOf([
				['good', 'x'],
				['good-who', 'everyone']
			])
		);
		expect(shared.ok && shared.incoming[0].visibility).toBe('everyone');
	});

	it('refuses an over-long answer, saying the limit, and keeps what was typed', () => {
		const long = 'a'.repeat(2001);
		const result = parseStep(
			step(middle, 'good'),
			formOf([
				['good', long],
				['good-who', 'everyone']
			])
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.good).toBe('say:errors.tooLong|max=2000&count=2001');
		expect(result.values).toEqual({ good: long, 'good-who': 'everyone' });
		// Emoji count as one character each.
		expect(parseStep(step(middle, 'good'), formOf([['good', '😀'.repeat(2000)]])).ok).toBe(true);
	});

	it('refuses an unknown "who can see this"', () => {
		const result = parseStep(
			step(middle, 'good'),
			formOf([
				['good', 'x'],
				['good-who', 'the world']
			])
		);
		expect(!result.ok && result.errors['good-who']).toBe('say:errors.visibility');
	});
});

describe('a scales page', () => {
	const scales = step(middle, 'scalesHome');
	it('accepts whole numbers from 0 to 10, and no answer', () => {
		const result = parseStep(
			scales,
			formOf([
				['scaleHome', '0'],
				['scaleSafe', '10']
			])
		);
		expect(result.ok && result.incoming.map((i) => i.value)).toEqual([0, 10, '']);
	});

	it.each(['11', '-1', '5.5', 'ten', '100', '1e1'])('refuses %s', (value) => {
		const result = parseStep(
			scales,
			formOf([
				['scaleHome', '3'],
				['scaleSafe', value]
			])
		);
		expect(!result.ok && result.errors).toEqual({ scaleSafe: 'say:errors.scale|min=0&max=10' });
		expect(!result.ok && result.values.scaleSafe).toBe(value);
	});
});

describe('the youngest children’s pages', () => {
	it('accepts the faces and nothing else', () => {
		const feelings = step(young, 'feelings');
		const ok = parseStep(
			feelings,
			formOf([
				['feelHome', 'happy'],
				['feelSchool', 'worried']
			])
		);
		expect(ok.ok && ok.incoming.map((i) => i.value)).toEqual(['happy', 'worried', '']);
		const bad = parseStep(feelings, formOf([['feelHome', 'ecstatic']]));
		expect(!bad.ok && bad.errors.feelHome).toBe('say:errors.feeling');
	});

	it('accepts pictures from the list only, once each, with a few words', () => {
		const good = step(young, 'good');
		const form = formOf([
			['goodPictures', 'pets'],
			['goodPictures', 'food'],
			['goodPictures', 'pets'],
			['goodWords', 'my cat']
		]);
		expect(readForm(form).goodPictures).toEqual(['pets', 'food', 'pets']);
		const result = parseStep(good, form);
		expect(result.ok && result.incoming).toEqual([
			{ id: 'goodPictures', value: ['pets', 'food'], visibility: 'iro' },
			{ id: 'goodWords', value: 'my cat', visibility: 'iro' }
		]);
		const none = parseStep(good, formOf([]));
		expect(none.ok && none.incoming[0].value).toEqual([]);
		const bad = parseStep(good, formOf([['goodPictures', '<img src=x>']]));
		expect(!bad.ok && bad.errors.goodPictures).toBe('say:errors.pictures');
		const tooLong = parseStep(good, formOf([['goodWords', 'b'.repeat(501)]]));
		expect(!tooLong.ok && tooLong.errors.goodWords).toBe('say:errors.tooLong|max=500&count=501');
	});

	it('asks whether a grown-up is helping', () => {
		expect(startSchema.safeParse({ withCarer: 'yes' }).success).toBe(true);
		expect(startSchema.safeParse({}).success).toBe(false);
		expect(startSchema.safeParse({ withCarer: 'maybe' }).success).toBe(false);
	});
});

describe('when the page was shown', () => {
	it('reads the hidden loadedAt, or 0', () => {
		expect(loadedAtOf(formOf([['loadedAt', '1767225600000']]))).toBe(1767225600000);
		expect(loadedAtOf(formOf([['loadedAt', 'yesterday']]))).toBe(0);
		expect(loadedAtOf(formOf([]))).toBe(0);
	});
});
