import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Suggested agenda ideas are stored as their key and read in each reader's language: an Arabic child's
 * "المدرسة" reaches an English IRO as "School", and is not suggested again after a language switch.
 */

const { newIro, newChild, DAY } = await import('./support/people');
const { scheduleMeeting } = await import('../../src/lib/server/meetings');
const agenda = await import('../../src/lib/server/agenda');
const { translator } = await import('../../src/lib/server/i18n');
const { db, tables } = await import('../../src/lib/server/db');
const { eq } = await import('drizzle-orm');
const { ideaOfWords, agendaWords, ideasToOffer } = await import('../../src/lib/domain/agenda');

const en = translator('en');
const ar = translator('ar');
const pl = translator('pl');

let childId: string;
let meetingId: string;

beforeAll(async () => {
	const iroId = await newIro('iro');
	childId = newChild(iroId, { fullName: 'Zara Test' });
	meetingId = scheduleMeeting({
		childId,
		startsAt: Date.now() + 9 * DAY,
		kind: 'cla_review',
		venue: 'Home',
		mode: 'in_person'
	});
});

describe('which idea some words are', () => {
	const words = {
		school: ['School', 'المدرسة'],
		money: ['Money', 'المال']
	} as Record<string, string[]>;
	const wordsOf = (idea: string) => words[idea] ?? [];

	it('finds the idea in any language, however it is spaced or capitalised', () => {
		expect(ideaOfWords('School', wordsOf)).toBe('school');
		expect(ideaOfWords('  school ', wordsOf)).toBe('school');
		expect(ideaOfWords('المدرسة', wordsOf)).toBe('school');
		expect(ideaOfWords('MONEY', wordsOf)).toBe('money');
	});

	it('leaves the child’s own words as they are', () => {
		expect(ideaOfWords('My new school', wordsOf)).toBeNull();
		expect(ideaOfWords('', wordsOf)).toBeNull();
	});

	it('shows an idea in the reader’s words and own words with the language they were written in', () => {
		const inEnglish = (idea: string) => (idea === 'school' ? 'School' : idea);
		expect(agendaWords({ text: 'المدرسة', ideaKey: 'school', lang: 'ar' }, inEnglish)).toEqual({
			text: 'School',
			lang: null
		});
		expect(agendaWords({ text: 'أخي', ideaKey: null, lang: 'ar' }, inEnglish)).toEqual({
			text: 'أخي',
			lang: 'ar'
		});
	});

	it('never suggests again an idea already on the agenda, whatever language it was picked in', () => {
		const inEnglish = (idea: string) => en(`prepare:starters.${idea}`);
		const offered = ideasToOffer(
			[
				{ text: 'المدرسة', ideaKey: 'school' },
				{ text: 'Money', ideaKey: null }
			],
			inEnglish
		);
		expect(offered).not.toContain('school');
		expect(offered).not.toContain('money');
		expect(offered).toContain('friends');
	});
});

describe('agenda items stored with their idea', () => {
	it('stores an idea picked in Arabic as its key, and each reader reads it in their language', () => {
		const added = agenda.addAgendaItem({
			childId,
			meetingId,
			text: ar('prepare:starters.school'),
			lang: 'ar',
			raiser: 'me',
			visibility: 'iro'
		});
		expect(added.ok).toBe(true);
		const stored = agenda.agendaFor(meetingId);
		expect(stored.map((i) => i.ideaKey)).toEqual(['school']);
		expect(agenda.agendaAsRead(meetingId, en).map((i) => [i.text, i.lang])).toEqual([['School', null]]);
		expect(agenda.agendaAsRead(meetingId, pl).map((i) => i.text)).toEqual([pl('prepare:starters.school')]);
		expect(agenda.ideasLeft(stored, en)).not.toContain('school');
		expect(agenda.ideasLeft(stored, ar)).not.toContain('school');
	});

	it('keeps the child’s own words, and the language they wrote them in', () => {
		agenda.addAgendaItem({
			childId,
			meetingId,
			text: 'رؤية أخي',
			lang: 'ar',
			raiser: 'me',
			visibility: 'iro'
		});
		const own = agenda.agendaAsRead(meetingId, en).find((i) => i.ideaKey === null)!;
		expect([own.text, own.lang]).toEqual(['رؤية أخي', 'ar']);
	});

	it('gives items stored as words before the change their idea, and only once', () => {
		const id = 'old-item';
		db()
			.insert(tables.agendaItems)
			.values({
				id,
				childId,
				meetingId,
				position: 9,
				text: 'المال',
				raiser: 'me',
				visibility: 'iro',
				createdAt: 1,
				updatedAt: 1
			})
			.run();
		expect(agenda.keyStoredIdeas()).toBe(1);
		const row = db().select().from(tables.agendaItems).where(eq(tables.agendaItems.id, id)).get()!;
		expect(row.ideaKey).toBe('money');
		expect(agenda.keyStoredIdeas()).toBe(0);
		expect(agenda.agendaAsRead(meetingId, en).map((i) => i.text)).toContain('Money');
	});
});
