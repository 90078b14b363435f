import { describe, expect, it } from 'vitest';

/** A meeting that is cancelled or moved: what the child and carers prepared follows the next meeting. */

const { newIro, newChild } = await import('./support/people');
const { addCarer } = await import('../../src/lib/server/carers');
const { scheduleMeeting, cancelMeeting, moveMeeting, meetingOfChild, meetingToPrepare } =
	await import('../../src/lib/server/meetings');

const { homeMeetings } = await import('../../src/lib/server/home');
const { db, tables } = await import('../../src/lib/server/db');
const { eq } = await import('drizzle-orm');

const DAY = 86_400_000;

describe('preparation follows the meeting', async () => {
	const childId = newChild(await newIro('iro'), {
		fullName: 'Ada Child',
		dateOfBirth: '2015-02-02',
		startDate: '2026-01-05'
	});
	const carerId = addCarer(childId, { fullName: 'Cara', relationship: 'Mum', email: '', phone: '' });
	const now = Date.now();
	const first = scheduleMeeting({
		childId,
		kind: 'cla_review',
		startsAt: now + 10 * DAY,
		venue: 'School',
		mode: 'in_person'
	});
	db()
		.insert(tables.consultations)
		.values({
			id: 'c1',
			childId,
			meetingId: first,
			version: 'middle',
			age: 11,
			answers: '{"good":{"value":"my dog","visibility":"iro","updatedAt":1}}',
			createdAt: now,
			updatedAt: now
		})
		.run();
	db()
		.insert(tables.agendaItems)
		.values({
			id: 'a1',
			childId,
			meetingId: first,
			position: 0,
			text: 'Family time',
			raiser: 'me',
			visibility: 'iro',
			createdAt: now,
			updatedAt: now
		})
		.run();
	db()
		.insert(tables.meetingChoices)
		.values({ meetingId: first, childId, chair: 'me', choices: '{}', updatedAt: now })
		.run();
	db()
		.insert(tables.carerViews)
		.values({ id: 'v1', meetingId: first, carerId, goingWell: 'Settled', updatedAt: now })
		.run();
	const meetingOf = (
		table: typeof tables.consultations | typeof tables.agendaItems | typeof tables.carerViews,
		id: string
	) => db().select({ m: table.meetingId }).from(table).where(eq(table.id, id)).get()?.m;

	it('stays with a meeting that is moved', () => {
		moveMeeting(first, { startsAt: now + 12 * DAY, venue: 'Office', mode: 'online', kind: 'cla_review' });
		expect(meetingOfChild(childId, first)?.venue).toBe('Office');
		expect(meetingToPrepare(childId)?.id).toBe(first);
		// The home pages find the same meeting among all the child's.
		expect(homeMeetings(childId).next?.id).toBe(first);
		expect(meetingOf(tables.consultations, 'c1')).toBe(first);
	});

	it('moves to the next meeting when this one is cancelled', () => {
		cancelMeeting(meetingOfChild(childId, first)!);
		expect(meetingToPrepare(childId)).toBeNull();
		expect(homeMeetings(childId).next).toBeNull();
		const second = scheduleMeeting({
			childId,
			kind: 'cla_review',
			startsAt: now + 20 * DAY,
			venue: 'Home',
			mode: 'hybrid'
		});
		expect(meetingToPrepare(childId)?.id).toBe(second);
		expect(homeMeetings(childId).next?.id).toBe(second);
		// Once it has started, neither finds a meeting to get ready for.
		expect(homeMeetings(childId, now + 21 * DAY).next).toBeNull();
		expect(meetingToPrepare(childId, now + 21 * DAY)).toBeNull();
		expect(meetingOf(tables.consultations, 'c1')).toBe(second);
		expect(meetingOf(tables.agendaItems, 'a1')).toBe(second);
		expect(meetingOf(tables.carerViews, 'v1')).toBe(second);
		expect(
			db().select().from(tables.meetingChoices).where(eq(tables.meetingChoices.meetingId, second)).get()
				?.chair
		).toBe('me');
	});
});
