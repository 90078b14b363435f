import { beforeAll, describe, expect, it } from 'vitest';

/** "My say" on the server (src/lib/server/consultation.ts) against an in-memory database. */

const { createUser } = await import('../../src/lib/server/accounts');
const people = await import('./support/people');
const { scheduleMeeting, cancelMeeting, hasStarted } = await import('../../src/lib/server/meetings');
const say = await import('../../src/lib/server/consultation');
const { changedSince, resumeStep } = await import('../../src/lib/domain/consultation');
const { db, tables } = await import('../../src/lib/server/db');
const { eq } = await import('drizzle-orm');

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** 1 June 2026, noon UTC: "now" for these tests. */
const NOW = Date.UTC(2026, 5, 1, 12);

let iroId: string;

async function newChild(dateOfBirth: string) {
	return {
		id: people.newChild(iroId, { fullName: `Child ${dateOfBirth}`, dateOfBirth, startDate: '2025-01-06' }),
		dateOfBirth
	};
}

function meeting(childId: string, startsAt: number) {
	return scheduleMeeting({
		childId,
		kind: 'cla_review',
		startsAt,
		venue: 'Family centre',
		mode: 'in_person'
	});
}

function stateOf(child: { id: string; dateOfBirth: string }, now = NOW) {
	const state = say.sayFor(child, now);
	if (!state) throw new Error('no meeting to prepare');
	return state;
}

beforeAll(async () => {
	iroId = await createUser({
		role: 'iro',
		username: 'say.iro',
		email: 'say.iro@council.example',
		password: 'password one',
		displayName: 'Ira'
	});
});

describe('which form a child gets', () => {
	it('has nothing to prepare without a booked meeting', async () => {
		const child = await newChild('2017-01-01');
		expect(say.sayFor(child, NOW)).toBeNull();
		const past = meeting(child.id, NOW - DAY);
		expect(say.sayFor(child, NOW)).toBeNull();
		expect(hasStarted(child.id, past, NOW)).toBe(true);
	});

	it('uses the age on the meeting date in London, not in UTC', async () => {
		const child = await newChild('2018-07-01');
		// 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time): the child is 8 by then.
		meeting(child.id, Date.UTC(2026, 5, 30, 23, 30));
		const state = stateOf(child);
		expect(state.version).toBe('middle');
		expect(state.age).toBe(8);
		expect(state.consultation).toBeNull();
		expect(say.consultationStatus(state.meeting.id)).toEqual({
			status: 'notStarted',
			sentAt: null,
			updatedAt: null,
			changedSinceSent: false
		});
	});

	it('fixes the version when the consultation is created; a child who turns 8 gets the older form next time', async () => {
		const child = await newChild('2018-09-01');
		const first = meeting(child.id, NOW + 10 * DAY);
		const second = meeting(child.id, NOW + 120 * DAY);
		const state = stateOf(child);
		expect(state.meeting.id).toBe(first);
		expect(state.version).toBe('young');
		const started = say.startConsultation(state, true, NOW);
		expect(started).toMatchObject({ version: 'young', age: 7, withCarer: true, meetingId: first });

		// Even if the date of birth is corrected later, the form already started keeps its version.
		db()
			.update(tables.children)
			.set({ dateOfBirth: '2015-01-01' })
			.where(eq(tables.children.id, child.id))
			.run();
		expect(say.sayFor({ ...child, dateOfBirth: '2015-01-01' }, NOW)?.version).toBe('young');
		db()
			.update(tables.children)
			.set({ dateOfBirth: child.dateOfBirth })
			.where(eq(tables.children.id, child.id))
			.run();

		// After the first meeting, the next one (after the 8th birthday) gets the 8–12 form.
		const later = stateOf(child, NOW + 11 * DAY);
		expect(later.meeting.id).toBe(second);
		expect(later.version).toBe('middle');
		expect(later.consultation).toBeNull();
		// Starting twice does not make a second one or change the version.
		say.startConsultation(later, null, NOW + 11 * DAY);
		expect(say.startConsultation(later, null, NOW + 12 * DAY).version).toBe('middle');
		expect(
			db().select().from(tables.consultations).where(eq(tables.consultations.childId, child.id)).all()
		).toHaveLength(2);
		expect(say.consultationFor(first)?.version).toBe('young');
	});
});

describe('drafts', () => {
	it('saves each page as a draft, field by field, and resumes at the first unanswered page', async () => {
		const child = await newChild('2016-02-02');
		const meetingId = meeting(child.id, NOW + 9 * DAY);
		const state = stateOf(child);
		// The first save creates the consultation (no Start needed).
		say.saveAnswers(state, [{ id: 'good', value: 'my dog Biscuit', visibility: 'everyone' }], NOW, NOW + 1);
		say.saveAnswers(state, [{ id: 'worries', value: 'new school', visibility: 'iro' }], NOW, NOW + 2);
		const saved = say.findConsultation(meetingId)!;
		expect(saved.version).toBe('middle');
		expect(saved.answers.good).toEqual({
			value: 'my dog Biscuit',
			visibility: 'everyone',
			updatedAt: NOW + 1
		});
		expect(saved.answers.worries.value).toBe('new school');
		expect(saved.updatedAt).toBe(NOW + 2);
		expect(say.consultationStatus(meetingId).status).toBe('started');

		// Coming back later ("closed the browser"): carry on at the dreams page.
		const again = stateOf(child, NOW + 3 * DAY);
		expect(again.steps[resumeStep(again.steps, again.consultation!.answers)].id).toBe('dreams');

		// Scales are stored as numbers; an empty page is "not answered" and does not move the resume point.
		say.saveAnswers(again, [{ id: 'dreams', value: '', visibility: 'iro' }], NOW + 3 * DAY, NOW + 3 * DAY);
		say.saveAnswers(
			again,
			[
				{ id: 'scaleHome', value: 7, visibility: 'iro' },
				{ id: 'scaleSafe', value: 10, visibility: 'everyone' },
				{ id: 'scaleFamilyTime', value: '', visibility: 'iro' }
			],
			NOW + 3 * DAY,
			NOW + 3 * DAY + 1
		);
		const answers = say.findConsultation(meetingId)!.answers;
		expect(answers.scaleHome.value).toBe(7);
		expect(again.steps[resumeStep(again.steps, answers)].id).toBe('dreams');
	});

	it('lets the last save win per field, and returns what another window had saved', async () => {
		const child = await newChild('2015-05-05');
		const meetingId = meeting(child.id, NOW + 9 * DAY);
		const state = stateOf(child);
		const tabA = NOW;
		say.saveAnswers(state, [{ id: 'good', value: 'from tab B', visibility: 'iro' }], NOW, NOW + HOUR);
		const { replaced, savedAt } = say.saveAnswers(
			state,
			[
				{ id: 'good', value: 'from tab A', visibility: 'iro' },
				{ id: 'worries', value: '', visibility: 'iro' }
			],
			tabA,
			NOW + 2 * HOUR
		);
		expect(replaced).toEqual([{ id: 'good', value: 'from tab B' }]);
		expect(savedAt).toBe(NOW + 2 * HOUR);
		expect(say.findConsultation(meetingId)!.answers.good.value).toBe('from tab A');
		// Saving again from the page shown after that (loadedAt = savedAt) is not a conflict.
		expect(
			say.saveAnswers(
				state,
				[{ id: 'good', value: 'from tab A, more', visibility: 'iro' }],
				savedAt,
				NOW + 3 * HOUR
			).replaced
		).toEqual([]);
	});

	it('ignores malformed stored answers rather than trusting them', () => {
		expect(say.parseAnswers('not json')).toEqual({});
		expect(say.parseAnswers('[1,2]')).toEqual({});
		expect(
			say.parseAnswers(
				JSON.stringify({ a: { value: { x: 1 } }, b: { value: 'ok', visibility: 'nobody' }, c: null })
			)
		).toEqual({ b: { value: 'ok', visibility: 'iro', updatedAt: 0 } });
	});
});

describe('sending', () => {
	it('sends a snapshot; changes after sending show as changed until sent again', async () => {
		const child = await newChild('2014-04-04');
		const meetingId = meeting(child.id, NOW + 9 * DAY);
		const state = stateOf(child);
		expect(say.sendConsultation(meetingId, NOW)).toBe(false);
		say.startConsultation(state, null, NOW);
		say.saveAnswers(state, [{ id: 'good', value: '', visibility: 'iro' }], NOW, NOW);
		expect(say.sendConsultation(meetingId, NOW)).toBe(false);

		say.saveAnswers(state, [{ id: 'good', value: 'football', visibility: 'iro' }], NOW, NOW + 1);
		expect(say.sendConsultation(meetingId, NOW + 2)).toBe(true);
		let sent = say.findConsultation(meetingId)!;
		expect(sent.sentAt).toBe(NOW + 2);
		expect(sent.sentAnswers).toEqual(sent.answers);
		expect(say.consultationStatus(meetingId)).toEqual({
			status: 'sent',
			sentAt: NOW + 2,
			updatedAt: NOW + 2,
			changedSinceSent: false
		});

		// The child changes an answer and who can see another after sending: the IRO sees what changed.
		const after = stateOf(child, NOW + DAY);
		say.saveAnswers(
			after,
			[{ id: 'good', value: 'football and drawing', visibility: 'everyone' }],
			NOW + DAY,
			NOW + DAY
		);
		sent = say.findConsultation(meetingId)!;
		expect(sent.sentAnswers!.good.value).toBe('football');
		expect(changedSince(sent.sentAnswers!, sent.answers)).toEqual(['good']);
		expect(say.consultationStatus(meetingId).changedSinceSent).toBe(true);
		// Everyone else reads only what was sent, and when it changed (not what).
		const others = say.consultationFor(meetingId)!;
		expect(others).not.toHaveProperty('answers');
		expect(others.sentAnswers!.good).toMatchObject({ value: 'football', visibility: 'iro' });
		expect(others.unsentChangesAt).toBe(NOW + DAY);
		expect(JSON.stringify(others)).not.toContain('drawing');

		// Sending again moves the snapshot on.
		expect(say.sendConsultation(meetingId, NOW + DAY + 1)).toBe(true);
		sent = say.findConsultation(meetingId)!;
		expect(say.consultationFor(meetingId)!.unsentChangesAt).toBeNull();
		expect(sent.sentAnswers!.good).toEqual({
			value: 'football and drawing',
			visibility: 'everyone',
			updatedAt: NOW + DAY
		});
		expect(sent.sentAt).toBe(NOW + DAY + 1);
		expect(say.consultationStatus(meetingId).changedSinceSent).toBe(false);

		const statuses = say.consultationStatuses([meetingId, 'no-such-meeting']);
		expect(statuses.get(meetingId)?.status).toBe('sent');
		expect(statuses.get('no-such-meeting')?.status).toBe('notStarted');
		expect(say.consultationStatuses([]).size).toBe(0);
	});

	it('becomes read-only when the meeting starts, and is shown as what the child said', async () => {
		const child = await newChild('2013-03-03');
		const other = await newChild('2013-03-04');
		const startsAt = NOW + 2 * DAY;
		const meetingId = meeting(child.id, startsAt);
		say.saveAnswers(stateOf(child), [{ id: 'good', value: 'my bike', visibility: 'iro' }], NOW, NOW);
		expect(hasStarted(child.id, meetingId, NOW)).toBe(false);
		expect(hasStarted(child.id, meetingId, startsAt)).toBe(true);
		expect(hasStarted(other.id, meetingId, startsAt)).toBe(false);
		expect(say.sayFor(child, startsAt)).toBeNull();
		const held = say.lastHeldConsultation(child.id, startsAt + HOUR);
		expect(held?.meeting.id).toBe(meetingId);
		expect(held?.consultation.answers.good.value).toBe('my bike');
		expect(say.lastHeldConsultation(other.id, startsAt)).toBeNull();
	});

	it('follows a cancelled meeting to the rescheduled one, keeping its version and answers', async () => {
		const child = await newChild('2018-06-20');
		const cancelled = meeting(child.id, NOW + 5 * DAY);
		const state = stateOf(child);
		expect(state.version).toBe('young');
		say.saveAnswers(state, [{ id: 'feelHome', value: 'happy', visibility: 'iro' }], NOW, NOW);
		const rescheduled = meeting(child.id, NOW + 40 * DAY);
		cancelMeeting(state.meeting, NOW + HOUR);
		const moved = stateOf(child, NOW + HOUR);
		expect(moved.meeting.id).toBe(rescheduled);
		// The child is 8 on the new date, but the answers already given keep the 4–7 form.
		expect(moved.version).toBe('young');
		expect(moved.consultation?.answers.feelHome.value).toBe('happy');
		expect(say.consultationFor(cancelled)).toBeNull();
		expect(hasStarted(child.id, cancelled, NOW + 6 * DAY)).toBe(false);
	});
});

const { setPictureVersion } = await import('../../src/lib/server/children');
const { auditOf } = await import('../../src/lib/server/audit');

describe('"use the picture version", set on the child’s record', () => {
	const record = (id: string) => db().select().from(tables.children).where(eq(tables.children.id, id)).get()!;

	it('gives a 13-year-old the picture version, audited, and an unsent My say follows it both ways', async () => {
		const child = await newChild('2013-01-01');
		meeting(child.id, NOW + 10 * DAY);
		expect(stateOf(record(child.id)).version).toBe('teen');

		setPictureVersion(record(child.id), true, iroId, NOW);
		expect(record(child.id).pictureVersion).toBe(true);
		const young = stateOf(record(child.id));
		expect(young.version).toBe('young');
		expect(young.steps[0].questions[0].kind).toBe('feeling');
		say.saveAnswers(young, [{ id: 'goodPictures', value: ['pets'], visibility: 'everyone' }], NOW, NOW + 1);
		expect(auditOf(child.id, 'pictures.on').map((e) => e.userId)).toEqual([iroId]);

		// Switched off before sending: the teen form again; the picture answers are kept for switching back.
		setPictureVersion(record(child.id), false, iroId, NOW + 2);
		expect(stateOf(record(child.id)).version).toBe('teen');
		expect(say.findConsultation(young.meeting.id)?.answers.goodPictures?.value).toEqual(['pets']);
		expect(auditOf(child.id, 'pictures.off')).toHaveLength(1);
	});

	it('leaves a My say already sent in the version it was sent in', async () => {
		const child = await newChild('2013-01-01');
		meeting(child.id, NOW + 10 * DAY);
		const state = stateOf(record(child.id));
		say.saveAnswers(state, [{ id: 'good', value: 'football', visibility: 'everyone' }], NOW, NOW + 1);
		expect(say.sendConsultation(state.meeting.id, NOW + 2)).toBe(true);
		setPictureVersion(record(child.id), true, iroId, NOW + 3);
		expect(stateOf(record(child.id)).version).toBe('teen');
		expect(say.consultationFor(state.meeting.id)?.version).toBe('teen');
	});

	it('changes nothing and records nothing when it is already as asked', async () => {
		const child = await newChild('2012-01-01');
		setPictureVersion(record(child.id), false, iroId, NOW);
		expect(auditOf(child.id)).toEqual([]);
	});
});
