import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { DAY, bookMeeting, newChild, newIro } from './support/people';

vi.mock('$app/server', () => ({ getRequestEvent: () => ({ request: { method: 'GET' } }) }));
const { canAccessChild, canCloseRecord, canEndAccount, canReopenRecord, refusesWrites } =
	await import('../../src/lib/server/access');
const { db, tables } = await import('../../src/lib/server/db');
const { createUser } = await import('../../src/lib/server/accounts');
const { addCarer } = await import('../../src/lib/server/carers');
const { createSession, validateSessionToken } = await import('../../src/lib/server/auth/session');
const ending = await import('../../src/lib/server/ending');
const { isPastRetention, retentionDays, DEFAULT_CLOSED_RECORD_RETENTION_DAYS } =
	await import('../../src/lib/domain/retention');

const { children, users, meetings, conversations, messages, agendaItems, childCarers, carers, sessions } =
	tables;
const { auditLog, carerViews } = tables;

describe('who may end what (access.ts)', () => {
	const child = { iroId: 'iro-1', userId: 'child-1', closedAt: 1 };

	it('keeps a closed record from the child and their carers, and lets its IRO and managers read it', () => {
		expect(canAccessChild({ id: 'child-1', role: 'child' }, child, 'view', false)).toBe(false);
		expect(canAccessChild({ id: 'carer-1', role: 'carer' }, child, 'view', true)).toBe(false);
		expect(canAccessChild({ id: 'iro-1', role: 'iro' }, child, 'view', false)).toBe(true);
		expect(canAccessChild({ id: 'iro-2', role: 'iro' }, child, 'view', false)).toBe(false);
		expect(canAccessChild({ id: 'm', role: 'manager' }, child, 'view', false)).toBe(true);
		expect(
			canAccessChild({ id: 'child-1', role: 'child' }, { ...child, closedAt: null }, 'view', false)
		).toBe(true);
	});

	it('refuses every form posted about a closed record, and none about an open one', () => {
		expect(refusesWrites({ closedAt: 1 }, 'POST')).toBe(true);
		expect(refusesWrites({ closedAt: 1 }, 'GET')).toBe(false);
		expect(refusesWrites({ closedAt: null }, 'POST')).toBe(false);
	});

	it('lets the child’s own IRO or a manager close a record, and only a manager reopen or erase it', () => {
		expect(canCloseRecord({ id: 'iro-1', role: 'iro' }, child)).toBe(true);
		expect(canCloseRecord({ id: 'iro-2', role: 'iro' }, child)).toBe(false);
		expect(canCloseRecord({ id: 'm', role: 'manager' }, child)).toBe(true);
		expect(canCloseRecord({ id: 'c', role: 'carer' }, child)).toBe(false);
		expect(canReopenRecord({ role: 'manager' })).toBe(true);
		expect(canReopenRecord({ role: 'iro' })).toBe(false);
	});

	it('lets a manager close any staff or carer account but their own; an IRO only a carer wholly theirs', () => {
		const manager = { id: 'm', role: 'manager' as const };
		const iro = { id: 'iro-1', role: 'iro' as const };
		expect(canEndAccount(manager, { id: 'iro-1', role: 'iro', iroIds: [] })).toBe(true);
		expect(canEndAccount(manager, { id: 'm2', role: 'manager', iroIds: [] })).toBe(true);
		expect(canEndAccount(manager, { id: 'm', role: 'manager', iroIds: [] })).toBe(false);
		// A child's account closes with their record, never on its own.
		expect(canEndAccount(manager, { id: 'c', role: 'child', iroIds: [] })).toBe(false);
		expect(canEndAccount(iro, { id: 'carer', role: 'carer', iroIds: ['iro-1'] })).toBe(true);
		expect(canEndAccount(iro, { id: 'carer', role: 'carer', iroIds: ['iro-1', 'iro-2'] })).toBe(false);
		// A carer linked to nobody is a manager's decision (the IRO cannot know whose they were).
		expect(canEndAccount(iro, { id: 'carer', role: 'carer', iroIds: [] })).toBe(false);
		expect(canEndAccount(iro, { id: 'iro-2', role: 'iro', iroIds: [] })).toBe(false);
	});
});

describe('the retention period', () => {
	it('defaults to six years and reads a whole number of days', () => {
		expect(DEFAULT_CLOSED_RECORD_RETENTION_DAYS).toBe(2190);
		expect(retentionDays(undefined)).toBe(2190);
		expect(retentionDays('30')).toBe(30);
		expect(retentionDays('-3')).toBe(2190);
		expect(retentionDays('ten')).toBe(2190);
		expect(isPastRetention(0, 30 * DAY, 30)).toBe(false);
		expect(isPastRetention(0, 30 * DAY + 1, 30)).toBe(true);
	});

	it('keeps the server from starting with a period that is not a whole number of days', async () => {
		const { startupProblems } = await import('../../src/lib/server/config');
		const duty = { DUTY_MANAGER_EMAIL: 'duty@council.example' };
		expect(startupProblems({ ...duty, CLOSED_RECORD_RETENTION_DAYS: '30' })).toEqual([]);
		expect(startupProblems({ ...duty, CLOSED_RECORD_RETENTION_DAYS: 'six years' })).toHaveLength(1);
	});
});

/** A child with an account, a meeting, an agenda item, a conversation with a message, and a carer with views. */
async function childWithEverything(iroId: string, tag: string, now: number) {
	const userId = await createUser({
		role: 'child',
		username: `child.${tag}`,
		password: 'pw pw pw pw',
		displayName: tag
	});
	const childId = newChild(iroId, { fullName: `Child ${tag}` });
	const d = db();
	d.update(children).set({ userId }).where(eq(children.id, childId)).run();
	const meetingId = bookMeeting(childId, 10, now);
	d.insert(agendaItems)
		.values({
			id: `agenda-${tag}`,
			childId,
			meetingId,
			position: 0,
			text: 'School',
			raiser: 'me',
			visibility: 'everyone',
			createdAt: now,
			updatedAt: now
		})
		.run();
	d.insert(conversations)
		.values({ id: `conv-${tag}`, key: `${childId}:child`, childId, lastMessageAt: now, createdAt: now })
		.run();
	d.insert(messages)
		.values({
			id: `msg-${tag}`,
			conversationId: `conv-${tag}`,
			authorId: userId,
			fromStaff: false,
			body: 'hi',
			createdAt: now
		})
		.run();
	const carerId = addCarer(childId, {
		fullName: `Carer ${tag}`,
		relationship: 'Foster carer',
		email: '',
		phone: ''
	});
	d.insert(carerViews)
		.values({ id: `views-${tag}`, meetingId, carerId, updatedAt: now })
		.run();
	await createSession(userId, now);
	return { childId, userId, meetingId, carerId };
}

const exists = (table: typeof children | typeof users | typeof carers, id: string) =>
	Boolean(db().select().from(table).where(eq(table.id, id)).get());

describe('closed records and the retention job', () => {
	it('deletes a record just past its period and everything about the child, keeps one just inside, touches no other child', async () => {
		const now = Date.UTC(2026, 11, 3, 12);
		const iroId = await newIro('retention.iro');
		const inside = await childWithEverything(iroId, 'inside', now - 40 * DAY);
		const past = await childWithEverything(iroId, 'past', now - 40 * DAY);
		const open = await childWithEverything(iroId, 'open', now - 40 * DAY);
		ending.closeRecord(
			{ childId: inside.childId, closedOn: '2026-11-03', reason: 'Went home' },
			iroId,
			now - 30 * DAY + 1
		);
		ending.closeRecord(
			{ childId: past.childId, closedOn: '2026-11-03', reason: 'Went home' },
			iroId,
			now - 30 * DAY - 1
		);

		// Closing ended the child's account and sessions at once.
		expect(db().select().from(sessions).where(eq(sessions.userId, past.userId)).all()).toEqual([]);
		expect(db().select().from(users).where(eq(users.id, past.userId)).get()!.deactivatedAt).not.toBeNull();

		expect(await ending.purgeClosedRecords(30, now)).toBe(1);

		// The record past its period: nothing about the child is left.
		expect(exists(children, past.childId)).toBe(false);
		expect(db().select().from(meetings).where(eq(meetings.childId, past.childId)).all()).toEqual([]);
		expect(db().select().from(agendaItems).where(eq(agendaItems.childId, past.childId)).all()).toEqual([]);
		expect(db().select().from(conversations).where(eq(conversations.childId, past.childId)).all()).toEqual(
			[]
		);
		expect(db().select().from(messages).where(eq(messages.id, 'msg-past')).all()).toEqual([]);
		expect(db().select().from(carerViews).where(eq(carerViews.id, 'views-past')).all()).toEqual([]);
		expect(db().select().from(childCarers).where(eq(childCarers.childId, past.childId)).all()).toEqual([]);
		// Its carer had no account and no other child: their record goes too.
		expect(exists(carers, past.carerId)).toBe(false);
		// The child's account keeps no name, username or password (audit entries may name its id).
		const husk = db().select().from(users).where(eq(users.id, past.userId)).get();
		if (husk) {
			expect(husk.displayName).toBe('');
			expect(husk.username).toBe(`deleted:${past.userId}`);
			expect(husk.passwordHash).toBe('');
		}
		// The deletion is in the audit trail, with ids only.
		const entry = db().select().from(auditLog).where(eq(auditLog.subjectId, past.childId)).all();
		expect(entry.map((e) => e.action)).toContain(ending.AUDIT.deleted);
		expect(JSON.stringify(entry)).not.toContain('Child past');
		expect(JSON.stringify(entry)).not.toContain('Went home');

		// Just inside the period, and an open record: untouched.
		for (const kept of [inside, open]) {
			expect(exists(children, kept.childId)).toBe(true);
			expect(db().select().from(meetings).where(eq(meetings.childId, kept.childId)).all()).toHaveLength(1);
			expect(
				db()
					.select()
					.from(messages)
					.where(eq(messages.conversationId, `conv-${kept === inside ? 'inside' : 'open'}`))
					.all()
			).toHaveLength(1);
			expect(exists(carers, kept.carerId)).toBe(true);
			expect(exists(users, kept.userId)).toBe(true);
		}
		expect(db().select().from(sessions).where(eq(sessions.userId, open.userId)).all()).toHaveLength(1);
		// A second run finds nothing more.
		expect(await ending.purgeClosedRecords(30, now)).toBe(0);
	});

	it('lets a manager erase a closed record before its time, recording why and by whom', async () => {
		const now = Date.now();
		const iroId = await newIro('erase.iro');
		const managerId = await createUser({
			role: 'manager',
			username: 'erase.manager',
			password: 'pw pw pw pw',
			displayName: 'M'
		});
		const record = await childWithEverything(iroId, 'erase', now);
		ending.closeRecord({ childId: record.childId, closedOn: '2026-12-01', reason: 'Adopted' }, iroId, now);
		expect(ending.eraseRecord(record.childId, 'Erasure request met', managerId, now)).toBe(true);
		expect(exists(children, record.childId)).toBe(false);
		const erased = db().select().from(auditLog).where(eq(auditLog.action, ending.AUDIT.erased)).get()!;
		expect(erased).toMatchObject({
			subjectId: record.childId,
			userId: managerId,
			detail: 'Erasure request met'
		});
	});

	it('reopens a closed record with its child’s account', async () => {
		const now = Date.now();
		const iroId = await newIro('reopen.iro');
		const managerId = await createUser({
			role: 'manager',
			username: 'reopen.manager',
			password: 'pw pw pw pw',
			displayName: 'M'
		});
		const record = await childWithEverything(iroId, 'reopen', now);
		ending.closeRecord({ childId: record.childId, closedOn: '2026-12-01', reason: 'Moved' }, iroId, now);
		ending.reopenRecord(record.childId, managerId, now);
		expect(db().select().from(children).where(eq(children.id, record.childId)).get()!.closedAt).toBeNull();
		expect(db().select().from(users).where(eq(users.id, record.userId)).get()!.deactivatedAt).toBeNull();
	});
});

describe('closing an account and unlinking a carer', () => {
	it('ends every session of a closed account at once, and opens again without them', async () => {
		const iroId = await newIro('leaving.iro');
		const managerId = await createUser({
			role: 'manager',
			username: 'leaving.manager',
			password: 'pw pw pw pw',
			displayName: 'M'
		});
		newChild(iroId);
		const tokens = [await createSession(iroId), await createSession(iroId)];
		expect(validateSessionToken(tokens[0])).not.toBeNull();
		// One open record allocated to the IRO now needs a new IRO.
		expect(ending.deactivateAccount(iroId, managerId)).toBe(1);
		for (const token of tokens) expect(validateSessionToken(token)).toBeNull();
		expect(db().select().from(sessions).where(eq(sessions.userId, iroId)).all()).toEqual([]);
		ending.reactivateAccount(iroId, managerId);
		expect(ending.childrenNeedingIro(iroId)).toBe(0);
		const actions = db()
			.select()
			.from(auditLog)
			.where(eq(auditLog.subjectId, iroId))
			.all()
			.map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining([ending.AUDIT.deactivated, ending.AUDIT.reactivated]));
	});

	it('unlinks a carer and keeps what they wrote; closes their account only when asked', async () => {
		const now = Date.now();
		const iroId = await newIro('unlink.iro');
		const record = await childWithEverything(iroId, 'unlink', now);
		const carerUser = await createUser({
			role: 'carer',
			username: 'carer.unlink',
			password: 'pw pw pw pw',
			displayName: 'C'
		});
		db().update(carers).set({ userId: carerUser }).where(eq(carers.id, record.carerId)).run();
		const token = await createSession(carerUser);
		expect(
			ending.unlinkCarer({ childId: record.childId, carerId: record.carerId, endAccount: true }, iroId, now)
		).toBe(true);
		expect(db().select().from(childCarers).where(eq(childCarers.carerId, record.carerId)).all()).toEqual([]);
		expect(db().select().from(carerViews).where(eq(carerViews.id, 'views-unlink')).all()).toHaveLength(1);
		expect(validateSessionToken(token)).toBeNull();
		expect(ending.wasUnlinked(record.childId, record.carerId)).toBe(true);
		expect(ending.carerAfterUnlink(record.carerId)).toMatchObject({ accountClosed: true, otherChildren: 0 });
	});
});
