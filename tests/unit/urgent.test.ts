import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { eq } from 'drizzle-orm';

/**
 * "I don't feel safe" end to end on the server side, against an in-memory database and a real SMTP
 * server on loopback, with the clock under the test's control: who the child is told was emailed,
 * acknowledgement with a note, and escalation to the duty manager and every manager, once.
 */
const received: Array<{ to: string; subject: string; text: string }> = [];
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	onData(stream, session, callback) {
		simpleParser(stream).then((mail) => {
			received.push({
				to: session.envelope.rcptTo.map((r) => r.address).join(','),
				subject: mail.subject ?? '',
				text: mail.text ?? ''
			});
			callback();
		}, callback);
	}
});

beforeAll(async () => {
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
	const port = (smtp.server.address() as { port: number }).port;
	process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
	process.env.DUTY_MANAGER_EMAIL = 'duty@council.example';
	delete process.env.URGENT_ACK_MINUTES;
});
// Emails still being sent in the background finish (and log) before the SMTP server and the worker close.
afterAll(async () => {
	await deliverDue();
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

process.env.DATABASE_PATH = ':memory:';
vi.mock('$env/dynamic/private', () => ({ env: process.env }));

const { createUser } = await import('../../src/lib/server/accounts');
const { createChild } = await import('../../src/lib/server/children');
const urgent = await import('../../src/lib/server/urgent');
const { findConversation, sendMessage } = await import('../../src/lib/server/messages');
const { deliverDue } = await import('../../src/lib/server/notify');
const { auditOf } = await import('../../src/lib/server/audit');
const { startupProblems } = await import('../../src/lib/server/config');
const { db, tables } = await import('../../src/lib/server/db');
const { londonInstant } = await import('../../src/lib/domain/london-time');

const origin = 'https://voicebox.example';
const MIN = 60_000;
const BODY = 'My stepdad hit me and I am scared to go home';
let child: { id: string; role: 'child' };
let iro: { id: string; role: 'iro' };
let childId: string;

async function settle() {
	for (let i = 0; i < 20; i++) {
		await deliverDue();
		await new Promise((r) => setTimeout(r, 20));
	}
}
const to = (address: string) => received.filter((m) => m.to === address);
const messageRow = (body: string) =>
	db()
		.select()
		.from(tables.messages)
		.all()
		.find((m) => m.body === body)!;

beforeAll(async () => {
	iro = {
		id: await createUser({
			role: 'iro',
			username: 'iro',
			email: 'iro@council.example',
			password: 'password one',
			displayName: 'Ira Officer'
		}),
		role: 'iro'
	};
	await createUser({
		role: 'manager',
		username: 'boss',
		email: 'boss@council.example',
		password: 'password two',
		displayName: 'Bo Manager'
	});
	const polish = await createUser({
		role: 'manager',
		username: 'szef',
		email: 'szef@council.example',
		password: 'password three',
		displayName: 'Szymon Kierownik'
	});
	db().update(tables.users).set({ language: 'pl' }).where(eq(tables.users.id, polish)).run();
	await createUser({
		role: 'manager',
		username: 'noemail',
		password: 'password four',
		displayName: 'No Email'
	});
	childId = createChild({
		iroId: iro.id,
		fullName: 'Zebedee Quill',
		preferredName: 'Zeb',
		dateOfBirth: '2012-03-03',
		status: 'cared_for',
		startDate: '2026-01-05',
		languages: '',
		communicationNeeds: ''
	});
	child = {
		id: await createUser({ role: 'child', username: 'zeb', password: 'password five', displayName: 'Zeb' }),
		role: 'child'
	};
	db().update(tables.children).set({ userId: child.id }).run();
});

describe('an urgent message sent in working hours', () => {
	// Thursday 26 November 2026, 10:00 in London (in the past, so the outbox sends it at once).
	const sent = londonInstant('2026-11-26', '10:00');

	it('tells the child exactly who was emailed, and they are', async () => {
		const receipt = urgent.sendUrgent({ childId, author: child, body: BODY, origin, now: sent });
		expect(receipt).toEqual({
			iroEmailed: 'Ira Officer',
			dutyManagerEmailed: true,
			managersEmailed: false,
			workingTime: true,
			emergencyDutyPhone: '0300 123 9999'
		});
		await settle();
		expect(to('iro@council.example')).toHaveLength(1);
		expect(to('duty@council.example')).toHaveLength(1);
		expect(to('boss@council.example')).toHaveLength(0);
	});

	it('is not escalated before the time limit (60 minutes by default)', async () => {
		expect(await urgent.escalateUrgent(sent + 59 * MIN, origin)).toBe(0);
		await settle();
		expect(to('boss@council.example')).toHaveLength(0);
		expect(messageRow(BODY).escalatedAt).toBeNull();
	});

	it('after the limit is emailed again to the duty manager and every manager, privately, once', async () => {
		const at = sent + 60 * MIN;
		expect(await urgent.escalateUrgent(at, origin)).toBe(1);
		await settle();
		const conversation = findConversation(childId, null)!;
		const link = `${origin}/iro/conversations/${conversation.id}`;
		const [duty] = to('duty@council.example').slice(-1);
		const [boss] = to('boss@council.example');
		const [szef] = to('szef@council.example');
		expect(duty.subject).toBe('Urgent: a child’s message has not been acknowledged');
		expect(boss.subject).toBe(duty.subject);
		expect(szef.subject).toBe('Pilne: wiadomość dziecka nie została potwierdzona');
		for (const email of [duty, boss, szef]) {
			expect(email.text).toContain(link);
			expect(email.text).toContain(`${origin}/manage/urgent`);
			for (const secret of ['Zeb', 'Zebedee', 'Quill', 'stepdad', 'scared'])
				expect(email.text + email.subject).not.toContain(secret);
		}
		expect(duty.text).toContain('within 60 minutes');
		expect(duty.text).toContain('26 November 2026 at 10:00');
		expect(to('iro@council.example')).toHaveLength(1);
		expect(messageRow(BODY).escalatedAt).toBe(at);

		// Not twice.
		expect(await urgent.escalateUrgent(at + 5 * MIN, origin)).toBe(0);
		expect(await urgent.escalateUrgent(at + 24 * 60 * MIN, origin)).toBe(0);
		await settle();
		expect(to('boss@council.example')).toHaveLength(1);
		expect(to('duty@council.example')).toHaveLength(2);
	});

	it('is acknowledged with a note of what was done, kept with the message and its times', () => {
		const at = sent + 75 * MIN;
		expect(urgent.openUrgentCount(findConversation(childId, null)!.id)).toBe(1);
		const note = 'Phoned the social worker; police visited the home.';
		expect(urgent.acknowledgeUrgent(findConversation(childId, null)!.id, iro, note, at)).toBe(1);
		const [row] = urgent.urgentOf({ childId });
		expect(row).toMatchObject({
			childName: 'Zebedee Quill',
			sentAt: sent,
			acknowledgedAt: at,
			acknowledgedBy: 'Ira Officer',
			note,
			escalatedAt: sent + 60 * MIN
		});
		expect(urgent.openUrgentCount(findConversation(childId, null)!.id)).toBe(0);
		// Acknowledging again changes nothing; the audit trail has who did it.
		expect(urgent.acknowledgeUrgent(findConversation(childId, null)!.id, iro, 'again', at + MIN)).toBe(0);
		expect(urgent.urgentOf({ childId })[0].note).toBe(note);
		const audit = auditOf(findConversation(childId, null)!.id, 'urgent.acknowledged');
		expect(audit).toHaveLength(1);
		expect(audit[0].name).toBe('Ira Officer');
	});

	it('is never escalated once acknowledged in time', async () => {
		const body = 'second urgent, acknowledged in time';
		const at = londonInstant('2026-11-26', '14:00');
		urgent.sendUrgent({ childId, author: child, body, origin, now: at });
		urgent.acknowledgeUrgent(findConversation(childId, null)!.id, iro, 'Called Zeb back.', at + 20 * MIN);
		const before = to('boss@council.example').length;
		expect(await urgent.escalateUrgent(at + 61 * MIN, origin)).toBe(0);
		expect(await urgent.escalateUrgent(at + 24 * 60 * MIN, origin)).toBe(0);
		await settle();
		expect(to('boss@council.example')).toHaveLength(before);
		expect(messageRow(body).escalatedAt).toBeNull();
	});

	it('uses URGENT_ACK_MINUTES when set', async () => {
		process.env.URGENT_ACK_MINUTES = '15';
		try {
			const body = 'third urgent, quicker limit';
			const at = londonInstant('2026-11-26', '15:00');
			urgent.sendUrgent({ childId, author: child, body, origin, now: at });
			expect(await urgent.escalateUrgent(at + 14 * MIN, origin)).toBe(0);
			expect(await urgent.escalateUrgent(at + 15 * MIN, origin)).toBe(1);
			urgent.acknowledgeUrgent(findConversation(childId, null)!.id, iro, 'Seen.', at + 20 * MIN);
		} finally {
			delete process.env.URGENT_ACK_MINUTES;
		}
	});

	it('escalates many at once one at a time, the server answering pages between them', async () => {
		const at = londonInstant('2026-11-27', '11:00');
		urgent.sendUrgent({ childId, author: child, body: 'backlog one', origin, now: at });
		urgent.sendUrgent({ childId, author: child, body: 'backlog two', origin, now: at });
		const order: string[] = [];
		const escalating = urgent.escalateUrgent(at + 61 * MIN, origin).then((n) => order.push(`escalated ${n}`));
		setImmediate(() => order.push('a page'));
		await escalating;
		expect(order).toEqual(['a page', 'escalated 2']);
		urgent.acknowledgeUrgent(findConversation(childId, null)!.id, iro, 'Seen both.', at + 62 * MIN);
	});
});

describe('an urgent message sent out of hours', () => {
	// Saturday 28 November 2026, 02:00 in London.
	const sent = londonInstant('2026-11-28', '02:00');
	const body = 'out of hours: nobody is at work';

	it('is escalated at once to the duty manager and every manager, and the child is told so', async () => {
		await settle();
		const before = { boss: to('boss@council.example').length, duty: to('duty@council.example').length };
		const receipt = urgent.sendUrgent({ childId, author: child, body, origin, now: sent });
		expect(receipt).toMatchObject({
			iroEmailed: 'Ira Officer',
			dutyManagerEmailed: true,
			managersEmailed: true,
			workingTime: false
		});
		expect(messageRow(body).escalatedAt).toBe(sent);
		await settle();
		const escalation = to('boss@council.example').slice(before.boss);
		expect(escalation).toHaveLength(1);
		expect(escalation[0].text).toContain('outside working hours');
		// The duty manager has the first alert and the escalation.
		expect(to('duty@council.example').length - before.duty).toBe(2);
		expect(await urgent.escalateUrgent(sent + 5 * MIN, origin)).toBe(0);
		expect(await urgent.escalateUrgent(londonInstant('2026-11-30', '10:00'), origin)).toBe(0);
		urgent.acknowledgeUrgent(
			findConversation(childId, null)!.id,
			iro,
			'Checked with EDT.',
			sent + 8 * 60 * MIN
		);
	});
});

describe('what the child is told is what happened', () => {
	it('without a duty address, the duty manager is not mentioned', () => {
		process.env.DUTY_MANAGER_EMAIL = '';
		try {
			const receipt = urgent.sendUrgent({
				childId,
				author: child,
				body: 'no duty address',
				origin,
				now: londonInstant('2026-11-27', '11:00')
			});
			expect(receipt.dutyManagerEmailed).toBe(false);
			expect(receipt.iroEmailed).toBe('Ira Officer');
		} finally {
			process.env.DUTY_MANAGER_EMAIL = 'duty@council.example';
		}
	});

	it('without an IRO email, the IRO is not said to be emailed', () => {
		db().update(tables.users).set({ email: null }).where(eq(tables.users.id, iro.id)).run();
		try {
			const receipt = urgent.sendUrgent({
				childId,
				author: child,
				body: 'no IRO email',
				origin,
				now: londonInstant('2026-11-27', '11:05')
			});
			expect(receipt.iroEmailed).toBeNull();
			expect(receipt.dutyManagerEmailed).toBe(true);
		} finally {
			db()
				.update(tables.users)
				.set({ email: 'iro@council.example' })
				.where(eq(tables.users.id, iro.id))
				.run();
		}
	});

	it('the manager list shows every urgent message, newest first, and no ordinary ones', () => {
		sendMessage({ childId, carerId: null, author: child, body: 'not urgent', origin });
		const all = urgent.urgentOf();
		expect(all.map((r) => r.sentAt)).toEqual([...all.map((r) => r.sentAt)].sort((a, b) => b - a));
		// Every urgent message this file sent, and not the ordinary one.
		const sentUrgent = db()
			.select()
			.from(tables.messages)
			.all()
			.filter((m) => m.urgent);
		expect(all.map((r) => r.id).sort()).toEqual(sentUrgent.map((m) => m.id).sort());
	});
});

describe('the built server will not start without a duty address', () => {
	it('names what is missing or wrong, one line each', () => {
		expect(startupProblems({})).toEqual([expect.stringMatching(/^DUTY_MANAGER_EMAIL is not set/)]);
		expect(startupProblems({ DUTY_MANAGER_EMAIL: '  ' })).toHaveLength(1);
		expect(startupProblems({ DUTY_MANAGER_EMAIL: 'not an address' })[0]).toMatch(/not an email address/);
		expect(startupProblems({ DUTY_MANAGER_EMAIL: 'duty@council.example' })).toEqual([]);
		expect(startupProblems({ DUTY_MANAGER_EMAIL: 'duty@council.example', URGENT_ACK_MINUTES: '30' })).toEqual(
			[]
		);
		for (const bad of ['0', 'abc', '1.5', '-5', '2000'])
			expect(
				startupProblems({ DUTY_MANAGER_EMAIL: 'duty@council.example', URGENT_ACK_MINUTES: bad })[0]
			).toMatch(/URGENT_ACK_MINUTES/);
		for (const problem of startupProblems({ URGENT_ACK_MINUTES: 'x' })) expect(problem).not.toContain('\n');
	});
});
