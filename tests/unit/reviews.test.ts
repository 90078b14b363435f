import { describe, expect, it } from 'vitest';
import type { WriteUp } from '../../src/lib/server/reviews';

/**
 * After the meeting: the IRO writes the review up (held, with who came and how the child took part, or
 * not held and why), corrects it (audited), and cannot write up what has not happened; the timescales
 * run from the recorded held date; moving or cancelling a meeting tells the child and their carers.
 */
const { newIro, newChild } = await import('./support/people');
const { addCarer, linkCarer } = await import('../../src/lib/server/carers');
const meetings = await import('../../src/lib/server/meetings');
const reviews = await import('../../src/lib/server/reviews');
const notices = await import('../../src/lib/server/meeting-notices');
const { caseload, timescaleOf } = await import('../../src/lib/server/children');
const { childSummary } = await import('../../src/lib/server/home');
const { auditOf } = await import('../../src/lib/server/audit');
const { db, tables } = await import('../../src/lib/server/db');
const { eq } = await import('drizzle-orm');
const { londonInstant } = await import('../../src/lib/domain/london-time');

const at = (date: string, time = '10:00') => londonInstant(date, time);
const NOW = at('2026-09-01', '12:00');
const DAY = 86_400_000;

const iroId = await newIro('ira');
const otherIro = await newIro('oscar', 'Oscar Other');

function meeting(childId: string, startsAt: number) {
	return meetings.scheduleMeeting({
		childId,
		kind: 'cla_review',
		startsAt,
		venue: 'Family centre',
		mode: 'in_person'
	});
}
const row = (childId: string, id: string) => meetings.meetingOfChild(childId, id)!;
const childRow = (id: string) => db().select().from(tables.children).where(eq(tables.children.id, id)).get()!;

type Held = Extract<WriteUp, { held: true }>;
const heldInput = (heldOn: string, extra: Partial<Held> = {}): Held => ({
	held: true,
	heldOn,
	childCame: true,
	carerIds: [],
	socialWorker: true,
	others: ['Teacher'],
	code: 'PN1',
	chaired: 'chaired',
	spokeBefore: { on: '2026-08-20', how: 'phone' },
	...extra
});

describe('writing a review up', () => {
	it('as held: the date, who came, the code, chairing and talking first are kept, and audited', () => {
		const childId = newChild(iroId, { fullName: 'Hana Held', startDate: '2026-01-05' });
		const carerId = addCarer(childId, { fullName: 'Cara Carer', relationship: 'Mum', email: '', phone: '' });
		const stranger = addCarer(newChild(iroId, { fullName: 'Not Linked' }), {
			fullName: 'Stranger',
			relationship: 'Dad',
			email: '',
			phone: ''
		});
		const id = meeting(childId, at('2026-08-27'));
		expect(
			reviews.writeUpReview(
				childId,
				id,
				heldInput('2026-08-27', { carerIds: [carerId, stranger] }),
				iroId,
				NOW
			)
		).toBe('done');
		const m = row(childId, id);
		expect(m).toMatchObject({
			heldOn: '2026-08-27',
			notHeldReason: null,
			writtenUpAt: NOW,
			writtenUpBy: iroId
		});
		const written = reviews.writeUpOf(m)!;
		expect(written).toMatchObject({
			held: true,
			childCame: true,
			carerIds: [carerId], // a carer not linked to this child is not recorded
			socialWorker: true,
			others: ['Teacher']
		});
		expect(written.participation).toMatchObject({
			code: 'PN1',
			chaired: 'chaired',
			spokeBeforeOn: '2026-08-20',
			spokeBeforeHow: 'phone'
		});
		expect(auditOf(id, reviews.REVIEW_WRITTEN_UP)).toHaveLength(1);
		// Held is what the IRO recorded: now it cannot be moved or cancelled.
		expect(
			meetings.moveMeeting(
				id,
				{ startsAt: NOW + 5 * DAY, venue: 'X', mode: 'online', kind: 'cla_review' },
				NOW
			)
		).toBe('locked');
		expect(meetings.cancelMeeting(m, NOW)).toBe('locked');
	});

	it('as not held: the reason is kept, nothing of who came, and the review stays overdue', () => {
		const childId = newChild(iroId, { fullName: 'Noor Notheld', startDate: '2026-01-05' });
		const id = meeting(childId, at('2026-02-02'));
		const before = timescaleOf(childRow(childId), meetings.meetingsOfChild(childId), NOW);
		expect(before.toWriteUp).toBe(1);
		expect(before.tags).toEqual(['overdue']);
		expect(reviews.writeUpReview(childId, id, { held: false, reason: 'The child was ill' }, iroId, NOW)).toBe(
			'done'
		);
		const m = row(childId, id);
		expect(m).toMatchObject({ heldOn: null, notHeldReason: 'The child was ill', writtenUpAt: NOW });
		expect(reviews.writeUpOf(m)).toMatchObject({ held: false, participation: null, others: [] });
		const after = timescaleOf(childRow(childId), meetings.meetingsOfChild(childId), NOW);
		expect(after.toWriteUp).toBe(0);
		expect(after.due).toEqual({ kind: 'cla_review', due: '2026-02-02', number: 1 });
		expect(after.tags).toEqual(['overdue']);
	});

	it('can be corrected: the last write-up stands, and the correction is audited', () => {
		const childId = newChild(iroId, { fullName: 'Cory Corrected' });
		const id = meeting(childId, at('2026-08-10'));
		expect(reviews.writeUpReview(childId, id, { held: false, reason: 'Nobody came' }, iroId, NOW)).toBe(
			'done'
		);
		expect(
			reviews.writeUpReview(
				childId,
				id,
				heldInput('2026-08-11', { code: 'PN6', childCame: false }),
				iroId,
				NOW + 1
			)
		).toBe('done');
		const m = row(childId, id);
		expect(m).toMatchObject({ heldOn: '2026-08-11', notHeldReason: null });
		expect(reviews.writeUpOf(m)).toMatchObject({ childCame: false, participation: { code: 'PN6' } });
		expect(auditOf(id, reviews.REVIEW_WRITTEN_UP)).toHaveLength(1);
		expect(auditOf(id, reviews.REVIEW_CORRECTED)).toHaveLength(1);
		// Back to not held: who came and the code go.
		expect(reviews.writeUpReview(childId, id, { held: false, reason: 'Nobody came' }, iroId, NOW + 2)).toBe(
			'done'
		);
		expect(reviews.writeUpOf(row(childId, id))).toMatchObject({
			held: false,
			childCame: false,
			participation: null
		});
	});

	it('is refused for a meeting still to come, a cancelled one, another child’s, or a held date in the future', () => {
		const childId = newChild(iroId, { fullName: 'Rita Refused' });
		const otherChild = newChild(otherIro, { fullName: 'Other Child' });
		const future = meeting(childId, NOW + 3 * DAY);
		expect(reviews.writeUpReview(childId, future, heldInput('2026-09-01'), iroId, NOW)).toBe('not_passed');
		const cancelled = meeting(childId, NOW + 2 * DAY);
		expect(meetings.cancelMeeting(row(childId, cancelled), NOW)).toBe('done');
		expect(reviews.writeUpReview(childId, cancelled, heldInput('2026-09-01'), iroId, NOW + 5 * DAY)).toBe(
			'cancelled'
		);
		const past = meeting(childId, at('2026-08-28'));
		expect(reviews.writeUpReview(otherChild, past, heldInput('2026-08-28'), iroId, NOW)).toBe('not_found');
		expect(reviews.writeUpReview(childId, past, heldInput('2026-09-02'), iroId, NOW)).toBe('future');
		expect(reviews.writeUpReview(childId, past, heldInput('2026-06-01'), iroId, NOW)).toBe('too_early');
		for (const id of [future, cancelled, past]) expect(row(childId, id).writtenUpAt).toBeNull();
		expect(auditOf(past)).toEqual([]);
	});
});

describe('the caseload and the child’s home after the meeting', () => {
	it('a passed meeting waits to be written up (never held by the clock); the timescale runs from the held date', () => {
		const childId = newChild(iroId, { fullName: 'Wes Waiting', startDate: '2026-01-05' });
		const first = meeting(childId, at('2026-02-02'));
		expect(
			reviews.writeUpReview(
				childId,
				first,
				heldInput('2026-02-02', { spokeBefore: null }),
				iroId,
				at('2026-02-03')
			)
		).toBe('done');
		const second = meeting(childId, at('2026-04-30'));
		const waitingRow = caseload(iroId, NOW).find((r) => r.child.id === childId)!;
		expect(waitingRow.toWriteUp).toBe(1);
		// Only the first counts: the second was due 3 months after it.
		expect(waitingRow.due?.due).toBe('2026-05-02');
		expect(childSummary(childRow(childId), NOW).last).toEqual({
			state: 'to_write_up',
			startsAt: at('2026-04-30'),
			heldOn: null
		});
		expect(reviews.writeUpReview(childId, second, heldInput('2026-05-01'), iroId, NOW)).toBe('done');
		const heldRow = caseload(iroId, NOW).find((r) => r.child.id === childId)!;
		expect(heldRow.toWriteUp).toBe(0);
		expect(heldRow.due).toEqual({ kind: 'cla_review', due: '2026-11-01', number: 3 });
		expect(childSummary(childRow(childId), NOW).last).toMatchObject({ state: 'held', heldOn: '2026-05-01' });
	});
});

describe('moving or cancelling a meeting tells the child and their carers', () => {
	it('stores a kind and its times for the child, and emails each linked carer without the child’s name', () => {
		const childId = newChild(iroId, { fullName: 'Milo Moved', preferredName: 'Milo' });
		const carerId = addCarer(childId, {
			fullName: 'Pat Parent',
			relationship: 'Dad',
			email: 'pat.parent@example.com',
			phone: ''
		});
		const noEmail = addCarer(childId, { fullName: 'No Email', relationship: 'Aunt', email: '', phone: '' });
		linkCarer(childId, noEmail, 'Aunt');
		void carerId;
		const startsAt = NOW + 10 * DAY;
		const id = meeting(childId, startsAt);
		const moved = NOW + 12 * DAY;
		expect(
			meetings.moveMeeting(
				id,
				{ startsAt: moved, venue: 'School', mode: 'online', kind: 'cla_review' },
				NOW,
				iroId
			)
		).toBe('done');
		expect(notices.changesForChild(childId)).toMatchObject([
			{ meetingId: id, kind: 'moved', fromStartsAt: startsAt, toStartsAt: moved, byUserId: iroId }
		]);
		expect(meetings.cancelMeeting(row(childId, id), NOW + 1, iroId)).toBe('done');
		expect(notices.changesForChild(childId).map((c) => c.kind)).toEqual(['moved', 'cancelled']);
		expect(notices.recentChanges(childId, NOW + 2).map((c) => c.kind)).toEqual(['cancelled', 'moved']);
		expect(notices.recentChanges(childId, NOW + 15 * DAY)).toEqual([]);

		const mail = db()
			.select()
			.from(tables.outbox)
			.where(eq(tables.outbox.to, 'pat.parent@example.com'))
			.all();
		expect(mail.map((m) => m.subject)).toEqual([
			'A review meeting has been changed',
			'A review meeting has been cancelled'
		]);
		for (const m of mail) {
			expect(m.text).not.toMatch(/Milo/);
			expect(m.subject).not.toMatch(/Milo/);
		}
		expect(mail[0].text).toContain('/carer/children/');
	});

	it('a refused move or cancel tells nobody', () => {
		const childId = newChild(iroId, { fullName: 'Quinn Quiet' });
		addCarer(childId, { fullName: 'Q Carer', relationship: 'Mum', email: 'q.carer@example.com', phone: '' });
		const past = meeting(childId, NOW - DAY);
		expect(
			meetings.moveMeeting(
				past,
				{ startsAt: NOW + DAY, venue: 'X', mode: 'online', kind: 'cla_review' },
				NOW,
				iroId
			)
		).toBe('locked');
		expect(meetings.cancelMeeting(row(childId, past), NOW, iroId)).toBe('locked');
		expect(notices.changesForChild(childId)).toEqual([]);
		expect(
			db().select().from(tables.outbox).where(eq(tables.outbox.to, 'q.carer@example.com')).all()
		).toEqual([]);
	});
});
