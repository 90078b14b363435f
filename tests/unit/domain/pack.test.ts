import { describe, expect, it } from 'vitest';
import {
	canRemind,
	carersHeard,
	groupAnswers,
	hasChoices,
	notHeardFilter,
	notHeardFrom,
	sayState,
	sharedAnswers
} from '../../../src/lib/domain/pack';
import type { Answers } from '../../../src/lib/domain/consultation';

const a = (value: Answers[string]['value'], visibility: 'iro' | 'everyone' = 'iro') => ({
	value,
	visibility,
	updatedAt: 1
});

describe('who has sent what', () => {
	it('tells not started, started and sent apart', () => {
		expect(sayState(null)).toBe('notStarted');
		expect(sayState({ sentAt: null, answers: { good: a('') } })).toBe('notStarted');
		expect(sayState({ sentAt: null, answers: { good: a('x') } })).toBe('started');
		expect(sayState({ sentAt: 5, answers: {} })).toBe('sent');
	});

	it('counts carers who sent, and finds meetings nobody has answered for', () => {
		expect(carersHeard([{ views: { sentAt: 1 } }, { views: { sentAt: null } }, { views: null }])).toEqual({
			sent: 1,
			total: 3
		});
		expect(notHeardFrom({ childSentAt: null, carersSent: 0 })).toBe(true);
		expect(notHeardFrom({ childSentAt: 3, carersSent: 0 })).toBe(false);
		expect(notHeardFrom({ childSentAt: null, carersSent: 1 })).toBe(false);
		expect(notHeardFilter(new URLSearchParams('notHeard=1'))).toBe(true);
		expect(notHeardFilter(new URLSearchParams('notHeard=yes'))).toBe(false);
	});

	it('reminds only someone who can be reached, has not sent, before the meeting', () => {
		expect(canRemind({ meetingOpen: true, sentAt: null, reachable: true })).toBe(true);
		expect(canRemind({ meetingOpen: false, sentAt: null, reachable: true })).toBe(false);
		expect(canRemind({ meetingOpen: true, sentAt: 1, reachable: true })).toBe(false);
		expect(canRemind({ meetingOpen: true, sentAt: null, reachable: false })).toBe(false);
	});
});

describe('the child’s answers in the pack', () => {
	const answers: Answers = {
		anythingElse: a('Bye', 'everyone'),
		good: a('Football', 'everyone'),
		worries: a('Private worry'),
		scaleHome: a(7),
		future: a('Not asked at 9')
	};

	it('follows the form’s order, leaves out empty answers and questions of other versions', () => {
		const groups = groupAnswers('middle', 9, answers, null);
		expect(groups.map((g) => g.id)).toEqual(['good', 'worries', 'scalesHome', 'anythingElse']);
		expect(groups.flatMap((g) => g.answers).every((x) => !x.changed)).toBe(true);
		expect(groupAnswers('teen', 16, answers, null).map((g) => g.id)).toContain('future');
	});

	it('marks what changed since sending, including a change of who can see it and a cleared answer', () => {
		const sent: Answers = { good: a('Football'), worries: a('Old worry'), dreams: a('A dog') };
		const now: Answers = { good: a('Football', 'everyone'), worries: a('New worry'), dreams: a('') };
		const flat = groupAnswers('middle', 9, now, sent).flatMap((g) => g.answers);
		expect(flat.find((x) => x.id === 'good')).toMatchObject({ changed: true, before: 'Football' });
		expect(flat.find((x) => x.id === 'worries')).toMatchObject({
			changed: true,
			before: 'Old worry',
			value: 'New worry'
		});
		expect(flat.find((x) => x.id === 'dreams')).toMatchObject({
			changed: true,
			before: 'A dog',
			value: null
		});
	});

	it('shares with carers only answers marked for everyone', () => {
		expect(sharedAnswers('middle', 9, answers).map((x) => x.id)).toEqual(['good', 'anythingElse']);
	});
});

describe('the child’s choices', () => {
	const empty = {
		want: { carers: [], roles: [], someoneElse: '' },
		notWanted: [],
		takePart: null,
		where: null,
		whereOther: '',
		when: { notSchoolTime: false, timesThatSuit: false, times: '' },
		mode: null,
		talkFirst: null
	};

	it('knows whether anything was chosen', () => {
		expect(hasChoices(empty)).toBe(false);
		expect(hasChoices({ ...empty, notWanted: [{ who: 'Uncle', why: '' }] })).toBe(true);
		expect(hasChoices({ ...empty, when: { ...empty.when, notSchoolTime: true } })).toBe(true);
	});
});
