import { beforeAll, describe, expect, it } from 'vitest';

/** "My agenda" against an in-memory database: add, change, remove, move, reorder and the limits. */

const { newIro, newChild, DAY } = await import('./support/people');
const { scheduleMeeting, cancelMeeting, meetingOfChild, meetingForPreparing } =
	await import('../../src/lib/server/meetings');
const agenda = await import('../../src/lib/server/agenda');
const { AGENDA_MAX_ITEMS } = await import('../../src/lib/domain/agenda');
const { agendaItemSchema, editItemSchema, reorderSchema } = await import('../../src/lib/forms/prepare');

let childId: string;
let otherChildId: string;
let meetingId: string;
let otherMeetingId: string;
let iroId: string;

const add = (text: string, extra: Partial<{ raiser: 'me' | 'iro'; visibility: 'iro' | 'everyone' }> = {}) =>
	agenda.addAgendaItem({ childId, meetingId, text, raiser: 'me', visibility: 'iro', ...extra });
const texts = () => agenda.agendaFor(meetingId).map((i) => i.text);
const idOf = (text: string) => agenda.agendaFor(meetingId).find((i) => i.text === text)!.id;
const clear = () => agenda.agendaFor(meetingId).forEach((i) => agenda.removeAgendaItem(childId, i.id));

beforeAll(async () => {
	iroId = await newIro('iro');
	childId = newChild(iroId, { fullName: 'Ada Lovelace' });
	otherChildId = newChild(iroId, { fullName: 'Bo Other' });
	const at = { kind: 'cla_review' as const, venue: 'Home', mode: 'in_person' as const };
	meetingId = scheduleMeeting({ childId, startsAt: Date.now() + 9 * DAY, ...at });
	otherMeetingId = scheduleMeeting({ childId: otherChildId, startsAt: Date.now() + 6 * DAY, ...at });
});

describe('adding to my agenda', () => {
	it('adds items at the end, in the order they were added', () => {
		clear();
		expect(add('School').ok).toBe(true);
		expect(add('Family time', { raiser: 'iro', visibility: 'everyone' }).ok).toBe(true);
		const items = agenda.agendaFor(meetingId);
		expect(items.map((i) => [i.text, i.raiser, i.visibility, i.position])).toEqual([
			['School', 'me', 'iro', 0],
			['Family time', 'iro', 'everyone', 1]
		]);
	});

	it(`refuses more than ${AGENDA_MAX_ITEMS} items`, () => {
		clear();
		for (let i = 0; i < AGENDA_MAX_ITEMS; i++) expect(add(`Item ${i}`).ok).toBe(true);
		expect(add('One too many')).toEqual({ ok: false, reason: 'tooMany' });
		expect(texts()).toHaveLength(AGENDA_MAX_ITEMS);
		expect(texts()).not.toContain('One too many');
	});

	it('checks the words: required, one line, not too long, cleaned', () => {
		expect(agendaItemSchema.safeParse({ text: '   ' }).success).toBe(false);
		const long = agendaItemSchema.safeParse({ text: 'x'.repeat(301) });
		expect(long.success).toBe(false);
		expect(long.error?.issues[0].message).toBe('prepare:errors.itemTooLong|count=300');
		expect(agendaItemSchema.parse({ text: 'x'.repeat(300) }).text).toHaveLength(300);
		expect(agendaItemSchema.parse({ text: '  My\nplans \u202E ' })).toEqual({
			text: 'My plans',
			raiser: 'me',
			visibility: 'iro'
		});
		expect(agendaItemSchema.safeParse({ text: 'School', raiser: 'someone' }).success).toBe(false);
		expect(agendaItemSchema.safeParse({ text: 'School', visibility: 'all' }).success).toBe(false);
		expect(editItemSchema.parse({ itemId: ' abc ', text: 'School', raiser: 'iro' }).itemId).toBe('abc');
	});
});

describe('for the caseload', () => {
	it('counts items per meeting', () => {
		clear();
		['A', 'B'].forEach((t) => add(t));
		const counts = agenda.agendaCounts([meetingId, otherMeetingId]);
		expect(counts.get(meetingId)).toBe(2);
		expect(counts.has(otherMeetingId)).toBe(false);
		expect(agenda.agendaCounts([]).size).toBe(0);
	});
});

describe('changing and removing', () => {
	it('changes only the child’s own item', () => {
		clear();
		add('Scool');
		const id = idOf('Scool');
		expect(
			agenda.updateAgendaItem(otherChildId, id, { text: 'Hacked', raiser: 'me', visibility: 'iro' })
		).toBe(false);
		expect(
			agenda.updateAgendaItem(childId, id, { text: 'School', raiser: 'iro', visibility: 'everyone' })
		).toBe(true);
		expect(agenda.agendaItemOf(childId, id)).toMatchObject({
			text: 'School',
			raiser: 'iro',
			visibility: 'everyone'
		});
		expect(agenda.agendaItemOf(otherChildId, id)).toBeUndefined();
		expect(agenda.agendaItemOf(childId, '')).toBeUndefined();
	});

	it('removes an item and closes the gap', () => {
		clear();
		['A', 'B', 'C'].forEach((t) => add(t));
		expect(agenda.removeAgendaItem(otherChildId, idOf('B'))).toBeUndefined();
		expect(agenda.removeAgendaItem(childId, idOf('B'))?.text).toBe('B');
		expect(agenda.agendaFor(meetingId).map((i) => [i.text, i.position])).toEqual([
			['A', 0],
			['C', 1]
		]);
	});
});

describe('putting it in my order', () => {
	it('moves up and down one place and says where it went', () => {
		clear();
		['A', 'B', 'C'].forEach((t) => add(t));
		expect(agenda.moveAgendaItem(childId, idOf('C'), 'up')).toBe(1);
		expect(texts()).toEqual(['A', 'C', 'B']);
		expect(agenda.moveAgendaItem(childId, idOf('A'), 'down')).toBe(1);
		expect(texts()).toEqual(['C', 'A', 'B']);
		expect(agenda.agendaFor(meetingId).map((i) => i.position)).toEqual([0, 1, 2]);
	});

	it('does nothing at the ends or for someone else', () => {
		clear();
		['A', 'B'].forEach((t) => add(t));
		expect(agenda.moveAgendaItem(childId, idOf('A'), 'up')).toBeNull();
		expect(agenda.moveAgendaItem(childId, idOf('B'), 'down')).toBeNull();
		expect(agenda.moveAgendaItem(otherChildId, idOf('A'), 'down')).toBeNull();
		expect(texts()).toEqual(['A', 'B']);
	});

	it('takes a whole new order from drag and drop, only with exactly its items', () => {
		clear();
		['A', 'B', 'C'].forEach((t) => add(t));
		const [a, b, c] = ['A', 'B', 'C'].map(idOf);
		expect(agenda.reorderAgenda(childId, meetingId, [c, a, b])).toBe(true);
		expect(texts()).toEqual(['C', 'A', 'B']);
		expect(agenda.reorderAgenda(childId, meetingId, [a, b])).toBe(false);
		expect(agenda.reorderAgenda(childId, meetingId, [a, b, 'zzz'])).toBe(false);
		expect(agenda.reorderAgenda(otherChildId, meetingId, [a, b, c])).toBe(false);
		expect(agenda.reorderAgenda(childId, meetingId, [c, a, b])).toBe(true);
		expect(texts()).toEqual(['C', 'A', 'B']);
		expect(reorderSchema.parse({ order: ` ${a}, ${b},,${c}` }).order).toEqual([a, b, c]);
	});
});

describe('which meeting', () => {
	it('is the next one, open for changes; none when nothing is booked', () => {
		expect(meetingForPreparing(childId)).toMatchObject({ meeting: { id: meetingId }, open: true });
		const noMeeting = newChild(iroId, { fullName: 'Cy None' });
		expect(meetingForPreparing(noMeeting)).toBeNull();
	});

	it('is today’s meeting, read-only, once it has started', () => {
		const meeting = meetingOfChild(otherChildId, otherMeetingId)!;
		const started = meeting.startsAt + 60_000;
		expect(meetingForPreparing(otherChildId, started)).toMatchObject({
			meeting: { id: otherMeetingId },
			open: false
		});
		expect(meetingForPreparing(otherChildId, meeting.startsAt + 2 * DAY)).toBeNull();
	});

	it('keeps the agenda when the meeting is cancelled and another is booked', () => {
		clear();
		add('Keep me');
		cancelMeeting(meetingOfChild(childId, meetingId)!);
		const next = scheduleMeeting({
			childId,
			startsAt: Date.now() + 20 * DAY,
			kind: 'cla_review',
			venue: 'School',
			mode: 'online'
		});
		expect(agenda.agendaFor(next).map((i) => i.text)).toEqual(['Keep me']);
		meetingId = next;
	});
});
