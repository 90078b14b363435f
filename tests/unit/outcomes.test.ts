import { beforeAll, describe, expect, it } from 'vitest';

/**
 * After a held review: "you said, we did" for each agenda item in the child's order, decisions with
 * who and by when, the letter to the child (only the decisions marked for the child, kept as sent, in
 * the child's language), carers see only what was shared with them, and the IRO's follow-up list.
 */
const { eq } = await import('drizzle-orm');
const { db, tables, write } = await import('../../src/lib/server/db');
const { newIro, newChild, bookMeeting, DAY } = await import('./support/people');
const { addAgendaItem } = await import('../../src/lib/server/agenda');
const { meetingOfChild } = await import('../../src/lib/server/meetings');
const outcomes = await import('../../src/lib/server/outcomes');
const followUps = await import('../../src/lib/server/follow-ups');
const { renderLetter } = await import('../../src/lib/server/outcome-letters');
const { auditOf } = await import('../../src/lib/server/audit');
const { followUpState, emptyWords } = await import('../../src/lib/domain/outcomes');
const { londonDate } = await import('../../src/lib/domain/dates');

const NOW = Date.now();
let iroId: string;
let otherIroId: string;

/** A review of a new child that happened five days ago, recorded by its IRO as held. */
function heldReview(iro = iroId, fields: Parameters<typeof newChild>[1] = {}) {
	const childId = newChild(iro, { preferredName: 'Ada', ...fields });
	const meetingId = bookMeeting(childId, -5, NOW);
	write((tx) =>
		tx
			.update(tables.meetings)
			.set({ heldOn: londonDate(NOW - 5 * DAY), writtenUpAt: NOW - 4 * DAY, writtenUpBy: iro })
			.where(eq(tables.meetings.id, meetingId))
			.run()
	);
	const child = db().select().from(tables.children).where(eq(tables.children.id, childId)).get()!;
	return { child, childId, meeting: meetingOfChild(childId, meetingId)!, meetingId };
}

function decision(overrides: Partial<Parameters<typeof outcomes.addDecision>[2]> = {}) {
	return {
		text: 'Family time with your brother every other Saturday',
		whoRole: 'social_worker' as const,
		whoName: 'Jo',
		dueOn: londonDate(NOW + 30 * DAY),
		visibleToChild: true,
		sharedWithCarers: false,
		...overrides
	};
}

beforeAll(async () => {
	iroId = await newIro('ira');
	otherIroId = await newIro('otto', 'Otto Other');
});

describe('follow-up state', () => {
	it('is open until its date has passed, then overdue, and done once marked done', () => {
		expect(followUpState({ dueOn: '2026-03-10', doneAt: null }, '2026-03-10')).toBe('open');
		expect(followUpState({ dueOn: '2026-03-10', doneAt: null }, '2026-03-11')).toBe('overdue');
		expect(followUpState({ dueOn: '2026-03-10', doneAt: 1 }, '2026-03-11')).toBe('done');
	});
});

describe('you said, we did', () => {
	it('keeps what happened to each agenda item, in the child’s order, and ignores another meeting’s items', () => {
		const { childId, meetingId } = heldReview();
		const first = addAgendaItem({ childId, meetingId, text: 'My bedroom', raiser: 'me', visibility: 'iro' });
		const second = addAgendaItem({
			childId,
			meetingId,
			text: 'School trips',
			raiser: 'iro',
			visibility: 'everyone'
		});
		const elsewhere = heldReview();
		const foreign = addAgendaItem({
			childId: elsewhere.childId,
			meetingId: elsewhere.meetingId,
			text: 'Not this one',
			raiser: 'me',
			visibility: 'iro'
		});
		if (!first.ok || !second.ok || !foreign.ok) throw new Error('agenda');
		outcomes.saveOutcomes(meetingId, iroId, {
			[second.id]: 'You can go on the trip in June.',
			[first.id]: 'We will paint it blue.',
			[foreign.id]: 'Should not be saved'
		});
		expect(outcomes.outcomesOf(meetingId).map((i) => [i.text, i.outcome])).toEqual([
			['My bedroom', 'We will paint it blue.'],
			['School trips', 'You can go on the trip in June.']
		]);
		expect(outcomes.outcomesOf(elsewhere.meetingId)[0].outcome).toBe('');
		outcomes.saveOutcomes(meetingId, iroId, { [first.id]: 'Painted blue in May.' });
		expect(outcomes.outcomesOf(meetingId)[0].outcome).toBe('Painted blue in May.');
		// The language of the IRO's page is kept with the words; saved again unchanged, they keep it.
		outcomes.saveOutcomes(meetingId, iroId, { [first.id]: 'Pintado de azul en mayo.' }, NOW, 'es');
		outcomes.saveOutcomes(
			meetingId,
			iroId,
			{ [first.id]: 'Pintado de azul en mayo.', [second.id]: 'Nous irons en juin.' },
			NOW,
			'fr'
		);
		expect(outcomes.outcomesOf(meetingId).map((i) => [i.outcome, i.outcomeLang])).toEqual([
			['Pintado de azul en mayo.', 'es'],
			['Nous irons en juin.', 'fr']
		]);
		expect(auditOf(meetingId, 'outcomes.save')).toHaveLength(4);
	});
});

describe('the letter after the meeting', () => {
	it('shows only the decisions marked for the child, and keeps what it said once sent', () => {
		const { child, childId, meeting, meetingId } = heldReview();
		const item = addAgendaItem({
			childId,
			meetingId,
			text: 'Seeing my brother',
			raiser: 'me',
			visibility: 'iro'
		});
		if (!item.ok) throw new Error('agenda');
		outcomes.saveOutcomes(
			meetingId,
			iroId,
			{ [item.id]: 'You will see him every other Saturday.' },
			NOW,
			'en'
		);
		outcomes.addDecision(meeting, iroId, { ...decision(), textLang: 'en' });
		outcomes.addDecision(
			meeting,
			iroId,
			decision({ text: 'Private professional step', visibleToChild: false })
		);

		const content = outcomes.letterContent(meeting, child, NOW);
		expect(content.decisions.map((d) => d.text)).toEqual([
			'Family time with your brother every other Saturday'
		]);
		// Each with the language it was written in: the child's item was stored without one (not known).
		expect(content.items).toEqual([
			{
				said: 'Seeing my brother',
				saidLang: null,
				did: 'You will see him every other Saturday.',
				didLang: 'en'
			}
		]);
		expect(content.decisions[0].lang).toBe('en');

		expect(outcomes.lettersOfChild(childId)).toEqual([]);
		const words = { ...emptyWords(), thanks: 'You were brilliant.' };
		const sent = outcomes.sendLetter(meeting, child, iroId, words, 'en', NOW);
		expect(sent.ok).toBe(true);
		if (!sent.ok) return;
		// Later changes do not change the letter the child was sent.
		outcomes.saveOutcomes(meetingId, iroId, { [item.id]: 'Changed afterwards' });
		const letter = outcomes.sentLetterOf(childId, sent.id)!;
		expect(outcomes.contentOf(letter)!.items[0].did).toBe('You will see him every other Saturday.');
		expect(outcomes.wordsFrom(letter.words).thanks).toBe('You were brilliant.');
		// Sent once: neither sent again nor changed as a draft.
		expect(outcomes.sendLetter(meeting, child, iroId, words, 'en', NOW + 1)).toEqual({
			ok: false,
			reason: 'alreadySent'
		});
		expect(outcomes.saveLetterDraft(meeting, iroId, emptyWords(), 'ar')).toBe('alreadySent');
		expect(outcomes.lettersOfChild(childId).map((l) => l.id)).toEqual([sent.id]);
		expect(auditOf(sent.id, 'letter.send')).toHaveLength(1);
	});

	it('a draft is not the child’s to read, and no child reads another child’s letter', () => {
		const a = heldReview();
		const b = heldReview();
		outcomes.saveLetterDraft(a.meeting, iroId, emptyWords(), 'en');
		const draft = outcomes.letterOf(a.meetingId)!;
		expect(outcomes.sentLetterOf(a.childId, draft.id)).toBeUndefined();
		expect(outcomes.lettersOfChild(a.childId)).toEqual([]);
		const sent = outcomes.sendLetter(a.meeting, a.child, iroId, emptyWords(), 'en', NOW);
		if (!sent.ok) throw new Error('send');
		expect(outcomes.sentLetterOf(a.childId, sent.id)).toBeDefined();
		expect(outcomes.sentLetterOf(b.childId, sent.id)).toBeUndefined();
	});

	it('lists a child’s letters newest first', () => {
		const { child, childId } = heldReview();
		const older = bookMeeting(childId, -200, NOW);
		write((tx) =>
			tx
				.update(tables.meetings)
				.set({ heldOn: londonDate(NOW - 200 * DAY), writtenUpAt: NOW - 199 * DAY })
				.where(eq(tables.meetings.id, older))
				.run()
		);
		const first = outcomes.sendLetter(
			meetingOfChild(childId, older)!,
			child,
			iroId,
			emptyWords(),
			'en',
			NOW - 190 * DAY
		);
		const latest = db()
			.select()
			.from(tables.meetings)
			.where(eq(tables.meetings.childId, childId))
			.all()
			.find((m) => m.id !== older)!;
		const second = outcomes.sendLetter(latest, child, iroId, emptyWords(), 'en', NOW);
		if (!first.ok || !second.ok) throw new Error('send');
		expect(outcomes.lettersOfChild(childId).map((l) => l.id)).toEqual([second.id, first.id]);
	});

	it('renders the set words in the letter’s language, right to left in Arabic, and the IRO’s words as written', () => {
		const { child, meeting } = heldReview(iroId, { languages: 'Arabic, English' });
		outcomes.addDecision(meeting, iroId, decision({ whoRole: 'iro', whoName: '' }));
		const content = outcomes.letterContent(meeting, child, NOW);
		const words = { ...emptyWords(), next: 'See you soon, Ada!' };
		const arabic = renderLetter(content, words, 'ar');
		expect(arabic.dir).toBe('rtl');
		expect(arabic.title).toBe('رسالة من مسؤول المراجعة الخاص بك');
		expect(arabic.parts.map((p) => p.heading)).toContain('ما قرّرناه');
		expect(arabic.parts.find((p) => p.part === 'next')!.words).toBe('See you soon, Ada!');
		expect(arabic.parts.find((p) => p.part === 'decided')!.decisions![0].who).toContain('أنا');
		const english = renderLetter(content, words, 'en');
		expect(english.dir).toBe('ltr');
		expect(english.title).toBe('A letter from your IRO');
		expect(english.dear).toBe('Dear Ada,');
		expect(english.parts.map((p) => p.heading)).toEqual([
			'Thank you',
			'What you told us',
			'What we decided',
			'What happens next',
			'Your next meeting',
			'How to reach me'
		]);
	});
});

describe('what carers see', () => {
	it('only the decisions shared with parents and carers', () => {
		const { childId, meeting } = heldReview();
		outcomes.addDecision(meeting, iroId, decision({ text: 'Shared with carers', sharedWithCarers: true }));
		outcomes.addDecision(meeting, iroId, decision({ text: 'For the child only' }));
		outcomes.addDecision(meeting, iroId, decision({ text: 'Kept private', visibleToChild: false }));
		expect(outcomes.decisionsForCarers(childId).map((d) => d.text)).toEqual(['Shared with carers']);
	});
});

describe('the follow-up list', () => {
	it('shows the IRO their own children’s decisions, open, overdue and done; marking done keeps when and a note', () => {
		const mine = heldReview();
		const theirs = heldReview(otherIroId);
		const overdue = outcomes.addDecision(mine.meeting, iroId, decision({ dueOn: londonDate(NOW - 2 * DAY) }));
		const open = outcomes.addDecision(mine.meeting, iroId, decision());
		outcomes.addDecision(theirs.meeting, otherIroId, decision({ dueOn: londonDate(NOW - 2 * DAY) }));

		const today = londonDate(NOW);
		const list = followUps.followUpsOf(iroId, today).filter((d) => d.childId === mine.childId);
		expect(list.map((d) => [d.id, d.state])).toEqual([
			[overdue, 'overdue'],
			[open, 'open']
		]);
		expect(followUps.followUpsOf(iroId, today).some((d) => d.childId === theirs.childId)).toBe(false);
		expect(followUps.overdueFollowUps(iroId, today)[mine.childId]).toBe(1);
		expect(followUps.overdueFollowUps(iroId, today)[theirs.childId]).toBeUndefined();

		expect(followUps.markDone(overdue, iroId, 'Family time arranged', NOW)).toBe(true);
		expect(followUps.markDone(overdue, iroId, 'Again', NOW + 1)).toBe(false);
		const done = followUps.decisionById(overdue)!;
		expect(done).toMatchObject({ doneAt: NOW, doneNote: 'Family time arranged', doneBy: iroId });
		expect(followUps.followUpsOf(iroId, today).find((d) => d.id === overdue)!.state).toBe('done');
		expect(followUps.overdueFollowUps(iroId, today)[mine.childId]).toBeUndefined();
		expect(auditOf(overdue, 'decision.done')[0].detail).toBe('Family time arranged');
	});

	it('a done decision can no longer be removed', () => {
		const { meeting, meetingId } = heldReview();
		const id = outcomes.addDecision(meeting, iroId, decision());
		followUps.markDone(id, iroId, 'Done', NOW);
		expect(outcomes.removeDecision(meetingId, id, iroId)).toBe(false);
		const other = outcomes.addDecision(meeting, iroId, decision());
		expect(outcomes.removeDecision('another-meeting', other, iroId)).toBe(false);
		expect(outcomes.removeDecision(meetingId, other, iroId)).toBe(true);
	});
});
