import { describe, expect, it } from 'vitest';
import {
	asSent,
	changedSince,
	isValidAnswer,
	mergeAnswers,
	resumeStep,
	stepsFor,
	unsentChangesAt,
	versionFor,
	type Answers
} from '../../../src/lib/domain/consultation';

describe('which version of "My say" a child gets', () => {
	it('is chosen by age on the day of the meeting', () => {
		expect(versionFor('2022-06-01', '2026-05-31')).toBeNull();
		expect(versionFor('2022-06-01', '2026-06-01')).toEqual({ version: 'young', age: 4 });
		expect(versionFor('2018-12-10', '2026-12-09')?.version).toBe('young');
		expect(versionFor('2018-12-10', '2026-12-10')?.version).toBe('middle');
		expect(versionFor('2013-12-10', '2026-12-09')?.version).toBe('middle');
		expect(versionFor('2013-12-10', '2026-12-10')?.version).toBe('teen');
	});

	it('is the picture version at any age when "use the picture version" is on', () => {
		expect(versionFor('2013-06-01', '2026-06-01', true)).toEqual({ version: 'young', age: 13 });
		expect(versionFor('2016-06-01', '2026-06-01', true)?.version).toBe('young');
		expect(versionFor('2020-06-01', '2026-06-01', true)?.version).toBe('young');
		expect(versionFor('2013-06-01', '2026-06-01', false)?.version).toBe('teen');
		// Under 4 there is still no form of their own.
		expect(versionFor('2023-06-01', '2026-06-01', true)).toBeNull();
	});

	it('gives a child who turns 8 between meetings the older form next time', () => {
		expect(versionFor('2018-07-01', '2026-06-15')?.version).toBe('young');
		expect(versionFor('2018-07-01', '2026-12-15')?.version).toBe('middle');
	});

	it('adds "planning for my future" only from 16', () => {
		const ids = (age: number) => stepsFor('teen', age).map((s) => s.id);
		expect(ids(15)).not.toContain('future');
		expect(ids(16)).toContain('future');
		expect(stepsFor('middle', 12).map((s) => s.id)).not.toContain('future');
	});

	it('asks the youngest children with feelings and pictures, and older ones with words and scales', () => {
		const young = stepsFor('young', 5).flatMap((s) => s.questions.map((q) => q.kind));
		expect(new Set(young)).toEqual(new Set(['feeling', 'pictures', 'text']));
		const middle = stepsFor('middle', 9).flatMap((s) => s.questions);
		expect(middle.filter((q) => q.kind === 'scale').map((q) => q.id)).toEqual([
			'scaleHome',
			'scaleSafe',
			'scaleFamilyTime',
			'scaleSchool',
			'scaleHealth',
			'scaleFriends'
		]);
	});
});

describe('answers', () => {
	const scale = { id: 'scaleHome', kind: 'scale' } as const;
	it('accept only whole numbers from 0 to 10 on scales', () => {
		expect(isValidAnswer(scale, 0)).toBe(true);
		expect(isValidAnswer(scale, 10)).toBe(true);
		expect(isValidAnswer(scale, 11)).toBe(false);
		expect(isValidAnswer(scale, -1)).toBe(false);
		expect(isValidAnswer(scale, 5.5)).toBe(false);
		expect(isValidAnswer(scale, '5')).toBe(false);
	});

	it('accept only listed pictures and text within the limit (counting emoji as one)', () => {
		expect(isValidAnswer({ id: 'p', kind: 'pictures', options: ['family', 'pets'] }, ['pets'])).toBe(true);
		expect(isValidAnswer({ id: 'p', kind: 'pictures', options: ['family', 'pets'] }, ['<img>'])).toBe(false);
		expect(isValidAnswer({ id: 't', kind: 'text', max: 3 }, '😀😀😀')).toBe(true);
		expect(isValidAnswer({ id: 't', kind: 'text', max: 3 }, 'abcd')).toBe(false);
	});
});

describe('saving drafts', () => {
	const stored: Answers = {
		good: { value: 'my dog', visibility: 'iro', updatedAt: 100 },
		worries: { value: 'school', visibility: 'iro', updatedAt: 100 }
	};

	it('saves only the fields on the page, leaving other pages as they were', () => {
		const { answers, replaced } = mergeAnswers(
			stored,
			[{ id: 'dreams', value: 'a bike', visibility: 'everyone' }],
			100,
			200
		);
		expect(answers.good).toEqual(stored.good);
		expect(answers.dreams).toEqual({ value: 'a bike', visibility: 'everyone', updatedAt: 200 });
		expect(replaced).toEqual([]);
	});

	it('lets the last save win per field, and returns the text it replaced from another tab', () => {
		const tabA = mergeAnswers(
			stored,
			[{ id: 'good', value: 'my dog and my cat', visibility: 'iro' }],
			100,
			300
		);
		const tabB = mergeAnswers(tabA.answers, [{ id: 'good', value: 'football', visibility: 'iro' }], 100, 400);
		expect(tabB.answers.good.value).toBe('football');
		expect(tabB.replaced).toEqual([{ id: 'good', value: 'my dog and my cat' }]);
	});

	it('does not touch a field whose answer did not change', () => {
		const { answers } = mergeAnswers(stored, [{ id: 'good', value: 'my dog', visibility: 'iro' }], 0, 999);
		expect(answers.good.updatedAt).toBe(100);
	});

	it('shows the IRO what changed after sending, including who may see it', () => {
		const after = mergeAnswers(
			stored,
			[{ id: 'worries', value: 'school', visibility: 'everyone' }],
			100,
			200
		).answers;
		expect(changedSince(stored, after)).toEqual(['worries']);
		expect(changedSince(stored, stored)).toEqual([]);
	});

	it('tells others when changes are waiting to be sent, and not what they are', () => {
		const sent: Answers = {
			good: { value: 'football', visibility: 'everyone', updatedAt: 100 },
			worries: { value: 'school', visibility: 'iro', updatedAt: 100 }
		};
		expect(unsentChangesAt(null, sent)).toBeNull();
		expect(unsentChangesAt(sent, sent)).toBeNull();
		const later: Answers = {
			...sent,
			good: { value: 'football and drawing', visibility: 'everyone', updatedAt: 300 },
			dreams: { value: 'a dog', visibility: 'iro', updatedAt: 200 }
		};
		expect(unsentChangesAt(sent, later)).toBe(300);
		// What others read is still what was sent.
		expect(asSent(sent, later)).toEqual(sent);
	});

	it('makes an answer private at once when the child makes it "Only my IRO" after sending', () => {
		const sent: Answers = { good: { value: 'football', visibility: 'everyone', updatedAt: 100 } };
		const now: Answers = { good: { value: 'football, secret', visibility: 'iro', updatedAt: 200 } };
		expect(asSent(sent, now)).toEqual({ good: { value: 'football', visibility: 'iro', updatedAt: 100 } });
		// Widening who can see it waits for "Send".
		expect(asSent(now, sent)).toEqual(now);
	});

	it('resumes at the first page with nothing answered', () => {
		const steps = stepsFor('middle', 9);
		expect(resumeStep(steps, {})).toBe(0);
		expect(resumeStep(steps, stored)).toBe(2);
	});
});
