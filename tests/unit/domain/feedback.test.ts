import { describe, expect, it } from 'vitest';
import {
	childQuestionsFor,
	choseToChair,
	feedbackCounts,
	isBlank,
	onlyAsked,
	usesFaces
} from '../../../src/lib/domain/feedback';

describe('"How was my meeting?" questions', () => {
	it('asks "did you run the meeting" only of a child who chose to chair or co-chair', () => {
		expect(choseToChair('me')).toBe(true);
		expect(choseToChair('cochair')).toBe(true);
		expect(choseToChair('iro')).toBe(false);
		expect(choseToChair(null)).toBe(false);
		expect(childQuestionsFor(true)).toEqual(['listened', 'decided', 'timePlace', 'ranMeeting']);
		expect(childQuestionsFor(false)).toEqual(['listened', 'decided', 'timePlace']);
	});

	it('gives faces to the youngest, as My say does', () => {
		expect(usesFaces('young')).toBe(true);
		expect(usesFaces('middle')).toBe(false);
		expect(usesFaces('teen')).toBe(false);
	});

	it('treats nothing answered and nothing written as blank, and keeps only what was asked', () => {
		expect(isBlank({}, '  ')).toBe(true);
		expect(isBlank({ listened: 'yes' }, '')).toBe(false);
		expect(isBlank({}, 'More time')).toBe(false);
		expect(onlyAsked({ listened: 'yes', ranMeeting: 'no' }, childQuestionsFor(false))).toEqual({
			listened: 'yes'
		});
	});
});

describe('feedbackCounts', () => {
	it('counts each answer per question, given and skipped, without names or free text', () => {
		const counts = feedbackCounts([
			{ respondent: 'child', answers: { listened: 'yes', decided: 'partly' }, skippedAt: null },
			{ respondent: 'child', answers: { listened: 'yes', timePlace: 'no' }, skippedAt: null },
			{ respondent: 'child', answers: {}, skippedAt: 5 },
			{ respondent: 'carer', answers: { childHeard: 'partly' }, skippedAt: null },
			{ respondent: 'carer', answers: {}, skippedAt: 9 }
		]);
		expect(counts.given).toEqual({ child: 2, carer: 1 });
		expect(counts.skipped).toEqual({ child: 1, carer: 1 });
		expect(counts.answers.child.listened).toEqual({ yes: 2, partly: 0, no: 0 });
		expect(counts.answers.child.decided).toEqual({ yes: 0, partly: 1, no: 0 });
		expect(counts.answers.child.timePlace).toEqual({ yes: 0, partly: 0, no: 1 });
		expect(counts.answers.child.ranMeeting).toEqual({ yes: 0, partly: 0, no: 0 });
		expect(counts.answers.carer.childHeard).toEqual({ yes: 0, partly: 1, no: 0 });
		expect(JSON.stringify(counts)).not.toMatch(/name|change/i);
	});

	it('ignores answers that are not on the scale or questions not asked of that respondent', () => {
		const counts = feedbackCounts([
			{
				respondent: 'carer',
				answers: { listened: 'yes', timePlace: 'maybe' } as never,
				skippedAt: null
			}
		]);
		expect(counts.given.carer).toBe(1);
		expect(counts.answers.carer.timePlace).toEqual({ yes: 0, partly: 0, no: 0 });
		expect('listened' in counts.answers.carer).toBe(false);
	});
});
