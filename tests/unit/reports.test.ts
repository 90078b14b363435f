import { beforeAll, describe, expect, it } from 'vitest';
import {
	exportedCount,
	financialYear,
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
});
