import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The record cannot be bent by accident: a meeting that has happened can be neither moved nor
 * cancelled, nothing is booked in the past, a request for support belongs to the meeting it was made
 * for, and the caseload counters agree with the table's tags.
 */
process.env.DATABASE_PATH = ':memory:';
vi.mock('$env/dynamic/private', () => ({ env: process.env }));

const { eq } = await import('drizzle-orm');
const { createUser } = await import('../../src/lib/server/accounts');
const { caseload, createChild } = await import('../../src/lib/server/children');
const meetings = await import('../../src/lib/server/meetings');
const support = await import('../../src/lib/server/support');
const pack = await import('../../src/lib/server/pack');
const reviews = await import('../../src/lib/server/reviews');
const { db, tables } = await import('../../src/lib/server/db');
const { londonInstant } = await import('../../src/lib/domain/london-time');
const { caseloadCounts, COUNTED_TAGS } = await import('../../src/lib/domain/timescales');

const at = (date: string) => londonInstant(date, '10:00');
const NOW = at('2026-09-01');
const DAY = 86_400_000;

let iroId: string;

function newChild(fullName: string, startDate = '2025-06-02', status: 'cared_for' | 'cp_plan' = 'cared_for') {
	return createChild({
		iroId,
		fullName,
		preferredName: '',
		dateOfBirth: '2014-04-04',
		status,
		startDate,
		languages: '',
		communicationNeeds: ''
	});
}

function meeting(childId: string, date: string) {
	return meetings.scheduleMeeting({
		childId,
		kind: 'cla_review',
		startsAt: at(date),
		venue: 'Family centre',
		mode: 'in_person'
	});
}

const row = (childId: string, id: string) => meetings.meetingOfChild(childId, id)!;

/** A past review its IRO wrote up as held on the day it was booked for (timescales run from it). */
function held(childId: string, date: string) {
	const id = meeting(childId, date);
	const written = reviews.writeUpReview(
		childId,
		id,
		{
			held: true,
			heldOn: date,
			childCame: true,
			carerIds: [],
			socialWorker: false,
			others: [],
			code: 'PN1',
			chaired: 'no',
			spokeBefore: null
		},
		iroId,
		NOW
	);
	expect(written).toBe('done');
	return id;
}
const childRow = (id: string) => db().select().from(tables.children).where(eq(tables.children.id, id)).get()!;

beforeAll(async () => {
	iroId = await createUser({ role: 'iro', username: 'ira', password: 'password one', displayName: 'Ira' });
});

describe('a meeting that has happened stays as it was', () => {
	it('cannot be moved, even to a future date, and nothing about it changes', () => {
		const childId = newChild('Held Moved');
		const held = meeting(childId, '2026-06-10');
		const before = row(childId, held);
		const result = meetings.moveMeeting(
			held,
			{ startsAt: at('2026-10-01'), venue: 'Elsewhere', mode: 'online', kind: 'cla_review' },
			NOW
		);
		expect(result).toBe('locked');
		expect(row(childId, held)).toEqual(before);
	});

	it('cannot be cancelled, so it still counts as held', () => {
		const childId = newChild('Held Cancelled');
		const held = meeting(childId, '2026-06-10');
		expect(meetings.cancelMeeting(row(childId, held), NOW)).toBe('locked');
		expect(row(childId, held).cancelledAt).toBeNull();
	});

	it('is refused by the update itself when the caller’s copy is out of date', () => {
		const childId = newChild('Stale Copy');
		const id = meeting(childId, '2026-09-05');
		const copy = row(childId, id);
		// The page was loaded before the meeting; the form is sent after it started.
		expect(meetings.cancelMeeting(copy, at('2026-09-06'))).toBe('locked');
		expect(meetings.cancelMeeting(copy, NOW)).toBe('done');
		expect(meetings.cancelMeeting(copy, NOW)).toBe('locked');
	});
});

describe('nothing is booked in the past', () => {
	it('refuses to book a meeting before now, and books one after', () => {
		const childId = newChild('Booked Past');
		expect(
			meetings.bookMeeting(
				{ childId, kind: 'cla_review', startsAt: NOW - DAY, venue: 'Office', mode: 'online' },
				NOW
			)
		).toEqual({ ok: false, reason: 'past' });
		expect(meetings.meetingsOfChild(childId)).toEqual([]);
		const booked = meetings.bookMeeting(
			{ childId, kind: 'cla_review', startsAt: NOW + DAY, venue: 'Office', mode: 'online' },
			NOW
		);
		expect(booked.ok).toBe(true);
		expect(meetings.meetingsOfChild(childId)).toHaveLength(1);
	});

	it('refuses to move a coming meeting into the past, where it would count as held', () => {
		const childId = newChild('Moved Back');
		const id = meeting(childId, '2026-09-20');
		const before = row(childId, id);
		const result = meetings.moveMeeting(
			id,
			{ startsAt: at('2026-08-01'), venue: 'Office', mode: 'online', kind: 'cla_review' },
			NOW
		);
		expect(result).toBe('past');
		expect(row(childId, id)).toEqual(before);
		expect(
			meetings.moveMeeting(
				id,
				{ startsAt: at('2026-09-25'), venue: 'Office', mode: 'online', kind: 'cla_review' },
				NOW
			)
		).toBe('done');
		expect(row(childId, id)).toMatchObject({ startsAt: at('2026-09-25'), venue: 'Office' });
	});
});

describe('a request for support belongs to the meeting it was made for', () => {
	it('a request made for the December meeting does not show on the June review’s pack', () => {
		const childId = newChild('Dee Cember');
		const june = meeting(childId, '2026-06-10');
		const december = meeting(childId, '2026-12-10');
		const asked = support.requestSupport(childId, 'advocate', 'For December', NOW);
		expect(asked.ok).toBe(true);
		const id = asked.ok ? asked.id : '';
		expect(support.supportRequestById(id)?.meetingId).toBe(december);

		const child = childRow(childId);
		expect(pack.assemblePack(row(childId, june), child, NOW).support).toEqual([]);
		expect(pack.assemblePack(row(childId, december), child, NOW).support).toMatchObject([
			{ id, kind: 'advocate', earlier: false }
		]);
	});

	it('a request from an earlier meeting still waiting stays in sight on the next pack, marked so', () => {
		const childId = newChild('Still Waiting');
		const june = meeting(childId, '2026-06-10');
		const december = meeting(childId, '2026-12-10');
		const asked = support.requestSupport(childId, 'independentVisitor', '', at('2026-05-01'));
		const id = asked.ok ? asked.id : '';
		expect(support.supportRequestById(id)?.meetingId).toBe(june);
		const child = childRow(childId);
		expect(pack.assemblePack(row(childId, june), child, NOW).support).toMatchObject([{ id, earlier: false }]);
		expect(pack.assemblePack(row(childId, december), child, NOW).support).toMatchObject([
			{ id, earlier: true }
		]);
		// Once arranged, it belongs to June's pack only.
		expect(support.setSupportStatus(id, 'arranged', NOW)).toBe(true);
		expect(pack.assemblePack(row(childId, december), child, NOW).support).toEqual([]);
		expect(pack.assemblePack(row(childId, june), child, NOW).support).toHaveLength(1);
	});

	it('follows a cancelled meeting to the one booked instead', () => {
		const childId = newChild('Re Booked');
		const first = meeting(childId, '2026-10-01');
		const asked = support.requestSupport(childId, 'advocate', '', NOW);
		const id = asked.ok ? asked.id : '';
		expect(meetings.cancelMeeting(row(childId, first), NOW)).toBe('done');
		const instead = meetings.bookMeeting(
			{ childId, kind: 'cla_review', startsAt: at('2026-10-15'), venue: 'Office', mode: 'online' },
			NOW
		);
		expect(instead.ok && support.supportRequestById(id)?.meetingId).toBe(instead.ok && instead.id);
	});
});

describe('the caseload counters agree with the table', () => {
	it('counts a child who is overdue and booked after the due date as booked after the due date', async () => {
		iroId = await createUser({
			role: 'iro',
			username: 'counts',
			password: 'password two',
			displayName: 'Cy'
		});
		// Reviews held in December and February: the next was due by 10 August, and is booked for December.
		const late = newChild('Overdue Booked Late');
		held(late, '2025-12-10');
		held(late, '2026-02-10');
		meeting(late, '2026-12-10');
		// Due by 10 August, nothing booked.
		const overdue = newChild('Overdue Not Booked');
		held(overdue, '2025-12-10');
		held(overdue, '2026-02-10');
		// Due by 10 October (3 months after the first review), booked for November.
		const bookedLate = newChild('Booked Late');
		held(bookedLate, '2026-07-10');
		meeting(bookedLate, '2026-11-10');
		// Due by 10 September, nothing booked: due soon.
		const soon = newChild('Due Soon');
		held(soon, '2026-06-10');
		// Due by 10 November, booked in October: in timescale.
		const fine = newChild('In Time');
		held(fine, '2026-08-10');
		meeting(fine, '2026-10-10');

		const rows = caseload(iroId, NOW);
		const tagsOf = (id: string) => rows.find((r) => r.child.id === id)?.tags;
		expect(tagsOf(late)).toEqual(['overdue', 'scheduled_late']);
		expect(tagsOf(overdue)).toEqual(['overdue']);
		expect(tagsOf(bookedLate)).toEqual(['scheduled_late']);
		expect(tagsOf(soon)).toEqual(['due_soon']);
		expect(tagsOf(fine)).toEqual(['on_track']);

		const counts = caseloadCounts(rows);
		expect(counts).toEqual({ children: 5, overdue: 2, scheduled_late: 2, due_soon: 1 });
		for (const tag of COUNTED_TAGS) expect(counts[tag]).toBe(rows.filter((r) => r.tags.includes(tag)).length);
	});
});
