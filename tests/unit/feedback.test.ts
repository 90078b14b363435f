import { beforeAll, describe, expect, it } from 'vitest';

/**
 * "How was my meeting?" against an in-memory database: only a review its IRO recorded as held is
 * asked about; each respondent answers or skips once; the IRO reads it; counts carry no names.
 */
const { newIro, newChild, bookMeeting, DAY } = await import('./support/people');
const { eq } = await import('drizzle-orm');
const { db, tables } = await import('../../src/lib/server/db');
const { addCarer } = await import('../../src/lib/server/carers');
const { setChair } = await import('../../src/lib/server/choices');
const { meetingOfChild } = await import('../../src/lib/server/meetings');
const { auditOf } = await import('../../src/lib/server/audit');
const feedback = await import('../../src/lib/server/feedback');
const { childFeedbackSchema, carerFeedbackSchema } = await import('../../src/lib/forms/feedback');

const NOW = Date.now();
let iroId: string;

function writeUp(meetingId: string, heldOn: string | null) {
	db()
		.update(tables.meetings)
		.set({ heldOn, notHeldReason: heldOn ? null : 'Child ill', writtenUpAt: NOW - DAY, writtenUpBy: iroId })
		.where(eq(tables.meetings.id, meetingId))
		.run();
}

function pastMeeting(childId: string, daysAgo: number) {
	return bookMeeting(childId, -daysAgo, NOW);
}

const meeting = (childId: string, id: string) => meetingOfChild(childId, id)!;
const CHILD = { respondent: 'child' } as const;

beforeAll(async () => {
	iroId = await newIro('fb-iro');
});

describe('which review is asked about', () => {
	it('asks about nothing before a review is written up as held, and never about one not held', () => {
		const childId = newChild(iroId, { dateOfBirth: '2016-05-05' });
		const child = { id: childId, dateOfBirth: '2016-05-05' };
		const past = pastMeeting(childId, 3);
		expect(feedback.feedbackDue(child, CHILD, NOW)).toBeNull();
		writeUp(past, null);
		expect(feedback.feedbackDue(child, CHILD, NOW)).toBeNull();
		const held = pastMeeting(childId, 2);
		writeUp(held, '2026-01-01');
		expect(feedback.feedbackDue(child, CHILD, NOW)?.id).toBe(held);
	});

	it('asks about the latest held review only, until it is answered or skipped', async () => {
		const childId = newChild(iroId);
		const child = { id: childId, dateOfBirth: '2016-05-05' };
		const older = pastMeeting(childId, 200);
		const latest = pastMeeting(childId, 10);
		writeUp(older, '2025-01-01');
		writeUp(latest, '2025-07-01');
		expect(feedback.feedbackDue(child, CHILD, NOW)?.id).toBe(latest);
		const userId = await newIro('fb-child-user-1');
		const result = feedback.saveFeedback({
			meeting: meeting(childId, latest),
			who: CHILD,
			userId,
			version: 'middle',
			answers: { listened: 'yes' },
			change: '',
			skip: false,
			now: NOW
		});
		expect(result).toBe('given');
		expect(feedback.feedbackDue(child, CHILD, NOW)).toBeNull();
	});

	it('uses the My say version for the child’s age on the day, and asks a chairing child about chairing', () => {
		const childId = newChild(iroId, { dateOfBirth: '2020-03-01' });
		const id = pastMeeting(childId, 5);
		writeUp(id, '2026-03-02');
		expect(feedback.childVersion({ dateOfBirth: '2020-03-01' }, meeting(childId, id))).toBe('young');
		expect(feedback.childVersion({ dateOfBirth: '2010-03-01' }, meeting(childId, id))).toBe('teen');
		expect(feedback.childVersion({ dateOfBirth: '2024-03-01' }, meeting(childId, id))).toBeNull();
		expect(feedback.childQuestions(id)).not.toContain('ranMeeting');
		setChair(childId, id, 'cochair');
		expect(feedback.childQuestions(id)).toContain('ranMeeting');
	});
});

describe('giving and skipping', () => {
	it('stores once per respondent, audited; a skip or an empty form sends nothing and is not asked again', async () => {
		const childId = newChild(iroId);
		const id = pastMeeting(childId, 4);
		writeUp(id, '2026-01-05');
		const carerA = addCarer(childId, { fullName: 'Carer A', relationship: 'Mum', email: '', phone: '' });
		const carerB = addCarer(childId, { fullName: 'Carer B', relationship: 'Dad', email: '', phone: '' });
		const childUser = await newIro('fb-child-user-2');
		const carerUser = await newIro('fb-carer-user');
		const m = meeting(childId, id);
		const base = { meeting: m, userId: childUser, version: 'middle' as const, change: '', now: NOW };

		expect(feedback.saveFeedback({ ...base, who: CHILD, answers: {}, skip: false })).toBe('skipped');
		expect(feedback.saveFeedback({ ...base, who: CHILD, answers: { listened: 'no' }, skip: false })).toBe(
			'already'
		);
		expect(feedback.feedbackOf(id, CHILD)).toMatchObject({ skippedAt: NOW, answers: '{}' });

		const who = { respondent: 'carer' as const, carerId: carerA };
		expect(
			feedback.saveFeedback({
				...base,
				userId: carerUser,
				who,
				version: null,
				answers: { listenedTo: 'partly', childHeard: 'yes' },
				change: 'Earlier in the day please',
				skip: false
			})
		).toBe('given');
		expect(
			feedback.saveFeedback({
				...base,
				userId: carerUser,
				who: { respondent: 'carer', carerId: carerB },
				version: null,
				answers: { listenedTo: 'yes' },
				skip: true
			})
		).toBe('skipped');
		expect(feedback.feedbackOf(id, { respondent: 'carer', carerId: carerB })).toMatchObject({
			answers: '{}',
			change: ''
		});

		const read = feedback.feedbackOfMeeting(id);
		expect(read.child).toMatchObject({ respondent: 'child', skippedAt: NOW });
		expect(read.carers).toHaveLength(2);
		expect(read.carers.find((c) => c.carerId === carerA)).toMatchObject({
			carerName: 'Carer A',
			answers: { listenedTo: 'partly', childHeard: 'yes' },
			change: 'Earlier in the day please',
			skippedAt: null
		});

		const audit = auditOf(id);
		expect(audit.filter((a) => a.action === 'feedback.given')).toHaveLength(1);
		expect(audit.filter((a) => a.action === 'feedback.skipped')).toHaveLength(2);

		const counts = feedback.countsOfMeetings([id]);
		expect(counts.given).toEqual({ child: 0, carer: 1 });
		expect(counts.skipped).toEqual({ child: 1, carer: 1 });
		expect(counts.answers.carer.listenedTo.partly).toBe(1);
		expect(JSON.stringify(counts)).not.toContain('Carer A');
		expect(JSON.stringify(counts)).not.toContain('Earlier');
	});
});

describe('the forms', () => {
	it('takes every question as optional, refuses answers off the scale, keeps the text cleaned', () => {
		expect(childFeedbackSchema.parse({})).toEqual({ answers: {}, change: '' });
		expect(
			childFeedbackSchema.parse({ listened: 'yes', decided: '', change: '  More snacks \u202E ' })
		).toEqual({ answers: { listened: 'yes' }, change: 'More snacks' });
		const bad = childFeedbackSchema.safeParse({ listened: 'maybe' });
		expect(bad.success).toBe(false);
		expect(carerFeedbackSchema.parse({ childHeard: 'partly', listened: 'yes' })).toEqual({
			answers: { childHeard: 'partly' },
			change: ''
		});
		expect(childFeedbackSchema.safeParse({ change: 'x'.repeat(1001) }).success).toBe(false);
	});
});
