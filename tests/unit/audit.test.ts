import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every staff read of a child's record is audited (one row each, with the child), every change too;
 * the child's trail and one staff member's reads come a page at a time; the trail is append-only.
 */
delete process.env.SMTP_URL;

const { eq } = await import('drizzle-orm');
const { allocateChild } = await import('../../src/lib/server/children');
const { addCarer, linkCarer } = await import('../../src/lib/server/carers');
const meetings = await import('../../src/lib/server/meetings');
const { db, databasePath, readTogether, tables } = await import('../../src/lib/server/db');
const { openDatabase } = await import('../../src/lib/server/db/client');
const audit = await import('../../src/lib/server/audit');
const { issueWelcomeCode } = await import('../../src/lib/server/welcome-letters');
const { issuePasswordReset } = await import('../../src/lib/server/password-reset');
const { sendMessage, findConversation } = await import('../../src/lib/server/messages');
const { recordPrivateRead } = await import('../../src/lib/server/privacy');
const { newAccount, newIro, newChild, bookMeeting, DAY } = await import('./support/people');

let iroId: string, managerId: string, otherIroId: string, childUserId: string;
let childId: string, otherChildId: string, meetingId: string;
const iro = () => ({ id: iroId, role: 'iro' as const });
const trail = (id = childId) => audit.trailOfChild(id, null, 500).rows;

beforeAll(async () => {
	iroId = await newIro('ira', 'Ira Iro');
	otherIroId = await newIro('ola', 'Ola Other');
	managerId = await newAccount('manager', 'mo', 'Mo');
	childUserId = await newAccount('child', 'kit', 'Kit');
	childId = newChild(iroId, { fullName: 'Kit Lane' });
	otherChildId = newChild(otherIroId, { fullName: 'Other Child' });
	db().update(tables.children).set({ userId: childUserId }).where(eq(tables.children.id, childId)).run();
	meetingId = bookMeeting(childId, 10);
});

describe('every read of a child’s record', () => {
	it('writes one row for each kind of read by staff, with who, what and the child, never the content', () => {
		for (const kind of audit.READ_KINDS) {
			const before = trail().length;
			audit.auditRead(iro(), kind, { childId, subjectId: meetingId });
			const rows = trail();
			expect(rows.length, kind).toBe(before + 1);
			expect(rows[0]).toMatchObject({ action: `${kind}.read`, name: 'Ira Iro', role: 'iro', childId });
		}
	});

	it('does not record the child’s or a carer’s reads of their own record', () => {
		const before = trail().length;
		audit.auditRead({ id: childUserId, role: 'child' }, 'child', { childId });
		expect(trail().length).toBe(before);
	});

	it('finds the child of an entry from its subject (a meeting, a conversation) when not given', () => {
		audit.recordAudit({ userId: iroId, action: 'outcomes.save', subjectId: meetingId });
		expect(trail()[0]).toMatchObject({ action: 'outcomes.save', childId });
		sendMessage({ childId, carerId: null, author: iro(), body: 'Hello', origin: 'https://x.example' });
		const conversation = findConversation(childId, null)!;
		recordPrivateRead(managerId, conversation.id, 'safeguarding', '');
		expect(trail()[0]).toMatchObject({ action: 'private.read', reason: 'safeguarding', childId });
		// Entries about another child stay in that child's trail.
		expect(trail(otherChildId)).toEqual([]);
	});

	it('writes inside the caller’s transaction, and refuses one of another connection', () => {
		const entry = { userId: iroId, action: 'outcomes.save', subjectId: meetingId, childId };
		const before = trail().length;
		// Rolled back with the transaction it was written in.
		expect(() =>
			db().transaction((tx) => {
				audit.recordAudit(entry, Date.now(), tx);
				throw new Error('undo');
			})
		).toThrow('undo');
		expect(trail().length).toBe(before);
		const other = openDatabase(databasePath());
		try {
			expect(() => other.transaction((tx) => audit.recordAudit(entry, Date.now(), tx))).toThrow(
				'not a transaction of db()'
			);
			// Nor does the request's read transaction (readTogether) make db() look inside a write.
			readTogether();
			expect(() => other.transaction((tx) => audit.recordAudit(entry, Date.now(), tx))).toThrow(
				'not a transaction of db()'
			);
		} finally {
			other.$client.close();
		}
		expect(trail().length).toBe(before);
	});
});

describe('every change', () => {
	it('allocation, booking, moving, cancelling, codes, resets and carers each write one row', async () => {
		const start = trail().length;
		allocateChild(childId, iroId, managerId);
		const booked = meetings.bookMeeting(
			{ childId, kind: 'cla_review', startsAt: Date.now() + 20 * DAY, venue: 'School', mode: 'in_person' },
			Date.now(),
			iroId
		);
		if (!booked.ok) throw new Error('not booked');
		meetings.moveMeeting(
			booked.id,
			{ startsAt: Date.now() + 21 * DAY, venue: 'Home', mode: 'online', kind: 'cla_review' },
			Date.now(),
			iroId
		);
		meetings.cancelMeeting(meetings.meetingOfChild(childId, booked.id)!, Date.now(), iroId);
		const carerId = addCarer(
			childId,
			{ fullName: 'Cara Lane', relationship: 'Mum', email: '', phone: '' },
			null,
			iroId
		);
		linkCarer(childId, carerId, 'Mother', null, iroId);
		const child = db().select().from(tables.children).where(eq(tables.children.id, childId)).get()!;
		const carer = db().select().from(tables.carers).where(eq(tables.carers.id, carerId)).get()!;
		expect(issueWelcomeCode(child, carer, iroId)).toBeTruthy();
		expect(
			issuePasswordReset({ childId }, { id: iroId, displayName: 'Ira Iro' }, Date.now(), childId)
		).toBeTruthy();
		// Newest first, in the order they happened, even within one millisecond.
		const actions = trail()
			.slice(0, trail().length - start)
			.map((r) => r.action);
		expect(actions).toEqual(
			[
				'child.allocated',
				'meeting.booked',
				'meeting.moved',
				'meeting.cancelled',
				'carer.added',
				'carer.linked',
				'invite.issued',
				'password.reset_issued'
			].reverse()
		);
	});
});

describe('paging, 50 at a time', () => {
	it('pages the child’s trail newest first without repeating or skipping, even as entries are added', () => {
		const pagedChild = newChild(iroId, { fullName: 'Paged Child' });
		const t0 = 1_700_000_000_000;
		for (let i = 0; i < 120; i++)
			audit.auditRead(iro(), 'child', { childId: pagedChild }, t0 + Math.floor(i / 3) * 1000);
		const first = audit.trailOfChild(pagedChild);
		expect(first.rows).toHaveLength(50);
		expect(first.next).not.toBeNull();
		// A new reading after the first page was shown does not shift the next page.
		audit.auditRead(iro(), 'child', { childId: pagedChild }, t0 + 999_000);
		const second = audit.trailOfChild(pagedChild, first.next);
		const third = audit.trailOfChild(pagedChild, second.next);
		expect(second.rows).toHaveLength(50);
		expect(third.rows).toHaveLength(20);
		expect(third.next).toBeNull();
		const ids = [...first.rows, ...second.rows, ...third.rows].map((r) => r.id);
		expect(new Set(ids).size).toBe(120);
		// Three entries share each millisecond: a page may end between them and the next goes on.
		expect(first.next).toMatch(/^\d+\.\d+$/);
		const times = [...first.rows, ...second.rows, ...third.rows].map((r) => r.at);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		// A cursor that is not one is the first page.
		expect(audit.trailOfChild(pagedChild, "1' or 1=1").rows[0].at).toBe(t0 + 999_000);
	});

	it('lists one member of staff’s reads of children’s records, with whose record, and only theirs', () => {
		audit.auditRead({ id: otherIroId, role: 'iro' }, 'pack', { childId: otherChildId, subjectId: 'm' });
		const reads = audit.readsBy(otherIroId);
		expect(reads.rows).toHaveLength(1);
		expect(reads.rows[0]).toMatchObject({ action: 'pack.read', childName: 'Other Child', name: 'Ola Other' });
		expect(audit.readsBy(iroId).rows.every((r) => r.userId === iroId && r.childId)).toBe(true);
	});
});

describe('append-only', () => {
	it('audit.ts exports only functions that add and read', () => {
		const fns = Object.entries(audit)
			.filter(([, v]) => typeof v === 'function')
			.map(([k]) => k)
			.sort();
		expect(fns).toEqual([
			'auditOf',
			'auditRead',
			'packReads',
			'readsBy',
			'recordAudit',
			'recordPackRead',
			'trailOfChild'
		]);
	});

	it('no code in src/ updates or deletes the audit table', () => {
		const SRC = join(import.meta.dirname, '../../src');
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const full = join(dir, name);
				if (statSync(full).isDirectory()) walk(full);
				else if (/\.(ts|js|svelte)$/.test(name)) files.push(full);
			}
		};
		walk(SRC);
		// Retention (deleting a closed record) keeps the audit entries: they hold ids only, never content.
		const ALLOWED: string[] = [];
		const offending = files.filter((file) => {
			if (ALLOWED.some((a) => file.endsWith(a))) return false;
			const source = readFileSync(file, 'utf8');
			return (
				/\.(update|delete)\(\s*(tables\.)?auditLog\b/.test(source) ||
				/\b(update|delete\s+from)\s+[`"']?audit_log\b/i.test(source)
			);
		});
		expect(offending).toEqual([]);
	});
});
