import { describe, expect, it } from 'vitest';
import {
	PARTICIPATION_CODES,
	suggestParticipation,
	type ParticipationFacts
} from '../../../src/lib/domain/participation';

/** The code Voicebox suggests to the IRO from what it knows (the IRO decides). */
const facts = (f: Partial<ParticipationFacts> = {}): ParticipationFacts => ({
	ageAtReview: 10,
	childCame: false,
	advocate: false,
	sentViews: false,
	...f
});

describe('the suggested participation code', () => {
	it('PN0 for a child under 4 at the review, whatever else is known', () => {
		expect(suggestParticipation(facts({ ageAtReview: 3, childCame: true }))).toBe('PN0');
		expect(suggestParticipation(facts({ ageAtReview: 0, sentViews: true, advocate: true }))).toBe('PN0');
	});

	it('not PN0 from the fourth birthday on', () => {
		expect(suggestParticipation(facts({ ageAtReview: 4, childCame: true }))).toBe('PN1');
	});

	it('PN1 when the child came and had no advocate', () => {
		expect(suggestParticipation(facts({ childCame: true }))).toBe('PN1');
		expect(suggestParticipation(facts({ childCame: true, sentViews: true }))).toBe('PN1');
	});

	it('PN2 when the child came with an advocate', () => {
		expect(suggestParticipation(facts({ childCame: true, advocate: true }))).toBe('PN2');
	});

	it('PN5 when the child did not come and an advocate was arranged', () => {
		expect(suggestParticipation(facts({ advocate: true }))).toBe('PN5');
		expect(suggestParticipation(facts({ advocate: true, sentViews: true }))).toBe('PN5');
	});

	it('PN6 when the child sent My say and did not come', () => {
		expect(suggestParticipation(facts({ sentViews: true }))).toBe('PN6');
	});

	it('PN7 when the child did not come and nothing was sent', () => {
		expect(suggestParticipation(facts())).toBe('PN7');
	});

	it('never suggests PN3 or PN4: only the IRO, who was there, can tell', () => {
		const suggested = new Set<string>();
		for (const ageAtReview of [2, 4, 9, 17])
			for (const childCame of [true, false])
				for (const advocate of [true, false])
					for (const sentViews of [true, false])
						suggested.add(suggestParticipation({ ageAtReview, childCame, advocate, sentViews }));
		expect([...suggested].sort()).toEqual(['PN0', 'PN1', 'PN2', 'PN5', 'PN6', 'PN7']);
		expect(PARTICIPATION_CODES).toEqual(['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
	});
});
