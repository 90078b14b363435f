import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 14: nothing a manager's page asks the database grows with the council. Above about 32,765
 * children a query that binds every child's id fails ("too many SQL variables"); here, with more
 * children than the limit, every statement the manager pages' server functions prepare is recorded and
 * none may bind more than LIMIT values. Long lists come a page at a time.
 */
const { newIro, newAccount, newChild, bookMeeting, DAY } = await import('./support/people');
const { caseload, childrenToFilter } = await import('../../src/lib/server/children');
const { inbox, unreadCount, sendMessage, latestOf } = await import('../../src/lib/server/messages');
const { listIros } = await import('../../src/lib/server/accounts');
const { db, tables } = await import('../../src/lib/server/db');
const { eq } = await import('drizzle-orm');
const { PAGE_SIZE, LIST, IROS, THREAD, CASELOAD, pagedList, shownFrom, moreHref, pageStartId } =
	await import('../../src/lib/domain/paging');

const LIMIT = 100;
const CHILDREN = 160;
const NOW = Date.now();

const manager = { id: await newAccount('manager', 'maxine'), role: 'manager' as const };
const iros = [await newIro('iona', 'Iona Iro'), await newIro('ivan', 'Ivan Iro')];
const childIds: string[] = [];
let urgentChild = '';

beforeAll(async () => {
	for (let i = 0; i < CHILDREN; i++) {
		const id = newChild(iros[i % 2], { fullName: `Child ${String(i).padStart(3, '0')}` });
		childIds.push(id);
		bookMeeting(id, 10 + (i % 30), NOW);
		sendMessage({
			childId: id,
			carerId: null,
			author: { id: iros[i % 2], role: 'iro' },
			body: 'Hello',
			origin: 'x',
			now: NOW - i * 1000
		});
	}
	// One child with an account writes an urgent message.
	urgentChild = childIds[CHILDREN - 1];
	const userId = await newAccount('child', 'cody');
	db().update(tables.children).set({ userId }).where(eq(tables.children.id, urgentChild)).run();
	sendMessage({
		childId: urgentChild,
		carerId: null,
		author: { id: userId, role: 'child' },
		body: 'Help',
		urgent: true,
		origin: 'x',
		now: NOW
	});
});

/** Every statement prepared while `fn` runs, with how many values it binds. */
function statementsOf(fn: () => void) {
	const sqlite = db().$client;
	const prepare = sqlite.prepare.bind(sqlite);
	const seen: { sql: string; bound: number }[] = [];
	sqlite.prepare = ((source: string) => {
		seen.push({ sql: source, bound: (source.match(/\?/g) ?? []).length });
		return prepare(source);
	}) as typeof sqlite.prepare;
	try {
		fn();
	} finally {
		sqlite.prepare = prepare;
	}
	return seen;
}

describe('the manager pages with more children than the limit', () => {
	it('bind no more than a fixed number of values in any query', () => {
		const statements = statementsOf(() => {
			caseload(null, NOW); // overview and allocations
			listIros();
			inbox(null, null, PAGE_SIZE + 1); // the manager's inbox
			inbox(null, childIds[0], PAGE_SIZE + 1);
			childrenToFilter(null, childIds[0]);
			unreadCount(manager); // the header, on every page
		});
		expect(statements.length).toBeGreaterThan(0);
		const tooMany = statements.filter((s) => s.bound > LIMIT);
		expect(tooMany.map((s) => `${s.bound} values: ${s.sql.slice(0, 120)}`)).toEqual([]);
	});

	it('still show the whole council in the caseload, urgent first, with each next meeting', () => {
		const rows = caseload(null, NOW);
		expect(rows).toHaveLength(CHILDREN);
		expect(rows[0].child.id).toBe(urgentChild);
		expect(rows[0].urgentMessage).toBe(true);
		expect(rows.filter((r) => r.urgentMessage)).toHaveLength(1);
		expect(rows.every((r) => r.next !== null && r.next.startsAt > NOW)).toBe(true);
	});

	it('send the inbox a page at a time, unread and urgent first', () => {
		const page = inbox(null, null, PAGE_SIZE + 1);
		expect(page).toHaveLength(PAGE_SIZE + 1);
		expect(page[0].childId).toBe(urgentChild);
		expect(page[0].urgent).toBe(1);
		expect(page[0].unread).toBe(1);
		// Then the latest conversation first.
		expect(page[1].lastMessageAt).toBeGreaterThanOrEqual(page[2].lastMessageAt);
		expect(inbox(iros[0], null)).toHaveLength(CHILDREN / 2);
		expect(unreadCount(manager)).toBe(1);
	});

	it('offer a manager only the child asked for to filter the inbox by, and an IRO their caseload', () => {
		expect(childrenToFilter(null, null)).toEqual([]);
		expect(childrenToFilter(null, childIds[3]).map((c) => c.id)).toEqual([childIds[3]]);
		expect(childrenToFilter(iros[1], null)).toHaveLength(CHILDREN / 2);
	});
});

describe('a long thread', () => {
	it('is sent as its latest messages, oldest first, saying there are earlier ones', async () => {
		const childId = childIds[5];
		const iro = { id: iros[1], role: 'iro' as const };
		for (let i = 1; i <= PAGE_SIZE + 5; i++)
			sendMessage({
				childId,
				carerId: null,
				author: iro,
				body: `Message ${i}`,
				origin: 'x',
				now: NOW + i * DAY
			});
		const conversationId = inbox(null, childId)[0].id;
		const first = latestOf(conversationId, new URLSearchParams());
		expect(first.shown).toBe(THREAD.size);
		expect(first.earlier).toBe(true);
		expect(first.messages).toHaveLength(THREAD.size);
		expect(first.messages.at(-1)?.body).toBe(`Message ${PAGE_SIZE + 5}`);
		expect(first.messages[0].body).toBe(`Message ${PAGE_SIZE + 5 - THREAD.size + 1}`);
		const all = latestOf(conversationId, new URLSearchParams(`shown=${PAGE_SIZE + 6}`));
		expect(all.shown % THREAD.size).toBe(0);
		expect(all.earlier).toBe(false);
		expect(all.messages).toHaveLength(PAGE_SIZE + 6);
		expect(all.messages[0].body).toBe('Hello');
		expect(latestOf(null, new URLSearchParams('shown=40'))).toEqual({
			shown: 40,
			messages: [],
			earlier: false
		});
	});

	it('"Show more" asks for one page more, keeping the filters', () => {
		expect(shownFrom(new URLSearchParams(''))).toBe(PAGE_SIZE);
		expect(shownFrom(new URLSearchParams('shown=junk'))).toBe(PAGE_SIZE);
		expect(shownFrom(new URLSearchParams('shown=60'))).toBe(PAGE_SIZE * 2);
		expect(moreHref(new URL('http://x/iro/inbox?child=abc'), PAGE_SIZE, LIST, 'thread')).toBe(
			`/iro/inbox?child=abc&shown=${PAGE_SIZE * 2}#thread`
		);
		// A thread's pages are of its latest 20 messages.
		expect(shownFrom(new URLSearchParams(''), THREAD)).toBe(THREAD.size);
		expect(shownFrom(new URLSearchParams('shown=30'), THREAD)).toBe(THREAD.size * 2);
		expect(moreHref(new URL('http://x/me/messages'), THREAD.size, THREAD, 'thread')).toBe(
			`/me/messages?shown=${THREAD.size * 2}#thread`
		);
		// A page with two lists names each: "show more" of one keeps the other where it is.
		expect(shownFrom(new URLSearchParams(`shown=${PAGE_SIZE * 3}`), IROS)).toBe(PAGE_SIZE);
		expect(moreHref(new URL(`http://x/manage?shown=${PAGE_SIZE * 2}`), PAGE_SIZE, IROS)).toBe(
			`/manage?shown=${PAGE_SIZE * 2}&iros=${PAGE_SIZE * 2}#iros-${PAGE_SIZE + 1}`
		);
	});

	it('"Show more" lands on the first item it adds, which alone of its page carries the id', () => {
		expect(CASELOAD).toEqual({ name: 'shown', size: 25 });
		expect(moreHref(new URL('http://x/iro'), 25, CASELOAD)).toBe(`/iro?shown=50#shown-26`);
		// The 26th row (index 25) starts the second page of 25; the first page's first row has no id.
		expect(pageStartId(25, CASELOAD)).toBe('shown-26');
		expect(pageStartId(50, CASELOAD)).toBe('shown-51');
		expect([0, 1, 24, 26, 49].map((i) => pageStartId(i, CASELOAD))).toEqual(Array(5).fill(undefined));
		expect(pageStartId(PAGE_SIZE, IROS)).toBe(`iros-${PAGE_SIZE + 1}`);
		// Where the server counts a list, the link asks and the rows are marked, all from one descriptor.
		const list = pagedList('late');
		const shown = shownFrom(new URLSearchParams('late=51'), list);
		const href = moreHref(new URL('http://x/manage/reports?late=51'), shown, list);
		expect(href).toBe(`/manage/reports?late=${PAGE_SIZE * 3}#late-${PAGE_SIZE * 2 + 1}`);
		expect(pageStartId(shown, list)).toBe(href.split('#')[1]);
	});
});
