import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The pre-meeting pack against an in-memory database: private answers, what changed since sending,
 * the audit trail, carers' views (save and send) and reminders (home page and outbox).
 */
delete process.env.SMTP_URL;

const { eq } = await import('drizzle-orm');
const { createUser } = await import('../../src/lib/server/accounts');
const { createChild } = await import('../../src/lib/server/children');
const { addCarer } = await import('../../src/lib/server/carers');
const { scheduleMeeting, meetingOfChild } = await import('../../src/lib/server/meetings');
const { db, tables } = await import('../../src/lib/server/db');
const { newId } = await import('../../src/lib/server/ids');
const pack = await import('../../src/lib/server/pack');
const audit = await import('../../src/lib/server/audit');
const progress = await import('../../src/lib/server/progress');
const reminderModule = await import('../../src/lib/server/reminders');
const support = await import('../../src/lib/server/support');
const say = await import('../../src/lib/server/consultation');
const views = await import('../../src/lib/server/views');
const { parseForm } = await import('../../src/lib/server/forms');
const { viewsDraftSchema, viewsSendSchema, VIEWS_MAX } = await import('../../src/lib/forms/pack');

const DAY = 86_400_000;
const origin = 'https://voicebox.example';
const now = Date.now();
let iroId: string;
let childId: string;
let otherChildId: string;
let carerId: string;
let carerNoEmailId: string;
let meetingId: string;

function child() {
	return db().select().from(tables.children).where(eq(tables.children.id, childId)).get()!;
}
function meeting() {
	return meetingOfChild(childId, meetingId)!;
}

function saveConsultation(values: { answers: object; sentAnswers?: object | null; sentAt?: number | null }) {
	db().delete(tables.consultations).run();
	db()
		.insert(tables.consultations)
		.values({
			id: newId(),
			childId,
			meetingId,
			version: 'middle',
			age: 9,
			answers: JSON.stringify(values.answers),
			sentAnswers: values.sentAnswers ? JSON.stringify(values.sentAnswers) : null,
			sentAt: values.sentAt ?? null,
			createdAt: now,
			updatedAt: now
		})
		.run();
}

beforeAll(async () => {
	iroId = await createUser({
		role: 'iro',
		username: 'ira',
		password: 'password one',
		displayName: 'Ira Iro'
	});
	const base = {
		iroId,
		preferredName: '',
		status: 'cared_for' as const,
		startDate: '2025-01-05',
		languages: '',
		communicationNeeds: ''
	};
	childId = createChild({
		...base,
		fullName: 'Zebedee Quill',
		preferredName: 'Zeb',
		dateOfBirth: '2016-03-03'
	});
	otherChildId = createChild({ ...base, fullName: 'Other Child', dateOfBirth: '2012-03-03' });
	// Only Zeb has an account.
	const childUser = await createUser({
		role: 'child',
		username: 'zeb',
		password: 'password two',
		displayName: 'Zeb'
	});
	db().update(tables.children).set({ userId: childUser }).where(eq(tables.children.id, childId)).run();
	carerId = addCarer(childId, {
		fullName: 'Carol Carer',
		relationship: 'Foster carer',
		email: 'carol@example.com',
		phone: ''
	});
	carerNoEmailId = addCarer(childId, { fullName: 'Dan Dad', relationship: 'Dad', email: '', phone: '' });
	for (const [id, username] of [
		[carerId, 'carol'],
		[carerNoEmailId, 'dan']
	]) {
		const userId = await createUser({
			role: 'carer',
			username,
			password: 'password three',
			displayName: username
		});
		db().update(tables.carers).set({ userId }).where(eq(tables.carers.id, id)).run();
	}
	meetingId = scheduleMeeting({
		childId,
		kind: 'cla_review',
		startsAt: now + 9 * DAY,
		venue: 'Centre',
		mode: 'hybrid'
	});
	scheduleMeeting({
		childId: otherChildId,
		kind: 'cla_review',
		startsAt: now + 6 * DAY,
		venue: 'College',
		mode: 'online'
	});
});

describe('the pre-meeting pack', () => {
	it('shows nothing of a draft, only that it was started', () => {
		saveConsultation({ answers: { good: { value: 'Football', visibility: 'everyone', updatedAt: now } } });
		const p = pack.assemblePack(meeting(), child(), now);
		expect(p.say.state).toBe('started');
		expect(p.say.groups).toEqual([]);
		expect(progress.sharedWithEveryone(childId, now).answers).toEqual([]);
	});

	it('groups sent answers in the form’s order and marks private ones', () => {
		const answers = {
			worries: { value: 'A secret for Ira', visibility: 'iro', updatedAt: now },
			good: { value: 'Football', visibility: 'everyone', updatedAt: now },
			scaleSafe: { value: 8, visibility: 'iro', updatedAt: now }
		};
		saveConsultation({ answers, sentAnswers: answers, sentAt: now });
		const p = pack.assemblePack(meeting(), child(), now);
		expect(p.say.state).toBe('sent');
		expect(p.say.groups.map((g) => g.id)).toEqual(['good', 'worries', 'scalesHome']);
		const all = p.say.groups.flatMap((g) => g.answers);
		expect(all.find((a) => a.id === 'worries')).toMatchObject({ visibility: 'iro', changed: false });
		expect(all.find((a) => a.id === 'good')).toMatchObject({ visibility: 'everyone', value: 'Football' });
		expect(all.find((a) => a.id === 'scaleSafe')).toMatchObject({ kind: 'scale', value: 8 });
	});

	it('gives carers only what the child shared with everyone (answers and agenda items)', () => {
		const at = { createdAt: now, updatedAt: now, childId, meetingId };
		db()
			.insert(tables.agendaItems)
			.values([
				{
					id: newId(),
					position: 1,
					text: 'Family time with my brother',
					raiser: 'me',
					visibility: 'everyone',
					...at
				},
				{ id: newId(), position: 0, text: 'Private item', raiser: 'iro', visibility: 'iro', ...at }
			])
			.run();
		const shared = progress.sharedWithEveryone(childId, now);
		expect(shared.answers.map((a) => a.id)).toEqual(['good']);
		expect(JSON.stringify(shared)).not.toContain('A secret for Ira');
		expect(shared.agenda.map((i) => i.text)).toEqual(['Family time with my brother']);
		// The IRO sees the agenda in the child's order.
		expect(pack.assemblePack(meeting(), child(), now).agenda.map((i) => i.text)).toEqual([
			'Private item',
			'Family time with my brother'
		]);
	});

	it('after sending, later autosaves reach nobody: the pack and carers see what was sent, and the pack says changes are not sent yet', () => {
		db().delete(tables.consultations).run();
		const state = { meeting: meeting(), version: 'middle' as const, age: 9 };
		say.saveAnswers(
			state,
			[
				{ id: 'good', value: 'Football', visibility: 'everyone' },
				{ id: 'worries', value: 'School', visibility: 'iro' }
			],
			now,
			now + 1
		);
		// Before the first send, nobody sees anything of it.
		let p = pack.assemblePack(meeting(), child(), now);
		expect(p.say).toMatchObject({ state: 'started', groups: [], unsentChangesAt: null });
		expect(JSON.stringify(p)).not.toContain('Football');
		expect(progress.sharedWithEveryone(childId, now).answers).toEqual([]);

		expect(say.sendConsultation(meetingId, now + 2)).toBe(true);
		// Autosaves after sending: a new text for everyone, a new answer, a changed private worry.
		say.saveAnswers(
			state,
			[
				{ id: 'good', value: 'Football and a new thing', visibility: 'everyone' },
				{ id: 'dreams', value: 'A dog', visibility: 'everyone' }
			],
			now + 2,
			now + 3
		);
		say.saveAnswers(
			state,
			[{ id: 'worries', value: 'School and my bus', visibility: 'iro' }],
			now + 3,
			now + 4
		);
		p = pack.assemblePack(meeting(), child(), now);
		const all = p.say.groups.flatMap((g) => g.answers);
		expect(all.map((a) => [a.id, a.value])).toEqual([
			['good', 'Football'],
			['worries', 'School']
		]);
		expect(all.every((a) => !a.changed && a.before === null)).toBe(true);
		expect(p.say.unsentChangesAt).toBe(now + 4);
		for (const unsent of ['new thing', 'A dog', 'my bus']) expect(JSON.stringify(p)).not.toContain(unsent);
		const shared = progress.sharedWithEveryone(childId, now);
		expect(shared.answers).toEqual([{ id: 'good', kind: 'text', value: 'Football', lang: null }]);
		expect(pack.beforeTheMeeting([{ childId, meetingId }])[childId].childSentAt).toBe(now + 2);

		// Made private after sending: that takes effect at once, without sending.
		say.saveAnswers(state, [{ id: 'good', value: 'Football', visibility: 'iro' }], now + 4, now + 5);
		expect(progress.sharedWithEveryone(childId, now).answers).toEqual([]);
		p = pack.assemblePack(meeting(), child(), now);
		expect(p.say.groups[0].answers[0]).toMatchObject({ id: 'good', value: 'Football', visibility: 'iro' });

		// Sending the changes: now everyone sees the new version, and nothing is waiting.
		say.saveAnswers(
			state,
			[{ id: 'good', value: 'Football and a new thing', visibility: 'everyone' }],
			now + 5,
			now + 6
		);
		expect(say.sendConsultation(meetingId, now + 7)).toBe(true);
		p = pack.assemblePack(meeting(), child(), now);
		expect(p.say.unsentChangesAt).toBeNull();
		expect(p.say.groups.flatMap((g) => g.answers).map((a) => a.value)).toEqual([
			'Football and a new thing',
			'School and my bus',
			'A dog'
		]);
		expect(progress.sharedWithEveryone(childId, now).answers.map((a) => a.value)).toEqual([
			'Football and a new thing',
			'A dog'
		]);
	});

	it('records every reading in the audit log, newest first, with who read it', async () => {
		const managerId = await createUser({
			role: 'manager',
			username: 'mo',
			password: 'password four',
			displayName: 'Mo Manager'
		});
		audit.recordPackRead(iroId, meetingId, now - 2000);
		audit.recordPackRead(managerId, meetingId, now - 1000);
		audit.recordPackRead(iroId, meetingId, now);
		const rows = db().select().from(tables.auditLog).all();
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.action === 'pack.read' && r.subjectId === meetingId)).toBe(true);
		expect(audit.packReads(meetingId).map((r) => r.name)).toEqual(['Ira Iro', 'Mo Manager', 'Ira Iro']);
		expect(pack.assemblePack(meeting(), child(), now).reads).toHaveLength(3);
	});

	it('lets the IRO move a support request on, but only for this child', () => {
		const id = newId();
		db()
			.insert(tables.supportRequests)
			.values({ id, childId, kind: 'advocate', status: 'requested', createdAt: now, updatedAt: now })
			.run();
		expect(support.updateSupportStatus(otherChildId, id, 'arranged')).toBe(false);
		expect(support.updateSupportStatus(childId, id, 'inProgress')).toBe(true);
		expect(support.supportOf(childId)[0].status).toBe('inProgress');
	});
});

describe('carers’ views', () => {
	it('refuse over-long answers and keep what was typed', () => {
		const form = new FormData();
		form.set('meetingId', meetingId);
		form.set('worries', 'x'.repeat(VIEWS_MAX + 1));
		form.set('goingWell', 'Good week');
		const parsed = parseForm(viewsDraftSchema, form);
		expect(parsed.failure?.data.errors.worries).toBe(`errors:tooLong|count=${VIEWS_MAX}`);
		expect(parsed.failure?.data.values.goingWell).toBe('Good week');
		expect(parsed.failure?.data.values.worries).toHaveLength(VIEWS_MAX + 1);
	});

	it('refuse to send an empty form, but accept just whether they will come', () => {
		const form = new FormData();
		form.set('meetingId', meetingId);
		expect(parseForm(viewsSendSchema, form).failure?.data.errors.goingWell).toBe('pack:errors.viewsEmpty');
		form.set('attending', 'maybe');
		expect(parseForm(viewsSendSchema, form).failure?.data.errors.attending).toBe('pack:errors.attending');
		form.set('attending', 'notSure');
		expect(parseForm(viewsSendSchema, form).data?.attending).toBe('notSure');
	});

	it('save a draft that the IRO does not see, then send it', () => {
		const values = {
			goingWell: 'Settled at school',
			worries: '',
			nextSteps: '',
			anythingElse: '',
			attending: null
		};
		const draft = views.saveViews({ meetingId, carerId, values, send: false, now });
		expect(draft.sentAt).toBeNull();
		let carer = pack.assemblePack(meeting(), child(), now).carers.find((c) => c.id === carerId)!;
		expect(carer).toMatchObject({ state: 'draft', views: null });
		expect(progress.carerPreparation(childId, carerId, now)?.views.state).toBe('draft');

		views.saveViews({
			meetingId,
			carerId,
			values: { ...values, attending: 'yes' },
			send: true,
			now: now + 10
		});
		carer = pack.assemblePack(meeting(), child(), now).carers.find((c) => c.id === carerId)!;
		expect(carer.state).toBe('sent');
		expect(carer.views).toMatchObject({ goingWell: 'Settled at school', attending: 'yes', sentAt: now + 10 });
		expect(pack.assemblePack(meeting(), child(), now).heard).toEqual({ sent: 1, total: 2 });

		// A change after sending is sent at once.
		views.saveViews({
			meetingId,
			carerId,
			values: { ...values, worries: 'Bus' },
			send: false,
			now: now + 20
		});
		expect(views.viewsOf(meetingId, carerId)).toMatchObject({ worries: 'Bus', sentAt: now + 20 });
		expect(views.viewsOfMeeting(meetingId)).toHaveLength(1);
	});
});

describe('reminders', () => {
	it('show on the child’s home page until they send, from the IRO by name', () => {
		saveConsultation({ answers: {} });
		expect(
			reminderModule.sendReminder({
				meeting: meeting(),
				child: child(),
				to: 'child',
				createdBy: iroId,
				origin,
				now
			})
		).toBe('sent');
		expect(progress.childChecklist(child(), now)?.reminder).toMatchObject({ from: 'Ira Iro', at: now });
		const answers = { good: { value: 'Yes', visibility: 'iro', updatedAt: now } };
		saveConsultation({ answers, sentAnswers: answers, sentAt: now });
		expect(progress.childChecklist(child(), now)?.reminder).toBeNull();
		// Nothing to remind about once sent.
		expect(
			reminderModule.sendReminder({
				meeting: meeting(),
				child: child(),
				to: 'child',
				createdBy: iroId,
				origin,
				now
			})
		).toBe('refused');
	});

	it('email a carer with a known address, without the child’s name, and wait in the outbox without SMTP', () => {
		expect(
			reminderModule.sendReminder({
				meeting: meeting(),
				child: child(),
				to: carerNoEmailId,
				createdBy: iroId,
				origin,
				now
			})
		).toBe('sent');
		expect(progress.carerPreparation(childId, carerNoEmailId, now)?.reminder?.from).toBe('Ira Iro');
		// Carol has already sent her views.
		expect(
			reminderModule.sendReminder({
				meeting: meeting(),
				child: child(),
				to: carerId,
				createdBy: iroId,
				origin,
				now
			})
		).toBe('refused');
		db().delete(tables.carerViews).run();
		expect(
			reminderModule.sendReminder({
				meeting: meeting(),
				child: child(),
				to: carerId,
				createdBy: iroId,
				origin,
				now
			})
		).toBe('emailed');
		const mail = db().select().from(tables.outbox).all();
		expect(mail).toHaveLength(1);
		expect(mail[0]).toMatchObject({ to: 'carol@example.com', sentAt: null });
		expect(mail[0].text).toContain(`${origin}/carer/children/${childId}/views`);
		for (const secret of ['Zeb', 'Zebedee', 'Quill'])
			expect(mail[0].subject + mail[0].text).not.toContain(secret);
		expect(reminderModule.remindersOf(meetingId)).toHaveLength(3);
	});

	it('refuse a carer who is not linked to the child, and a meeting that has started', () => {
		const outsider = addCarer(otherChildId, {
			fullName: 'Eve',
			relationship: 'Aunt',
			email: 'eve@example.com',
			phone: ''
		});
		expect(
			reminderModule.sendReminder({
				meeting: meeting(),
				child: child(),
				to: outsider,
				createdBy: iroId,
				origin,
				now
			})
		).toBe('refused');
		const later = now + 10 * DAY;
		expect(
			reminderModule.sendReminder({
				meeting: meeting(),
				child: child(),
				to: carerNoEmailId,
				createdBy: iroId,
				origin,
				now: later
			})
		).toBe('refused');
	});
});

describe('the caseload', () => {
	it('says who the IRO has heard from before each upcoming meeting', () => {
		const otherMeeting = db()
			.select()
			.from(tables.meetings)
			.all()
			.find((m) => m.childId === otherChildId)!;
		db()
			.insert(tables.meetingChoices)
			.values({
				meetingId,
				childId,
				chair: 'cochair',
				choices: JSON.stringify({ talkFirst: 'yes' }),
				updatedAt: now
			})
			.run();
		const facts = pack.beforeTheMeeting([
			{ childId, meetingId },
			{ childId: otherChildId, meetingId: otherMeeting.id }
		]);
		expect(facts[childId]).toMatchObject({
			childSentAt: now,
			carersSent: 0,
			carersTotal: 2,
			agendaItems: 2,
			chair: 'cochair',
			supportWaiting: 1,
			talkBefore: true,
			notHeard: false
		});
		expect(facts[otherChildId]).toMatchObject({
			childSentAt: null,
			carersSent: 0,
			carersTotal: 1,
			notHeard: true
		});
	});
});
