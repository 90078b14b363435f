import { afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { last12Months } from '../../src/lib/domain/reports';

/**
 * Figures kept between requests (server/figure-cache.ts): the change counter's triggers exist on a
 * freshly migrated database and count exactly the writes that feed the figures; kept figures are the
 * same as counted afresh, and a write, a new day or a meeting starting gives fresh ones.
 */
const { DAY, newAccount, newChild, newIro } = await import('./support/people');
const { db, tables } = await import('../../src/lib/server/db');
const { newId } = await import('../../src/lib/server/ids');
const { FIGURE_TRIGGERS, KEPT, figureChanges, keptCount, keptFigures, keptFiguresNow } =
	await import('../../src/lib/server/figure-cache');
const { allocateChild, caseload, caseloadTableRow } = await import('../../src/lib/server/children');
const { serviceReport } = await import('../../src/lib/server/reports');
const { keptAllocations, keptCaseload, keptReport, keptServiceOverview } =
	await import('../../src/lib/server/kept-figures');
const { formatRequestFigures } = await import('../../src/lib/server/formats');
const { writeUpReview } = await import('../../src/lib/server/reviews');
const { saveFeedback } = await import('../../src/lib/server/feedback');
const { sendMessage, markRead } = await import('../../src/lib/server/messages');
const { createSession } = await import('../../src/lib/server/auth/session');
const { recordAudit } = await import('../../src/lib/server/audit');
const { londonDate } = await import('../../src/lib/domain/dates');
const { londonInstant } = await import('../../src/lib/domain/london-time');

const sqlite = () => db().$client;
const run = (statement: string, ...params: unknown[]) =>
	sqlite()
		.prepare(statement)
		.run(...params);

/** How many changes `fn` counted. */
async function bumps(fn: () => unknown): Promise<number> {
	const before = figureChanges();
	await fn();
	return figureChanges() - before;
}

/** A meeting of this child at `startsAt`, written up as held on `heldOn` when given. */
function meetingAt(childId: string, startsAt: number, heldOn?: string, by?: string) {
	const id = newId();
	db()
		.insert(tables.meetings)
		.values({
			id,
			childId,
			kind: 'cla_review',
			startsAt,
			venue: 'Home',
			mode: 'in_person',
			heldOn: heldOn ?? null,
			writtenUpAt: heldOn ? startsAt : null,
			writtenUpBy: heldOn ? (by ?? null) : null,
			createdAt: 0
		})
		.run();
	return id;
}

afterEach(() => {
	vi.useRealTimers();
});

describe('the change counter', () => {
	it('has every trigger it should on a freshly migrated database, and no other of its own', () => {
		const expected = Object.entries(FIGURE_TRIGGERS)
			.flatMap(([table, events]) => events.map((e) => `${table} figures_${table}_${e}`))
			.sort();
		const found = sqlite()
			.prepare<[], { tbl_name: string; name: string }>(
				"select tbl_name, name from sqlite_master where type = 'trigger' and name like 'figures_%'"
			)
			.all()
			.map((t) => `${t.tbl_name} ${t.name}`)
			.sort();
		expect(found).toEqual(expected);
	});

	it('counts a write to each table the figures read, and not sessions, read marks, the audit trail or drafts', async () => {
		const iro = await newIro('fc-triggers');
		const childUser = await newAccount('child', 'fc-child');
		const childId = newChild(iro);
		run('update children set user_id = ? where id = ?', childUser, childId);
		const meetingId = meetingAt(childId, Date.now() - 3 * DAY, londonDate(Date.now() - 3 * DAY), iro);
		const now = Date.now();
		const inserts: Record<string, () => unknown> = {
			users: () => newIro('fc-another'),
			children: () => newChild(iro),
			past_allocations: () =>
				run(
					"insert into past_allocations (child_id, iro_id, until_on) values (?, ?, '2025-01-01')",
					childId,
					iro
				),
			meetings: () => meetingAt(childId, now + DAY),
			review_participation: () =>
				run(
					"insert into review_participation (meeting_id, code, chaired, updated_at) values (?, 'PN1', 'no', 0)",
					meetingId
				),
			feedback: () =>
				run(
					"insert into feedback (id, meeting_id, child_id, respondent, created_at) values (?, ?, ?, 'child', 0)",
					newId(),
					meetingId,
					childId
				),
			concerns: () =>
				run(
					`insert into concerns (id, child_id, subject, detail, raised_with_role, raised_on, stage, stage_started_on, due_on, created_at, updated_at)
					 values (?, ?, 'placement', 'x', 'social_worker', '2026-01-01', 'informal', '2026-01-01', '2026-01-10', 0, 0)`,
					newId(),
					childId
				),
			format_requests: () =>
				run(
					`insert into format_requests (id, child_id, requested_by, requested_by_role, kind, document, created_at)
					 values (?, ?, ?, 'child', 'large_print', 'letter', 0)`,
					newId(),
					childId,
					childUser
				),
			consultations: () =>
				run(
					"insert into consultations (id, meeting_id, child_id, version, age, created_at, updated_at) values (?, ?, ?, 'middle', 10, 0, 0)",
					newId(),
					meetingId,
					childId
				),
			support_requests: () =>
				run(
					"insert into support_requests (id, child_id, meeting_id, kind, status, created_at, updated_at) values (?, ?, ?, 'advocate', 'new', 0, 0)",
					newId(),
					childId,
					meetingId
				),
			messages: () =>
				sendMessage({
					childId,
					carerId: null,
					author: { id: childUser, role: 'child' },
					body: 'Help',
					urgent: true,
					origin: 'http://localhost'
				})
		};
		for (const [table, insert] of Object.entries(inserts))
			expect(await bumps(insert), `insert into ${table}`).toBe(1);

		// An update of a column the figures read, on each table.
		const watched: Record<keyof typeof FIGURE_TRIGGERS, string> = {
			children: 'status',
			past_allocations: 'until_on',
			meetings: 'held_on',
			review_participation: 'code',
			feedback: 'answers',
			concerns: 'stage',
			format_requests: 'kind',
			users: 'display_name',
			consultations: 'sent_at',
			support_requests: 'kind',
			messages: 'acknowledged_at',
			conversations: 'child_id'
		};
		for (const [table, column] of Object.entries(watched)) {
			const n = await bumps(() =>
				run(`update ${table} set ${column} = ${column} where rowid = (select min(rowid) from ${table})`)
			);
			expect(n, `update of ${table}.${column}`).toBe(1);
		}

		// The IRO list (keptIros) shows usernames and email addresses.
		expect(
			await bumps(() => run('update users set username = username, email = email where id = ?', iro))
		).toBe(1);

		// What does not feed the figures.
		const conversationId = sqlite()
			.prepare<[string], string>('select id from conversations where child_id = ?')
			.pluck()
			.get(childId)!;
		const untouched: Record<string, () => unknown> = {
			session: () => createSession(iro),
			'audit entry': () => recordAudit({ userId: iro, action: 'record.read', subjectId: childId, childId }),
			'a message that is not urgent, and its email': () =>
				sendMessage({
					childId,
					carerId: null,
					author: { id: childUser, role: 'child' },
					body: 'Hello',
					origin: 'http://localhost'
				}),
			'a read mark of a message that is not urgent': () =>
				sendMessage({
					childId,
					carerId: null,
					author: { id: iro, role: 'iro' },
					body: 'Hi',
					origin: 'http://localhost'
				}) && markRead(conversationId, { id: childUser, role: 'child' }),
			'a sign-in attempt': () =>
				run("insert into attempts (key, failures, last_failure_at) values ('ip:x', 1, 0)"),
			'an email sent': () => run('update outbox set sent_at = 1'),
			'a My say draft': () => run('update consultations set answers = \'{"a":1}\''),
			'a new password': () => run('update users set password_hash = password_hash'),
			'a conversation read or done': () => run('update conversations set last_message_at = 1, done_at = 1')
		};
		for (const [what, write] of Object.entries(untouched)) expect(await bumps(write), what).toBe(0);

		// Deleting from each table counts too (children last: the rest are deleted with them).
		const order = [
			'messages',
			'conversations',
			'feedback',
			'review_participation',
			'consultations',
			'support_requests',
			'concerns',
			'format_requests',
			'past_allocations',
			'meetings'
		];
		run('delete from messages where urgent = 0');
		for (const table of order) {
			const n = await bumps(() =>
				run(`delete from ${table} where rowid = (select min(rowid) from ${table})`)
			);
			expect(n, `delete from ${table}`).toBeGreaterThanOrEqual(1);
		}
		const spare = newChild(iro);
		expect(await bumps(() => run('delete from children where id = ?', spare))).toBe(1);
		const another = await newIro('fc-gone');
		expect(await bumps(() => run('delete from users where id = ?', another))).toBe(1);
	});
});

describe('kept figures', () => {
	const PERIOD = () => last12Months(londonDate(Date.now()));

	it('are the same as counted afresh, and are not counted again until something changes', async () => {
		const iro = await newIro('fc-same');
		const childId = newChild(iro, { startDate: londonDate(Date.now() - 400 * DAY) });
		meetingAt(childId, Date.now() - 200 * DAY, londonDate(Date.now() - 200 * DAY), iro);
		const scope = { iroId: iro };
		const kept = await keptReport(scope, PERIOD());
		expect(kept).toEqual({
			report: serviceReport(scope, PERIOD()),
			formatRequests: formatRequestFigures(scope, PERIOD())
		});
		expect(await keptReport(scope, PERIOD())).toBe(kept);
		// Another list length, another scope: figures of their own.
		expect(await keptReport(scope, PERIOD(), { lateShown: null })).not.toBe(kept);
		expect(await keptReport({ iroId: null }, PERIOD())).toEqual({
			report: serviceReport({ iroId: null }, PERIOD()),
			formatRequests: formatRequestFigures({ iroId: null }, PERIOD())
		});

		const now = Date.now();
		const rows = await keptCaseload(iro, now);
		expect(rows).toEqual(caseload(iro, now));
		expect(await keptCaseload(iro, now + 1000)).toBe(rows);
		// The manager's overview and allocations: a page of the whole caseload's open records.
		const open = caseload(null, now).filter((r) => r.child.closedAt === null);
		const overview = await keptServiceOverview(false, 2, now);
		expect(overview.total).toBe(open.length);
		expect(overview.rows).toEqual(open.slice(0, 2).map(caseloadTableRow));
		const allocations = await keptAllocations(2, now);
		expect(allocations.children.map((c) => c.id)).toEqual(open.slice(0, 2).map((r) => r.child.id));
		expect(allocations.more).toBe(open.length > 2);
	});

	it('show a review written up, a feedback answer and an allocation change at the next read', async () => {
		const amina = await newIro('fc-amina', 'Amina Kept');
		const ben = await newIro('fc-ben', 'Ben Kept');
		const childId = newChild(amina, { startDate: londonDate(Date.now() - 100 * DAY) });
		const startsAt = Date.now() - 2 * DAY;
		const meetingId = meetingAt(childId, startsAt);
		const scope = { iroId: amina };
		const before = (await keptReport(scope, PERIOD())).report;
		expect(before.timescales.cared_for.held).toBe(0);
		expect((await keptCaseload(amina)).find((r) => r.child.id === childId)?.toWriteUp).toBe(1);

		const heldOn = londonDate(startsAt);
		const result = writeUpReview(
			childId,
			meetingId,
			{
				held: true,
				heldOn,
				childCame: true,
				carerIds: [],
				socialWorker: false,
				others: [],
				code: 'PN1',
				chaired: 'no',
				spokeBefore: null
			},
			amina
		);
		expect(result).toBe('done');
		const written = (await keptReport(scope, PERIOD())).report;
		expect(written.timescales.cared_for.held).toBe(1);
		expect(written.participation.cared_for.PN1).toBe(1);
		expect((await keptCaseload(amina)).find((r) => r.child.id === childId)?.toWriteUp).toBe(0);

		const meeting = db()
			.select()
			.from(tables.meetings)
			.all()
			.find((m) => m.id === meetingId)!;
		saveFeedback({
			meeting,
			who: { respondent: 'child' },
			userId: amina,
			version: 'middle',
			answers: { listened: 'yes' } as never,
			change: 'More snacks',
			skip: false
		});
		const answered = (await keptReport(scope, PERIOD())).report;
		expect(answered.feedback.counts.given.child).toBe(1);
		expect(answered.feedback.changes.map((c) => c.text)).toEqual(['More snacks']);

		expect((await keptReport({ iroId: ben }, PERIOD())).report.caseloads[0].children).toBe(0);
		allocateChild(childId, ben, null);
		expect((await keptCaseload(amina)).map((r) => r.child.id)).not.toContain(childId);
		expect((await keptCaseload(ben)).map((r) => r.child.id)).toContain(childId);
		const overview = await keptServiceOverview(false, 100_000);
		expect(overview.rows.find((r) => r.child.id === childId)?.iroName).toBe('Ben Kept');
		const allocations = await keptAllocations(100_000);
		expect(allocations.children.find((c) => c.id === childId)?.iroId).toBe(ben);
		expect(allocations.children.find((c) => c.id === childId)?.needsNewIro).toBe(false);
		// Ben's account closed: his children need a new IRO, on both pages at the next read.
		db().update(tables.users).set({ deactivatedAt: Date.now() }).where(eq(tables.users.id, ben)).run();
		expect((await keptServiceOverview(false, 100_000)).needNewIro).toBeGreaterThan(overview.needNewIro);
		expect((await keptAllocations(100_000)).children.find((c) => c.id === childId)?.needsNewIro).toBe(true);
		db().update(tables.users).set({ deactivatedAt: null }).where(eq(tables.users.id, ben)).run();
		expect((await keptReport({ iroId: ben }, PERIOD())).report.caseloads[0].children).toBe(1);
		expect(await keptReport({ iroId: ben }, PERIOD())).toEqual({
			report: serviceReport({ iroId: ben }, PERIOD()),
			formatRequests: formatRequestFigures({ iroId: ben }, PERIOD())
		});
	});

	it('are counted afresh on a new day (due dates move with it)', async () => {
		const iro = await newIro('fc-day');
		const childId = newChild(iro, { startDate: '2026-01-05' });
		const due = caseload(iro, londonInstant('2026-01-06', '12:00')).find((r) => r.child.id === childId)!.due!
			.due;
		const onDue = londonInstant(due, '12:00');
		const dayAfter = onDue + DAY;
		const first = await keptCaseload(iro, onDue);
		const second = await keptCaseload(iro, dayAfter);
		expect(second).not.toBe(first);
		expect(second).toEqual(caseload(iro, dayAfter));
		expect(first[0].state).not.toBe('overdue');
		expect(second[0].state).toBe('overdue');

		// The report's caseload trend ends today.
		vi.useFakeTimers({ toFake: ['Date'] });
		const period = { kind: 'custom' as const, from: '2026-01-01', to: '2026-12-31' };
		vi.setSystemTime(londonInstant('2026-06-15', '12:00'));
		const june15 = (await keptReport({ iroId: iro }, period)).report;
		expect(june15.trend.dates.at(-1)).toBe('2026-06-15');
		vi.setSystemTime(londonInstant('2026-06-16', '12:00'));
		const june16 = (await keptReport({ iroId: iro }, period)).report;
		expect(june16.trend.dates.at(-1)).toBe('2026-06-16');
		expect(june16).toEqual(serviceReport({ iroId: iro }, period));
	});

	it('are counted afresh once a meeting in them has started, and not for an earlier instant', async () => {
		const iro = await newIro('fc-start');
		const childId = newChild(iro);
		const nine = londonInstant('2026-03-10', '09:00');
		const meetingId = meetingAt(childId, nine + 60 * 60_000);
		const before = await keptCaseload(iro, nine);
		expect(before[0]).toMatchObject({ next: { id: meetingId }, toWriteUp: 0 });
		expect(await keptCaseload(iro, nine + 30 * 60_000)).toBe(before);
		const after = await keptCaseload(iro, nine + 2 * 60 * 60_000);
		expect(after[0]).toMatchObject({ next: null, toWriteUp: 1 });
		expect(await keptCaseload(iro, nine)).toEqual(caseload(iro, nine));
	});

	it(`keep at most ${KEPT} sets of figures, the least recently used going first`, async () => {
		let counted = 0;
		const count = () => ++counted;
		await keptFigures('test', ['first'], count);
		for (let i = 0; i < KEPT + 10; i++) {
			await keptFigures('test', [i], count);
			await keptFigures('test', ['first'], count);
		}
		expect(keptCount()).toBe(KEPT);
		expect(counted).toBe(KEPT + 11);
		expect(await keptFigures('test', [0], count)).toBe(KEPT + 12);
	});

	it('are counted once for requests that ask while they are being counted, and again after a failed count', async () => {
		let counted = 0;
		let finish: (n: number) => void = () => {};
		const slow = () => {
			counted++;
			return new Promise<number>((resolve) => (finish = resolve));
		};
		const first = keptFigures('test', ['slow'], slow);
		const second = keptFigures('test', ['slow'], slow);
		await Promise.resolve();
		finish(42);
		expect(await Promise.all([first, second])).toEqual([42, 42]);
		expect(counted).toBe(1);
		expect(await keptFigures('test', ['slow'], slow)).toBe(42);

		const failing = () => Promise.reject(new Error('the database is busy'));
		await expect(keptFigures('test', ['fails'], failing)).rejects.toThrow('busy');
		expect(await keptFigures('test', ['fails'], () => 7)).toBe(7);
	});

	it('counted here and now (the whole caseload in the worker) are counted once until a change', async () => {
		const count = vi.fn(() => ({ n: 1 }));
		const first = keptFiguresNow('test now', [], count);
		expect(keptFiguresNow('test now', [], count)).toBe(first);
		expect(count).toHaveBeenCalledTimes(1);
		newChild(await newIro('fc-now'));
		expect(keptFiguresNow('test now', [], count)).not.toBe(first);
		expect(count).toHaveBeenCalledTimes(2);
	});
});
