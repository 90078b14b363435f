import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	ackBand,
	exportedCount,
	financialYear,
	trendDates,
	urgentFigures,
	last12Months,
	percent,
	periodFrom,
	reviewsInTimescale,
	yearBefore
} from '../../src/lib/domain/reports';

/**
 * The service's figures against a small council worked out by hand: periods, reviews in timescale
 * (across a financial year's end, late, moved IRO), participation codes, the shares, caseloads,
 * the oversight log, and CSV exports that hide small numbers and formulas.
 */
const { newIro, newChild } = await import('./support/people');
const { db, tables } = await import('../../src/lib/server/db');
const { newId } = await import('../../src/lib/server/ids');
const { allocateChild } = await import('../../src/lib/server/children');
const { serviceReport } = await import('../../src/lib/server/reports');
const { reportTables, tableCsv, inert } = await import('../../src/lib/server/report-tables');
const { raiseConcern, resolveConcern, concernOfChild } = await import('../../src/lib/server/oversight');
const { translator } = await import('../../src/lib/server/i18n');
const { londonInstant } = await import('../../src/lib/domain/london-time');

const FY = financialYear('2026-12-03');

describe('periods', () => {
	it('a financial year runs from 1 April to 31 March, whichever side of the new year today is', () => {
		expect(financialYear('2026-12-03')).toMatchObject({ from: '2026-04-01', to: '2027-03-31' });
		expect(financialYear('2027-03-31')).toMatchObject({ from: '2026-04-01', to: '2027-03-31' });
		expect(financialYear('2027-04-01')).toMatchObject({ from: '2027-04-01', to: '2028-03-31' });
	});
	it('the last 12 months end today; the year before is the same stretch a year earlier', () => {
		expect(last12Months('2026-12-03')).toMatchObject({ from: '2025-12-04', to: '2026-12-03' });
		expect(yearBefore(FY)).toMatchObject({ from: '2025-04-01', to: '2026-03-31' });
	});
	it('a custom range must be real, in order and at most ten years; otherwise this financial year, with an error', () => {
		const q = (s: string) => periodFrom(new URLSearchParams(s), '2026-12-03');
		expect(q('period=custom&from=2026-01-01&to=2026-06-30').period).toMatchObject({
			kind: 'custom',
			from: '2026-01-01'
		});
		expect(q('period=custom&from=2026-06-30&to=2026-01-01')).toMatchObject({
			error: 'range',
			period: { kind: 'year' }
		});
		expect(q('period=custom&from=2010-01-01&to=2026-01-01').error).toBe('range');
		expect(q('').period.kind).toBe('year');
	});
	it('shares are whole percentages; exports hide 1 to 4', () => {
		expect(percent(1, 3)).toBe(33);
		expect(percent(0, 0)).toBeNull();
		expect([0, 1, 4, 5, 12].map(exportedCount)).toEqual([0, null, null, 5, 12]);
	});
});

describe('reviews held in timescale', () => {
	it('dates each review from the ones before it, counts only those held in the period, and lists the late', () => {
		// Started 6 Jan 2025: first review due 20 working days later (3 Feb 2025); second 3 months after
		// the first; then every 6 months.
		const child = {
			status: 'cared_for' as const,
			startDate: '2025-01-06',
			held: [
				{ heldOn: '2025-01-30', iroId: 'a' }, // on time (due 3 Feb)
				{ heldOn: '2025-05-05', iroId: 'a' }, // due 30 April: 5 days late
				{ heldOn: '2025-11-04', iroId: 'b' }, // due 5 Nov: on time
				{ heldOn: '2026-05-06', iroId: 'b' } // due 4 May: 2 days late, next financial year
			]
		};
		const fy2025 = financialYear('2025-06-01');
		const figures = reviewsInTimescale([child], fy2025);
		expect(figures).toMatchObject({ held: 2, inTimescale: 1 });
		expect(figures.late).toEqual([{ heldOn: '2025-05-05', due: '2025-04-30', daysLate: 5, iroId: 'a' }]);
		expect(reviewsInTimescale([child], financialYear('2026-06-01'))).toMatchObject({
			held: 1,
			inTimescale: 0
		});
		// A review on 31 March belongs to the year that ends then; one on 1 April to the next.
		const edge = {
			...child,
			held: [
				{ heldOn: '2026-03-31', iroId: 'a' },
				{ heldOn: '2026-04-01', iroId: 'a' }
			]
		};
		expect(reviewsInTimescale([edge], fy2025).held).toBe(1);
		expect(reviewsInTimescale([edge], financialYear('2026-06-01')).held).toBe(1);
	});
});

describe('the service report on a small council', () => {
	let amina: string;
	let ben: string;
	const children: Record<string, string> = {};

	function heldReview(
		childId: string,
		heldOn: string,
		by: string,
		code: string,
		chaired = 'no',
		spoke = false
	) {
		const meetingId = newId();
		db()
			.insert(tables.meetings)
			.values({
				id: meetingId,
				childId,
				kind: 'cla_review',
				startsAt: Date.parse(`${heldOn}T10:00:00Z`),
				venue: 'Home',
				mode: 'in_person',
				heldOn,
				writtenUpAt: Date.parse(`${heldOn}T12:00:00Z`),
				writtenUpBy: by,
				createdAt: 0
			} as never)
			.run();
		db()
			.insert(tables.reviewParticipation)
			.values({ meetingId, code, chaired, spokeBeforeOn: spoke ? heldOn : null, updatedAt: 0 } as never)
			.run();
		return meetingId;
	}

	beforeAll(async () => {
		amina = await newIro('rep-amina', 'Amina Report');
		ben = await newIro('rep-ben', 'Ben Report');
		children.sam = newChild(amina, { startDate: '2025-01-06' });
		children.cp = newChild(amina, { status: 'cp_plan', startDate: '2026-04-01' });
		children.kai = newChild(ben, { startDate: '2025-01-06' });
		// Sam: PN1 on time and chaired, sent My say; PN1 again later, late.
		const first = heldReview(children.sam, '2026-05-05', amina, 'PN1', 'chaired', true);
		db()
			.insert(tables.consultations)
			.values({
				id: newId(),
				childId: children.sam,
				meetingId: first,
				version: 'middle',
				age: 10,
				sentAt: 1,
				createdAt: 0,
				updatedAt: 0
			} as never)
			.run();
		db()
			.insert(tables.supportRequests)
			.values({
				id: newId(),
				childId: children.sam,
				meetingId: first,
				kind: 'advocate',
				status: 'new',
				createdAt: 0,
				updatedAt: 0
			} as never)
			.run();
		// Child protection: the ICPC within 15 working days of 1 April 2026 (due 23 April), held 22 April: PN3.
		heldReview(children.cp, '2026-04-22', amina, 'PN3');
		// Kai (Ben's): PN6 in this year, PN6 the year before.
		heldReview(children.kai, '2026-06-01', ben, 'PN6');
		heldReview(children.kai, '2025-06-01', ben, 'PN6');
		const c = raiseConcern(children.kai, ben, {
			subject: 'placement',
			detail: 'x',
			raisedWithRole: 'team_manager',
			raisedWithName: '',
			stage: 'informal',
			raisedOn: '2026-05-01'
		});
		resolveConcern(concernOfChild(children.kai, c)!, ben, { resolvedOn: '2026-05-05', resolution: 'ok' });
		raiseConcern(children.sam, amina, {
			subject: 'education',
			detail: 'y',
			raisedWithRole: 'social_worker',
			raisedWithName: '',
			stage: 'stage1',
			raisedOn: '2026-06-01'
		});
	});

	it('counts participation by code and status, with the year before', () => {
		const r = serviceReport({ iroId: null }, FY);
		expect(r.participation.cared_for.PN1).toBeGreaterThanOrEqual(1);
		const mine = serviceReport({ iroId: amina }, FY);
		expect(mine.participation.cared_for).toMatchObject({ PN1: 1, PN6: 0 });
		expect(mine.participation.cp_plan).toMatchObject({ PN3: 1 });
		const bens = serviceReport({ iroId: ben }, FY);
		expect(bens.participation.cared_for).toMatchObject({ PN6: 1, PN1: 0 });
		expect(bens.participationBefore.cared_for).toMatchObject({ PN6: 1 });
	});

	it('counts the shares of held reviews: My say sent, chaired, advocate asked, met before', () => {
		const mine = serviceReport({ iroId: amina }, FY);
		expect(mine.shares.cared_for).toEqual({ held: 1, sentMySay: 1, chaired: 1, advocate: 1, spokeBefore: 1 });
		expect(mine.shares.cp_plan).toEqual({ held: 1, sentMySay: 0, chaired: 0, advocate: 0, spokeBefore: 0 });
	});

	it('shows an IRO only their own caseload, and a child who moved IRO with the IRO they have now', () => {
		allocateChild(children.kai, amina);
		const mine = serviceReport({ iroId: amina }, FY);
		expect(mine.participation.cared_for.PN6).toBe(1);
		expect(serviceReport({ iroId: ben }, FY).participation.cared_for.PN6).toBe(0);
		allocateChild(children.kai, ben);
		expect(mine.caseloads).toEqual([{ iroId: amina, name: 'Amina Report', children: 3 }]);
	});

	it('counts concerns by subject and stage, and those resolved within the stage time', () => {
		const r = serviceReport({ iroId: ben }, FY);
		expect(r.oversight).toMatchObject({ raised: 1, resolved: 1, resolvedInTime: 1 });
		expect(r.oversight.bySubject.placement).toBe(1);
		expect(serviceReport({ iroId: amina }, FY).oversight.byStage.stage1).toBe(1);
	});

	it('exports a table as CSV with small numbers hidden and formulas made inert', () => {
		const t = translator('en');
		const tables = reportTables(serviceReport({ iroId: amina }, FY), t, { manager: false });
		const participation = tables.find((x) => x.id === 'participation')!;
		const csv = tableCsv(participation, 'fewer than 5');
		const pn1 = csv.split('\n').find((line) => line.startsWith('PN1'))!;
		expect(pn1).toContain('fewer than 5');
		expect(pn1).not.toMatch(/,1,/);
		expect(tables.some((x) => x.id === 'caseloads')).toBe(false);
		expect(inert('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
		expect(inert('-2+3')).toBe("'-2+3");
		expect(inert('Fine')).toBe('Fine');
	});
	it('dates each review in SQL as the hand-worked rules do, and lists the late ones, latest first, 50 at a time', async () => {
		const iro = await newIro('rep-ts', 'Tess Timescale');
		const child = newChild(iro, { startDate: '2025-01-06' });
		for (const on of ['2025-01-30', '2025-05-05', '2025-11-04', '2026-05-06'])
			heldReview(child, on, iro, 'PN1');
		const fy2025 = financialYear('2025-06-01');
		const r = serviceReport({ iroId: iro }, fy2025);
		expect(r.timescales.cared_for).toEqual({ held: 2, inTimescale: 1 });
		expect(r.late).toEqual({
			total: 1,
			list: [{ status: 'cared_for', heldOn: '2025-05-05', due: '2025-04-30', daysLate: 5, iroId: iro }]
		});
		// A review on the 31st: the next is due on the last day of the month 6 months on.
		const edge = newChild(iro, { startDate: null as never });
		heldReview(edge, '2025-08-31', iro, 'PN1');
		heldReview(edge, '2025-11-30', iro, 'PN1'); // 3 months after: due 30 Nov
		heldReview(edge, '2026-05-31', iro, 'PN1'); // 6 months after 30 Nov: due 30 May, a day late
		const later = serviceReport({ iroId: iro }, financialYear('2026-06-01'), { lateShown: 1 });
		expect(later.late.total).toBe(2);
		expect(later.late.list).toEqual([
			{ status: 'cared_for', heldOn: '2026-05-06', due: '2026-05-04', daysLate: 2, iroId: iro }
		]);
	});

	it('gives the same timescale figures from SQL as the rules in domain/ on a council of random reviews', async () => {
		const iro = await newIro('rep-random', 'Rae Random');
		let seed = 12;
		const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n) + 0;
		const day = (from: string, plus: number) =>
			new Date(Date.parse(from) + plus * 86_400_000).toISOString().slice(0, 10);
		const council: Array<{
			status: 'cared_for' | 'cp_plan';
			startDate: string;
			held: { heldOn: string; iroId: string }[];
		}> = [];
		for (let i = 0; i < 25; i++) {
			const status = rand(3) === 0 ? ('cp_plan' as const) : ('cared_for' as const);
			const startDate = day('2022-01-01', rand(1500));
			const id = newChild(iro, { status, startDate });
			const held: { heldOn: string; iroId: string }[] = [];
			let on = startDate;
			for (let k = rand(8); k > 0; k--) {
				on = day(on, rand(5) === 0 ? 0 : 20 + rand(220));
				held.push({ heldOn: on, iroId: iro });
				heldReview(id, on, iro, 'PN1');
			}
			council.push({ status, startDate, held });
		}
		for (const p of [
			financialYear('2023-06-01'),
			financialYear('2024-06-01'),
			financialYear('2025-06-01'),
			{ kind: 'custom' as const, from: '2022-01-01', to: '2027-12-31' }
		]) {
			const sqlFigures = serviceReport({ iroId: iro }, p, { lateShown: null });
			for (const status of ['cared_for', 'cp_plan'] as const) {
				const expected = reviewsInTimescale(
					council.filter((c) => c.status === status),
					p
				);
				expect(sqlFigures.timescales[status]).toEqual({
					held: expected.held,
					inTimescale: expected.inTimescale
				});
				const late = sqlFigures.late.list.filter((l) => l.status === status).map(({ status: _, ...l }) => l);
				const key = (l: { heldOn: string; daysLate: number }) => `${l.daysLate} ${l.heldOn}`;
				expect(late.map(key).sort()).toEqual(expected.late.map(key).sort());
			}
		}
	});

	it("counts each IRO's caseload at each month end, following a child who moved IRO and one whose record closed", async () => {
		const a = await newIro('rep-trend-a', 'Trend A');
		const b = await newIro('rep-trend-b', 'Trend B');
		const x = newChild(a, { startDate: '2026-01-10' });
		const y = newChild(a, { startDate: '2026-05-20' });
		const z = newChild(b, { startDate: '2026-06-15' });
		allocateChild(x, b, null, londonInstant('2026-08-15', '12:00'));
		allocateChild(z, a, null, londonInstant('2026-07-10', '12:00'));
		allocateChild(z, b, null, londonInstant('2026-09-20', '12:00'));
		db()
			.update(tables.children)
			.set({ closedOn: '2026-10-10', closedAt: 1 })
			.where(eq(tables.children.id, y))
			.run();
		const today = '2026-12-03';
		expect(trendDates(FY, today)).toEqual([
			'2026-04-30',
			'2026-05-31',
			'2026-06-30',
			'2026-07-31',
			'2026-08-31',
			'2026-09-30',
			'2026-10-31',
			'2026-11-30',
			'2026-12-03'
		]);
		const t = translator('en');
		const row = (scope: string | null, name: string, id: string) =>
			reportTables(serviceReport({ iroId: scope }, FY, { today }), t, { manager: scope === null })
				.find((x) => x.id === id)!
				.rows.find((r) => r[0] === name);
		const counts = (cells: unknown[] | undefined) => cells?.slice(1).map((c) => (c as { n: number }).n);
		expect(counts(row(null, 'Trend A', 'trendByIro'))).toEqual([1, 2, 2, 3, 2, 1, 0, 0, 0]);
		expect(counts(row(null, 'Trend B', 'trendByIro'))).toEqual([0, 0, 1, 0, 1, 2, 2, 2, 2]);
		// The page makes only the rows of the tables by IRO it shows, and says how many there are.
		const report = serviceReport({ iroId: null }, FY, { today });
		const irosShown = { caseloads: 2, trendByIro: 1 };
		for (const [id, shown] of Object.entries(irosShown)) {
			const whole = reportTables(report, t, { manager: true }).find((x) => x.id === id)!;
			const page = reportTables(report, t, { manager: true, irosShown }).find((x) => x.id === id)!;
			expect(whole.rows.length).toBeGreaterThan(shown);
			expect(page.rows).toEqual(whole.rows.slice(0, shown));
			expect(page.total).toBe(whole.rows.length);
			expect(whole.total).toBeUndefined();
		}
		// An IRO's own trend: their children on each day, with the 50 to 70 in words.
		const own = reportTables(serviceReport({ iroId: a }, FY, { today }), t, { manager: false }).find(
			(x) => x.id === 'trend'
		)!;
		expect(own.rows[3]).toEqual(['2026-07-31', { n: 3 }, 'Under 50']);
		expect(own.note).toBe('The IRO Handbook suggests 50 to 70 children for each full-time IRO.');
		// Over two years: quarter ends.
		expect(trendDates({ kind: 'custom', from: '2024-01-01', to: '2026-12-31' }, today).slice(0, 3)).toEqual([
			'2024-03-31',
			'2024-06-30',
			'2024-09-30'
		]);
	});

	it('counts urgent messages in the period and how soon they were acknowledged', async () => {
		const iro = await newIro('rep-urgent', 'Una Urgent');
		const child = newChild(iro);
		const conversationId = newId();
		db()
			.insert(tables.conversations)
			.values({ id: conversationId, key: newId(), childId: child, lastMessageAt: 0, createdAt: 0 } as never)
			.run();
		const at = (d: string, time: string) => londonInstant(d, time);
		const urgent = (sent: number, ack: number | null) =>
			db()
				.insert(tables.messages)
				.values({
					id: newId(),
					conversationId,
					authorId: iro,
					fromStaff: false,
					body: 'x',
					urgent: true,
					createdAt: sent,
					acknowledgedAt: ack
				} as never)
				.run();
		urgent(at('2026-06-01', '10:00'), at('2026-06-01', '10:30')); // Monday: 30 minutes
		urgent(at('2026-06-01', '11:00'), at('2026-06-01', '15:00')); // the same afternoon: 240 minutes
		urgent(at('2026-06-05', '18:00'), at('2026-06-08', '10:00')); // Friday evening, Monday morning: 3,840 minutes
		urgent(at('2026-06-02', '10:00'), at('2026-06-03', '10:00')); // the next day: 1,440 minutes
		urgent(at('2026-06-10', '10:00'), null);
		urgent(at('2025-06-01', '10:00'), null); // the year before
		const r = serviceReport({ iroId: iro }, FY);
		expect(r.urgent).toEqual({
			sent: 5,
			bands: { hour: 1, sameDay: 2, later: 1, notYet: 1 },
			medianMinutes: 840,
			longestMinutes: 3840
		});
		const table = reportTables(r, translator('en'), { manager: false, intl: 'en-GB' }).find(
			(x) => x.id === 'urgent'
		)!;
		expect(table.caption).toBe(
			'Urgent messages from children and carers sent in the period: 5. Time to acknowledge: median 14 hours, longest 2.7 days.'
		);
		const csv = tableCsv(table, 'fewer than 5').split('\n');
		expect(csv[2]).toMatch(/^Within an hour,fewer than 5,fewer than 5/);
		expect(ackBand(at('2026-06-01', '16:30'), at('2026-06-01', '17:30'))).toBe('hour');
		expect(ackBand(at('2026-06-01', '16:30'), at('2026-06-02', '09:30'))).toBe('later');
		expect(urgentFigures([])).toMatchObject({ sent: 0, medianMinutes: null, longestMinutes: null });
	});

	it('counts feedback answers in SQL, skipped ones apart, and lists what people would change', async () => {
		const iro = await newIro('rep-feedback', 'Fen Feedback');
		const child = newChild(iro);
		const meetingId = heldReview(child, '2026-07-01', iro, 'PN1');
		const give = (
			respondent: string,
			answers: string,
			skippedAt: number | null,
			change = '',
			meeting = meetingId
		) =>
			db()
				.insert(tables.feedback)
				.values({
					id: newId(),
					meetingId: meeting,
					childId: child,
					respondent,
					answers,
					skippedAt,
					change,
					createdAt: 0
				} as never)
				.run();
		give(
			'child',
			'{"listened":"yes","decided":"no","nonsense":"yes","timePlace":"maybe"}',
			null,
			'More time'
		);
		const r = serviceReport({ iroId: iro }, FY);
		expect(r.feedback.counts.given.child).toBe(1);
		expect(r.feedback.counts.answers.child.listened).toEqual({ yes: 1, partly: 0, no: 0 });
		expect(r.feedback.counts.answers.child.decided).toEqual({ yes: 0, partly: 0, no: 1 });
		expect(r.feedback.counts.answers.child.timePlace).toEqual({ yes: 0, partly: 0, no: 0 });
		expect(r.feedback.changes).toEqual([{ respondent: 'child', text: 'More time', lang: null }]);
		expect(r.feedback.changesTotal).toBe(1);
		// What people said grows with the service: the page lists a page of it, and counts it all.
		give('child', '{}', null, 'Shorter meetings', heldReview(child, '2026-09-01', iro, 'PN1'));
		give('child', '{}', null, '   ', heldReview(child, '2026-11-01', iro, 'PN1'));
		const firstPage = serviceReport({ iroId: iro }, FY, { changesShown: 1 });
		expect(firstPage.feedback.changes).toHaveLength(1);
		expect(firstPage.feedback.changesTotal).toBe(2);
		expect(serviceReport({ iroId: iro }, FY, { changesShown: null }).feedback.changes).toHaveLength(2);
	});

	it('reads no large table from end to end: the query plans use indexes (docs/report-query-plans.md)', async () => {
		const client = db().$client;
		const proto = Object.getPrototypeOf(client.prepare('select 1'));
		const seen: Array<{ sql: string; params: unknown[] }> = [];
		const originals = { all: proto.all, get: proto.get };
		for (const m of ['all', 'get'] as const)
			proto[m] = function (this: { source: string }, ...params: unknown[]) {
				seen.push({ sql: this.source, params });
				return originals[m].apply(this, params);
			};
		try {
			serviceReport({ iroId: null }, FY, { today: '2026-12-03' });
			serviceReport({ iroId: amina }, FY, { today: '2026-12-03' });
		} finally {
			Object.assign(proto, originals);
		}
		expect(seen.length).toBeGreaterThan(10);
		const scans: string[] = [];
		for (const q of seen) {
			const plan = client.prepare(`explain query plan ${q.sql}`).all(...(q.params as never[])) as Array<{
				detail: string;
			}>;
			for (const { detail } of plan)
				if (/^SCAN (meetings|messages|audit_log|earlier)\b/.test(detail))
					scans.push(`${detail}\n  in ${q.sql}`);
		}
		if (process.env.REPORT_PLANS)
			for (const q of seen)
				console.log(
					`${q.sql}\n${(client.prepare(`explain query plan ${q.sql}`).all(...(q.params as never[])) as Array<{ detail: string }>).map((r) => `  ${r.detail}`).join('\n')}\n`
				);
		expect(scans).toEqual([]);
	});
});
