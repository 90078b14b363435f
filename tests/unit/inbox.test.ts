import { describe, expect, it } from 'vitest';

/**
 * Issue 14: the staff inbox is ranked from each conversation's own counts of what staff have not read,
 * kept by triggers on `messages` (migration 0010). The counts always equal the messages counted afresh,
 * whatever writes them (sending, reading, a record erased), and a page of the whole service's inbox is
 * read off one index, in order, without counting a single message.
 */
const { newAccount, newChild, newIro } = await import('./support/people');
const { db, tables } = await import('../../src/lib/server/db');
const { INBOX_TRIGGERS, inbox, markRead, sendMessage } = await import('../../src/lib/server/messages');
const { eq } = await import('drizzle-orm');

const { planOf, recordPrepared } = await import('./support/statements');

const sqlite = () => db().$client;
const prepared = recordPrepared(sqlite());
const origin = 'https://voicebox.example';

const iroId = await newIro('inbox-iro');
const iro = { id: iroId, role: 'iro' as const };

/** A child on the IRO's caseload with an account of their own. */
async function childWithAccount(name: string) {
	const childId = newChild(iroId, { fullName: name });
	const userId = await newAccount('child', `inbox-${name.toLowerCase().replace(/\W/g, '')}`);
	db().update(tables.children).set({ userId }).where(eq(tables.children.id, childId)).run();
	return { childId, author: { id: userId, role: 'child' as const } };
}

/** Every conversation's kept counts beside the same counted from its messages now. */
function keptAndCounted() {
	return sqlite()
		.prepare(
			`select c.unread_by_staff as unread, c.urgent_unread_by_staff as urgent,
				(select count(*) from messages m where m.conversation_id = c.id and m.from_staff = 0 and m.read_at is null) as countedUnread,
				(select count(*) from messages m where m.conversation_id = c.id and m.from_staff = 0 and m.read_at is null and m.urgent = 1) as countedUrgent
			from conversations c`
		)
		.all() as Array<{ unread: number; urgent: number; countedUnread: number; countedUrgent: number }>;
}

function expectCountsTrue() {
	for (const row of keptAndCounted()) {
		expect(row.unread).toBe(row.countedUnread);
		expect(row.urgent).toBe(row.countedUrgent);
	}
}

describe('the staff inbox', () => {
	it('has its counting triggers on a freshly migrated database', () => {
		const names = (
			sqlite().prepare(`select name from sqlite_master where type = 'trigger'`).all() as Array<{
				name: string;
			}>
		).map((t) => t.name);
		for (const trigger of INBOX_TRIGGERS) expect(names).toContain(trigger);
	});

	it('keeps each conversation’s unread and urgent counts true through sending, reading and erasing', async () => {
		const ada = await childWithAccount('Ada Inbox');
		const ben = await childWithAccount('Ben Inbox');
		sendMessage({ ...ada, carerId: null, body: 'one', origin });
		sendMessage({ ...ada, carerId: null, body: 'two', origin, urgent: true });
		sendMessage({ childId: ada.childId, carerId: null, author: iro, body: 'reply', origin });
		sendMessage({ ...ben, carerId: null, body: 'hello', origin });
		expectCountsTrue();
		const adaRow = inbox(iroId, ada.childId)[0];
		expect([adaRow.unread, adaRow.urgent]).toEqual([2, 1]);

		// The child reading the IRO's reply changes nothing staff wait for; the IRO reading clears both.
		markRead(adaRow.id, ada.author);
		expect(inbox(iroId, ada.childId)[0].unread).toBe(2);
		markRead(adaRow.id, iro);
		expect(inbox(iroId, ada.childId)[0]).toMatchObject({ unread: 0, urgent: 0 });
		expectCountsTrue();

		// A message deleted unread (a record erased) is no longer waiting.
		sqlite().prepare(`delete from messages where conversation_id = ?`).run(inbox(iroId, ben.childId)[0].id);
		expect(inbox(iroId, ben.childId)[0]).toMatchObject({ unread: 0, urgent: 0 });
		expectCountsTrue();
	});

	it('puts urgent first, then unread, then the latest, a page at a time, for the IRO and the manager', async () => {
		const quiet = await childWithAccount('Quiet Inbox');
		const waiting = await childWithAccount('Waiting Inbox');
		const worried = await childWithAccount('Worried Inbox');
		const later = Date.now() + 60_000;
		sendMessage({ ...worried, carerId: null, body: 'help', origin, urgent: true, now: later });
		sendMessage({ ...waiting, carerId: null, body: 'a question', origin, now: later + 1 });
		sendMessage({ ...quiet, carerId: null, body: 'latest of all', origin, now: later + 2 });
		const quietId = inbox(iroId, quiet.childId)[0].id;
		markRead(quietId, iro);
		for (const rows of [inbox(iroId, null), inbox(null, null)]) {
			const names = rows.map((r) => r.childName);
			expect(names.indexOf('Worried Inbox')).toBe(0);
			expect(names.indexOf('Waiting Inbox')).toBe(1);
			// Among the read ones, the latest first.
			expect(rows.find((r) => r.unread === 0)?.id).toBe(quietId);
		}
		expect(inbox(null, null, 2).map((r) => r.childName)).toEqual(['Worried Inbox', 'Waiting Inbox']);
	});

	it('reads a page of the whole service off its index, in order, without counting messages', () => {
		inbox(null, null, 50);
		// The one statement the inbox runs, prepared once and kept: asking again prepares nothing.
		const before = prepared.length;
		inbox(null, null, 50);
		expect(prepared.length).toBe(before);
		// The whole service's: conversations with no filter, straight to their order.
		const sql = prepared.find((s) =>
			/^with "ranked" as \(select [^()]* from "conversations" order by/.test(s)
		);
		expect(sql).toBeDefined();
		const plan = planOf(sqlite(), sql!, 51);
		expect(plan).toContain('SCAN conversations USING INDEX conversations_inbox_idx');
		// The page is read in the index's order: the only sort is of the page itself, once named.
		expect(plan.match(/TEMP B-TREE/g)).toHaveLength(1);
		expect(plan).not.toContain('messages');
	});
});
