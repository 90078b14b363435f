import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/**
 * Messages and email notifications against an in-memory database and a real SMTP server on loopback.
 */
const received: Array<{ to: string; subject: string; text: string }> = [];
let failNext = 0;
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	onData(stream, session, callback) {
		simpleParser(stream).then((mail) => {
			if (failNext > 0) {
				failNext--;
				return callback(new Error('mailbox busy'));
			}
			received.push({
				to: session.envelope.rcptTo.map((r) => r.address).join(','),
				subject: mail.subject ?? '',
				text: mail.text ?? ''
			});
			callback();
		});
	}
});

beforeAll(async () => {
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
	const port = (smtp.server.address() as { port: number }).port;
	process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
	process.env.DUTY_MANAGER_EMAIL = 'duty@council.example';
});
// Emails still being sent in the background finish (and log) before the SMTP server and the worker close.
afterAll(async () => {
	await deliverDue();
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const { createUser } = await import('../../src/lib/server/accounts');
const { createChild, allocateChild, caseload } = await import('../../src/lib/server/children');
const { addCarer } = await import('../../src/lib/server/carers');
const messages = await import('../../src/lib/server/messages');
const { deliverDue, retryDelay } = await import('../../src/lib/server/notify');
const { db, tables } = await import('../../src/lib/server/db');

const origin = 'https://voicebox.example';
let iro: { id: string; role: 'iro' };
let otherIro: { id: string; role: 'iro' };
let child: { id: string; role: 'child' };
let carer: { id: string; role: 'carer' };
let childId: string;
let carerId: string;

async function settle() {
	for (let i = 0; i < 20; i++) {
		await deliverDue();
		await new Promise((r) => setTimeout(r, 20));
	}
}

beforeAll(async () => {
	iro = {
		id: await createUser({
			role: 'iro',
			username: 'iro',
			email: 'iro@council.example',
			password: 'password one',
			displayName: 'Ira'
		}),
		role: 'iro'
	};
	otherIro = {
		id: await createUser({
			role: 'iro',
			username: 'iro2',
			email: 'iro2@council.example',
			password: 'password two',
			displayName: 'Otto'
		}),
		role: 'iro'
	};
	childId = createChild({
		iroId: iro.id,
		fullName: 'Zebedee Quill',
		preferredName: 'Zeb',
		dateOfBirth: '2014-03-03',
		status: 'cared_for',
		startDate: '2026-01-05',
		languages: '',
		communicationNeeds: ''
	});
	child = {
		id: await createUser({ role: 'child', username: 'zeb', password: 'password three', displayName: 'Zeb' }),
		role: 'child'
	};
	db().update(tables.children).set({ userId: child.id }).run();
	carerId = addCarer(childId, {
		fullName: 'Carol Carer',
		relationship: 'Foster carer',
		email: 'carol@example.com',
		phone: ''
	});
	carer = {
		id: await createUser({
			role: 'carer',
			username: 'carol',
			password: 'password four',
			displayName: 'Carol Carer'
		}),
		role: 'carer'
	};
	db().update(tables.carers).set({ userId: carer.id }).run();
});

describe('messages between a child and their IRO', () => {
	it('keep the text exactly as typed, tell the IRO by email without the text or the name, and track reading', async () => {
		const body = '<b>hi</b> 😀 https://example.com\nsecond line';
		messages.sendMessage({ childId, carerId: null, author: child, body, origin });
		await settle();
		const conversation = messages.findConversation(childId, null)!;
		expect(messages.threadOf(conversation.id)[0].body).toBe(body);
		expect(messages.unreadCount(iro)).toBe(1);
		expect(messages.unreadCount(otherIro)).toBe(0);

		const email = received.find((m) => m.to === 'iro@council.example')!;
		expect(email.subject).toBe('You have a new message in Voicebox');
		expect(email.text).toContain(`${origin}/iro/conversations/${conversation.id}`);
		for (const secret of ['Zeb', 'Zebedee', 'Quill', '<b>hi</b>', 'second line'])
			expect(email.text + email.subject).not.toContain(secret);

		// Opening the thread marks it read, and gives the header's count afresh only then.
		expect(messages.openThread(conversation.id, otherIro)).toEqual({});
		expect(messages.openThread(conversation.id, iro)).toEqual({ unread: 0 });
		expect(messages.unreadCount(iro)).toBe(0);
		expect(messages.threadOf(conversation.id)[0].readAt).not.toBeNull();
		expect(messages.openThread(conversation.id, iro)).toEqual({});
		expect(messages.markRead(conversation.id, iro)).toBe(false);
		expect(messages.openThread(null, child)).toEqual({});
	});

	it('send the IRO at most one email an hour per conversation', async () => {
		const before = received.filter((m) => m.to === 'iro@council.example').length;
		messages.sendMessage({ childId, carerId: null, author: child, body: 'again', origin });
		messages.sendMessage({ childId, carerId: null, author: child, body: 'and again', origin });
		await settle();
		expect(received.filter((m) => m.to === 'iro@council.example').length).toBe(before);
	});

	it('send urgent messages at once to the IRO and the duty manager, flagged in inbox and caseload', async () => {
		const before = received.length;
		messages.sendMessage({
			childId,
			carerId: null,
			author: child,
			body: 'I do not feel safe',
			urgent: true,
			origin
		});
		await settle();
		const urgent = received.slice(before);
		expect(urgent.map((m) => m.to).sort()).toEqual(['duty@council.example', 'iro@council.example']);
		expect(urgent.every((m) => m.subject.startsWith('Urgent'))).toBe(true);
		expect(messages.inbox(iro.id, null)[0].urgent).toBeGreaterThan(0);
		expect(caseload(iro.id).find((r) => r.child.id === childId)?.urgentMessage).toBe(true);
	});

	it('keep the carer’s conversation apart, and email the carer when the IRO replies', async () => {
		messages.sendMessage({ childId, carerId, author: carer, body: 'carer here', origin });
		const carerConversation = messages.findConversation(childId, carerId)!;
		expect(carerConversation.id).not.toBe(messages.findConversation(childId, null)!.id);
		const before = received.length;
		messages.sendMessage({ childId, carerId, author: iro, body: 'reply to carer', origin });
		await settle();
		const mail = received.slice(before).find((m) => m.to === 'carol@example.com')!;
		expect(mail.text).toContain(`${origin}/carer/children/${childId}/messages`);
		expect(messages.unreadCount(carer)).toBe(1);
		expect(messages.unreadCount(child)).toBe(0);
	});

	it('follow the child to a new IRO when they are re-allocated', async () => {
		allocateChild(childId, otherIro.id);
		expect(messages.inbox(otherIro.id, null).length).toBe(2);
		expect(messages.inbox(iro.id, null).length).toBe(0);
		expect(messages.unreadCount(iro)).toBe(0);
		allocateChild(childId, iro.id);
	});

	it('retry failed emails and never lose them', async () => {
		failNext = 1;
		const before = received.length;
		messages.sendMessage({
			childId,
			carerId: null,
			author: child,
			body: 'urgent again',
			urgent: true,
			origin
		});
		await settle();
		const pending = db()
			.select()
			.from(tables.outbox)
			.all()
			.filter((e) => e.sentAt === null);
		expect(pending.length).toBe(1);
		expect(pending[0].attempts).toBe(1);
		expect(pending[0].lastError).toContain('mailbox busy');
		await deliverDue(pending[0].nextAttemptAt);
		expect(received.length).toBe(before + 2);
		expect(retryDelay(1)).toBe(30_000);
		expect(retryDelay(20)).toBe(60 * 60_000);
	});
});
