import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * "Only my IRO" means only my IRO: who may set read marks on messages (only their addressee), and
 * reading what a child kept for their IRO with a reason (the audit trail, valid for the rest of the day).
 */
process.env.DATABASE_PATH = ':memory:';
delete process.env.SMTP_URL;
vi.mock('$env/dynamic/private', () => ({ env: process.env }));

const { eq } = await import('drizzle-orm');
const { createUser } = await import('../../src/lib/server/accounts');
const { createChild } = await import('../../src/lib/server/children');
const { addCarer } = await import('../../src/lib/server/carers');
const { db, tables } = await import('../../src/lib/server/db');
const messages = await import('../../src/lib/server/messages');
const privacy = await import('../../src/lib/server/privacy');
const rules = await import('../../src/lib/domain/privacy');
const { privateReadSchema } = await import('../../src/lib/forms/privacy');

const origin = 'https://voicebox.example';
type Person = { id: string; role: 'child' | 'carer' | 'iro' | 'manager' };
let iro: Person, otherIro: Person, manager: Person, child: Person, carer: Person;
let childId: string;
let carerId: string;

const user = async (role: Person['role'], username: string): Promise<Person> => ({
	id: await createUser({ role, username, password: `password ${username}`, displayName: username }),
	role
});

beforeAll(async () => {
	iro = await user('iro', 'amy');
	otherIro = await user('iro', 'bob');
	manager = await user('manager', 'grace');
	child = await user('child', 'kit');
	carer = await user('carer', 'cora');
	childId = createChild({
		iroId: iro.id,
		fullName: 'Kit Lane',
		preferredName: 'Kit',
		dateOfBirth: '2011-05-05',
		status: 'cared_for',
		startDate: '2025-01-06',
		languages: '',
		communicationNeeds: ''
	});
	db().update(tables.children).set({ userId: child.id }).where(eq(tables.children.id, childId)).run();
	carerId = addCarer(childId, { fullName: 'Cora Lane', relationship: 'Aunt', email: '', phone: '' });
	db().update(tables.carers).set({ userId: carer.id }).where(eq(tables.carers.id, carerId)).run();
});

const unreadIn = (conversationId: string, fromStaff: boolean) =>
	messages.threadOf(conversationId).filter((m) => m.fromStaff === fromStaff && m.readAt === null).length;

describe('read marks: only the addressee sets them', () => {
	it('a manager, another IRO, the carer or the child reading the child’s message leaves it unread for the IRO', () => {
		messages.sendMessage({ childId, carerId: null, author: child, body: 'Can we talk?', origin });
		const conversation = messages.findConversation(childId, null)!;
		for (const reader of [manager, otherIro, carer, child]) messages.markRead(conversation.id, reader);
		expect(unreadIn(conversation.id, false)).toBe(1);
		expect(messages.unreadCount(iro)).toBe(1);
		expect(messages.inbox(iro.id, null).find((c) => c.id === conversation.id)?.unread).toBe(1);

		messages.markRead(conversation.id, iro);
		expect(unreadIn(conversation.id, false)).toBe(0);
		expect(messages.unreadCount(iro)).toBe(0);
	});

	it('a reply from staff is marked read only by the child it was written to', () => {
		messages.sendMessage({ childId, carerId: null, author: iro, body: 'Yes, of course.', origin });
		messages.sendMessage({ childId, carerId: null, author: manager, body: 'Amy is away today.', origin });
		const conversation = messages.findConversation(childId, null)!;
		for (const reader of [manager, iro, otherIro, carer]) messages.markRead(conversation.id, reader);
		expect(unreadIn(conversation.id, true)).toBe(2);
		expect(messages.unreadCount(child)).toBe(2);
		messages.markRead(conversation.id, child);
		expect(messages.unreadCount(child)).toBe(0);
	});

	it('in a carer’s conversation, only that carer reads the IRO’s reply and only the IRO reads the carer', () => {
		messages.sendMessage({ childId, carerId, author: carer, body: 'A question', origin });
		messages.sendMessage({ childId, carerId, author: iro, body: 'An answer', origin });
		const conversation = messages.findConversation(childId, carerId)!;
		for (const reader of [manager, otherIro, child]) messages.markRead(conversation.id, reader);
		expect(unreadIn(conversation.id, false)).toBe(1);
		expect(unreadIn(conversation.id, true)).toBe(1);
		messages.markRead(conversation.id, carer);
		expect(unreadIn(conversation.id, true)).toBe(0);
		expect(unreadIn(conversation.id, false)).toBe(1);
		messages.markRead(conversation.id, iro);
		expect(unreadIn(conversation.id, false)).toBe(0);
	});

	it('the rule itself', () => {
		const facts = { iroId: 'i', childUserId: 'c', carerUserId: null, isCarerConversation: false };
		expect(rules.readMarksFor({ id: 'i', role: 'iro' }, facts)).toBe('family');
		expect(rules.readMarksFor({ id: 'x', role: 'iro' }, facts)).toBeNull();
		expect(rules.readMarksFor({ id: 'm', role: 'manager' }, facts)).toBeNull();
		expect(rules.readMarksFor({ id: 'c', role: 'child' }, facts)).toBe('staff');
		const carerFacts = { ...facts, carerUserId: 'k', isCarerConversation: true };
		expect(rules.readMarksFor({ id: 'c', role: 'child' }, carerFacts)).toBeNull();
		expect(rules.readMarksFor({ id: 'k', role: 'carer' }, carerFacts)).toBe('staff');
		expect(rules.readMarksFor({ id: 'k', role: 'carer' }, facts)).toBeNull();
	});
});

describe('reading what is private to the IRO', () => {
	const subject = 'meeting-or-conversation-1';
	const kit = () => ({ iroId: iro.id });
	// 09:00 London time on a winter day (GMT), then later that day, then just after midnight.
	const morning = Date.UTC(2026, 0, 14, 9, 0);

	it('the child’s IRO needs no reason; a manager does, until they give one', () => {
		expect(privacy.privateShown(iro, kit(), subject, morning)).toEqual({ shown: true, needsReason: false });
		expect(privacy.privateShown(manager, kit(), subject, morning)).toEqual({
			shown: false,
			needsReason: true
		});
		privacy.recordPrivateRead(manager.id, subject, 'absent', 'Amy is on leave', morning);
		expect(privacy.privateShown(manager, kit(), subject, morning + 60_000).shown).toBe(true);
		expect(privacy.privateShown(manager, kit(), subject, Date.UTC(2026, 0, 14, 23, 59)).shown).toBe(true);
		// Tomorrow, or another record, or another person: a new reason.
		expect(privacy.privateShown(manager, kit(), subject, Date.UTC(2026, 0, 15, 0, 1)).shown).toBe(false);
		expect(privacy.privateShown(manager, kit(), 'another-record', morning + 60_000).shown).toBe(false);
		expect(privacy.privateShown(otherIro, kit(), subject, morning + 60_000).shown).toBe(false);
	});

	it('the IRO sees who read it, when and why', () => {
		privacy.recordPrivateRead(manager.id, subject, 'safeguarding', '', morning + 1000);
		const reads = privacy.privateReadsOf(subject);
		expect(reads.map((r) => [r.name, r.reason, r.note, r.at])).toEqual([
			['grace', 'safeguarding', '', morning + 1000],
			['grace', 'absent', 'Amy is on leave', morning]
		]);
	});

	it('"the rest of the day" is the London day, across the clock change', () => {
		// 23:30 UTC on 1 July is 00:30 on 2 July in London (BST).
		expect(rules.reasonStillValid(Date.UTC(2026, 6, 1, 22, 0), Date.UTC(2026, 6, 1, 22, 59))).toBe(true);
		expect(rules.reasonStillValid(Date.UTC(2026, 6, 1, 22, 0), Date.UTC(2026, 6, 1, 23, 30))).toBe(false);
		expect(rules.reasonStillValid(morning, morning - 1)).toBe(false);
	});

	it('the form wants a reason, and words for "another reason"', () => {
		expect(privateReadSchema.safeParse({}).success).toBe(false);
		expect(privateReadSchema.safeParse({ reason: 'other', note: '  ' }).success).toBe(false);
		expect(privateReadSchema.safeParse({ reason: 'other', note: 'Complaint review' }).success).toBe(true);
		expect(privateReadSchema.safeParse({ reason: 'absent' }).success).toBe(true);
		expect(privateReadSchema.safeParse({ reason: 'absent', note: 'x'.repeat(201) }).success).toBe(false);
	});

	it('a pack without what the child kept for their IRO says how much was held back', () => {
		const groups = [
			{
				id: 'good',
				answers: [
					{ id: 'a', visibility: 'everyone' },
					{ id: 'b', visibility: 'iro' }
				]
			},
			{ id: 'worries', answers: [{ id: 'c', visibility: 'iro' }] }
		];
		const agenda = [
			{ id: 'x', visibility: 'iro' },
			{ id: 'y', visibility: 'everyone' }
		];
		const kept = rules.withoutPrivate(groups, agenda);
		expect(kept.groups).toEqual([{ id: 'good', answers: [{ id: 'a', visibility: 'everyone' }] }]);
		expect(kept.agenda.map((i) => i.id)).toEqual(['y']);
		expect(kept.withheld).toEqual({ answers: 2, agenda: 1 });
	});
});
