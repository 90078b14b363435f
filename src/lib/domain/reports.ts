import {
	addDays,
	compareDates,
	daysBetween,
	daysInMonth,
	isIsoDate,
	londonDate,
	parseIsoDate,
	type IsoDate
} from './dates';
import { heldInTimescale, nextMeetingDue, type ChildStatus } from './timescales';
import { londonTime } from './london-time';
import { addWorkingDays, isWorkingDay } from './working-days';
import { WORKING_DAY_END } from './working-hours';

/**
 * The IRO service's own figures (the annual report): the period a report covers, reviews held in
 * timescale, shares as percentages, and the rule that a small number is not shown in exports.
 */

export const PERIOD_KINDS = ['year', 'last12', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
	kind: PeriodKind;
	/** First and last day, both included. */
	from: IsoDate;
	to: IsoDate;
}

/** The financial year (1 April to 31 March) that `today` falls in. */
export function financialYear(today: IsoDate): Period {
	const { year, month } = parseIsoDate(today);
	const start = month >= 4 ? year : year - 1;
	return { kind: 'year', from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** The 12 months up to and including today. */
export function last12Months(today: IsoDate): Period {
	const { year } = parseIsoDate(today);
	return {
		kind: 'last12',
		from: addDays(`${year - 1}${today.slice(4)}`.replace('-02-29', '-02-28'), 1),
		to: today
	};
}

/**
 * The period asked for in the address (`?period=year|last12|custom&from=&to=`), the current financial
 * year when nothing (or nothing valid) is asked. A custom range must be real dates, in order, at most
 * ten years and a day long. `error` says why a custom range was not used.
 */
export function periodFrom(params: URLSearchParams, today: IsoDate): { period: Period; error?: 'range' } {
	const kind = params.get('period');
	if (kind === 'last12') return { period: last12Months(today) };
	if (kind === 'custom') {
		const from = params.get('from') ?? '';
		const to = params.get('to') ?? '';
		if (isIsoDate(from) && isIsoDate(to) && compareDates(from, to) <= 0 && daysBetween(from, to) <= 3653)
			return { period: { kind: 'custom', from, to } };
		return { period: financialYear(today), error: 'range' };
	}
	return { period: financialYear(today) };
}

/** The same stretch of time one year earlier (for "the year before"). */
export function yearBefore(p: Period): Period {
	const back = (d: IsoDate) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`.replace('-02-29', '-02-28');
	return { kind: p.kind, from: back(p.from), to: back(p.to) };
}

export const within = (d: IsoDate, p: Period) => compareDates(d, p.from) >= 0 && compareDates(d, p.to) <= 0;

/** A share as a whole percentage (null when there is nothing to divide by). */
export function percent(part: number, whole: number): number | null {
	return whole === 0 ? null : Math.round((part / whole) * 100);
}

/** Below this a count is not given in anything exported, so it cannot point to a child. */
export const SMALL_NUMBER = 5;

/** A count as an export shows it: 1–4 become null ("fewer than 5"); 0 and 5 or more are kept. */
export function exportedCount(n: number): number | null {
	return n > 0 && n < SMALL_NUMBER ? null : n;
}

export interface ReviewsOfChild {
	status: ChildStatus;
	startDate: IsoDate | null;
	/** Every review of the child recorded as held, any order, with the IRO who held it. */
	held: Array<{ heldOn: IsoDate; iroId: string | null }>;
}

export interface TimescaleFigures {
	held: number;
	inTimescale: number;
	/** Reviews in the period that were not in timescale: when, how late, by which IRO. */
	late: Array<{ heldOn: IsoDate; due: IsoDate; daysLate: number; iroId: string | null }>;
}

/** When a review was due, given those held before it; null when the timescales cannot say (no start date, or outside the years whose bank holidays are known). */
function dueBefore(child: ReviewsOfChild, heldBefore: IsoDate[]) {
	try {
		return nextMeetingDue({ status: child.status, startDate: child.startDate, held: heldBefore });
	} catch {
		return null;
	}
}

/** When a child's first review (or initial conference) was due; null when the timescales cannot say. */
export function firstReviewDue(status: ChildStatus, startDate: IsoDate | null): IsoDate | null {
	return dueBefore({ status, startDate, held: [] }, [])?.due ?? null;
}

/**
 * Reviews held in the period and how many were in timescale. Each review's due date comes from the
 * reviews held before it (and the start date), as the statutory timescales say.
 */
export function reviewsInTimescale(children: readonly ReviewsOfChild[], period: Period): TimescaleFigures {
	const out: TimescaleFigures = { held: 0, inTimescale: 0, late: [] };
	for (const child of children) {
		const held = [...child.held].sort((a, b) => compareDates(a.heldOn, b.heldOn));
		held.forEach((review, i) => {
			if (!within(review.heldOn, period)) return;
			const due = dueBefore(
				child,
				held.slice(0, i).map((h) => h.heldOn)
			);
			out.held += 1;
			if (!due || heldInTimescale(review.heldOn, due.due)) out.inTimescale += 1;
			else
				out.late.push({
					heldOn: review.heldOn,
					due: due.due,
					daysLate: daysBetween(due.due, review.heldOn),
					iroId: review.iroId
				});
		});
	}
	out.late.sort((a, b) => b.daysLate - a.daysLate);
	return out;
}

/** A cell of a report table: text, a count, or a percentage of a count (see server/report-tables.ts). */
/** A cell: set text, a count, a percentage of a count, or words someone wrote (with their page's language). */
export type Cell =
	string | { n: number } | { pct: number | null; of: number } | { written: string; lang: string | null };

export interface ReportTable {
	id: string;
	caption: string;
	head: string[];
	rows: Cell[][];
	/** Drawn as a bar chart too: the column (or columns, one bar each, named by their heading) to draw. */
	chart?: number | number[];
	/** A sentence beside the chart and table (what a figure is measured against, in words). */
	note?: string;
	/** When only the first rows are listed: how many there are in all. */
	total?: number;
}

/** The IRO Handbook's caseload for one full-time IRO: 50 to 70 children. */
export const CASELOAD_LOW = 50;
export const CASELOAD_HIGH = 70;
export type CaseloadBand = 'under' | 'within' | 'over';
export const caseloadBand = (children: number): CaseloadBand =>
	children > CASELOAD_HIGH ? 'over' : children < CASELOAD_LOW ? 'under' : 'within';

/** A period longer than this many months is shown at quarter ends rather than month ends. */
export const TREND_MONTHS_MAX = 24;

/**
 * The days a caseload trend is counted on: each month end in the period (each quarter end, March,
 * June, September and December, when the period is longer than two years), none after today, and
 * the period's last day (or today) when that is not one of them.
 */
export function trendDates(p: Period, today: IsoDate): IsoDate[] {
	const last = compareDates(p.to, today) <= 0 ? p.to : today;
	if (compareDates(last, p.from) < 0) return [];
	const quarters = daysBetween(p.from, p.to) > TREND_MONTHS_MAX * 31;
	const out: IsoDate[] = [];
	let { year, month } = parseIsoDate(p.from);
	for (;;) {
		const end = `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
		if (compareDates(end, last) > 0) break;
		if (!quarters || month % 3 === 0) out.push(end);
		month += 1;
		if (month > 12) [year, month] = [year + 1, 1];
	}
	if (out.at(-1) !== last) out.push(last);
	return out;
}

/** The next working day (outside the years whose bank holidays are known, the next weekday). */
function nextWorkingDay(d: IsoDate): IsoDate {
	try {
		return addWorkingDays(d, 1);
	} catch {
		let next = addDays(d, 1);
		while (!isWorkingDay(next)) next = addDays(next, 1);
		return next;
	}
}

/** How soon an urgent message was acknowledged. */
export const ACK_BANDS = ['hour', 'sameDay', 'later', 'notYet'] as const;
export type AckBand = (typeof ACK_BANDS)[number];

/**
 * Within an hour; else by the end of the working day it was sent (the next working day when sent
 * out of hours, at a weekend or on a bank holiday); else later; or not acknowledged yet.
 */
export function ackBand(sentAt: number, acknowledgedAt: number | null): AckBand {
	if (acknowledgedAt === null) return 'notYet';
	if (acknowledgedAt - sentAt <= 60 * 60_000) return 'hour';
	const sentOn = londonDate(sentAt);
	const day = isWorkingDay(sentOn) && londonTime(sentAt) < WORKING_DAY_END ? sentOn : nextWorkingDay(sentOn);
	const ackOn = londonDate(acknowledgedAt);
	const byEnd =
		compareDates(ackOn, day) < 0 || (ackOn === day && londonTime(acknowledgedAt) < WORKING_DAY_END);
	return byEnd ? 'sameDay' : 'later';
}

export interface UrgentFigures {
	sent: number;
	bands: Record<AckBand, number>;
	/** Minutes from sending to acknowledgement, of those acknowledged (null when none was). */
	medianMinutes: number | null;
	longestMinutes: number | null;
}

/** Urgent messages sent in a period: how many, and how soon staff acknowledged them. */
export function urgentFigures(
	rows: ReadonlyArray<{ sentAt: number; acknowledgedAt: number | null }>
): UrgentFigures {
	const bands = Object.fromEntries(ACK_BANDS.map((b) => [b, 0])) as Record<AckBand, number>;
	const minutes: number[] = [];
	for (const r of rows) {
		bands[ackBand(r.sentAt, r.acknowledgedAt)] += 1;
		if (r.acknowledgedAt !== null)
			minutes.push(Math.max(0, Math.round((r.acknowledgedAt - r.sentAt) / 60_000)));
	}
	minutes.sort((a, b) => a - b);
	const mid = minutes.length >> 1;
	return {
		sent: rows.length,
		bands,
		medianMinutes: minutes.length
			? minutes.length % 2
				? minutes[mid]
				: Math.round((minutes[mid - 1] + minutes[mid]) / 2)
			: null,
		longestMinutes: minutes.at(-1) ?? null
	};
}
