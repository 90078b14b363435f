/**
 * Statutory timescales for review meetings in England.
 *
 * Cared-for children: reg 33 of the Care Planning, Placement and Case Review (England)
 * Regulations 2010 — the first review within 20 working days of the date the child became looked
 * after, the second no more than 3 months after the first, and each later review no more than
 * 6 months after the one before.
 *
 * Child protection: Working Together to Safeguard Children — the initial child protection
 * conference within 15 working days of the strategy discussion, the first review conference
 * within 3 months of the initial conference, and later reviews no more than 6 months apart.
 */
import { addMonths, compareDates, daysBetween, parseIsoDate, type IsoDate } from './dates';
import { addWorkingDays } from './working-days';

export const CHILD_STATUSES = ['cared_for', 'cp_plan'] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];
export type MeetingKind = 'cla_review' | 'icpc' | 'rcpc';
export type TimescaleState = 'overdue' | 'due_soon' | 'scheduled_late' | 'on_track';

/** Reg 33(a): first cared-for review within 20 working days of becoming cared for. */
export const CLA_FIRST_REVIEW_WORKING_DAYS = 20;
/** Working Together: initial child protection conference within 15 working days. */
export const ICPC_WORKING_DAYS = 15;
/** Second cared-for review, and first review conference, within 3 months of the first meeting. */
export const SECOND_MEETING_MONTHS = 3;
/** Every later review within 6 months of the previous one. */
export const LATER_MEETING_MONTHS = 6;
/** A meeting due within this many calendar days (inclusive) with nothing scheduled is due soon. */
export const DUE_SOON_DAYS = 14;

export interface NextMeetingInput {
	status: ChildStatus;
	/** Date the child became cared for (cared_for) or the strategy discussion date (cp_plan). */
	startDate: IsoDate | null;
	/** Dates of meetings of the relevant kind already held, in any order. */
	held: IsoDate[];
}

export interface NextMeeting {
	kind: MeetingKind;
	due: IsoDate;
	/** 1 for the first meeting (first review or ICPC), 2 for the next, and so on. */
	number: number;
}

/**
 * When the next statutory meeting is due, or null if there is no start date and nothing held.
 * With no start date but meetings held, the due date is worked out from the last one held.
 */
export function nextMeetingDue(input: NextMeetingInput): NextMeeting | null {
	const { status, startDate } = input;
	if (startDate !== null) parseIsoDate(startDate);
	for (const date of input.held) parseIsoDate(date);
	const held = [...input.held].sort(compareDates);
	const number = held.length + 1;
	const isCp = status === 'cp_plan';

	if (held.length === 0) {
		if (startDate === null) return null;
		return isCp
			? { kind: 'icpc', due: addWorkingDays(startDate, ICPC_WORKING_DAYS), number }
			: {
					kind: 'cla_review',
					due: addWorkingDays(startDate, CLA_FIRST_REVIEW_WORKING_DAYS),
					number
				};
	}

	const last = held[held.length - 1];
	const months = held.length === 1 ? SECOND_MEETING_MONTHS : LATER_MEETING_MONTHS;
	return { kind: isCp ? 'rcpc' : 'cla_review', due: addMonths(last, months), number };
}

export interface TimescaleStateInput {
	due: IsoDate;
	today: IsoDate;
	nextScheduled: IsoDate | null;
}

/**
 * - overdue: today is after the due date (the caller passes the due date of the next meeting
 *   not yet held);
 * - scheduled_late: a meeting is scheduled, but after the due date;
 * - due_soon: nothing scheduled and the due date is within 14 calendar days (inclusive), today
 *   included;
 * - on_track: scheduled on or before the due date, or due more than 14 days from today.
 */
export function timescaleState(input: TimescaleStateInput): TimescaleState {
	const { due, today, nextScheduled } = input;
	const daysLeft = daysBetween(today, due);
	if (daysLeft < 0) return 'overdue';
	if (nextScheduled !== null) {
		return compareDates(nextScheduled, due) > 0 ? 'scheduled_late' : 'on_track';
	}
	return daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'on_track';
}

/** True if a meeting held on `held` met its due date (held on or before it). */
export function heldInTimescale(held: IsoDate, due: IsoDate): boolean {
	return compareDates(held, due) <= 0;
}

/**
 * The timescale tags a caseload row shows, worst first. Usually one (the state above), but a child
 * whose due date has passed and whose next meeting is booked after it is both overdue and booked
 * after the due date: the caseload shows both tags, and counts the child under both.
 */
export function timescaleTags(input: TimescaleStateInput): TimescaleState[] {
	const state = timescaleState(input);
	if (state !== 'overdue' || input.nextScheduled === null) return [state];
	return compareDates(input.nextScheduled, input.due) > 0 ? ['overdue', 'scheduled_late'] : [state];
}

/** The caseload counters, shown above the table. */
export const COUNTED_TAGS = ['overdue', 'scheduled_late', 'due_soon'] as const;
export type CountedTag = (typeof COUNTED_TAGS)[number];
export type CaseloadCounts = { children: number } & Record<CountedTag, number>;

/**
 * How many rows carry each tag: counted from exactly the rows and tags the caseload table shows, so a
 * counter and the rows with its tag always agree.
 */
export function caseloadCounts(rows: ReadonlyArray<{ tags: readonly TimescaleState[] }>): CaseloadCounts {
	const counts: CaseloadCounts = { children: rows.length, overdue: 0, scheduled_late: 0, due_soon: 0 };
	for (const row of rows) for (const tag of COUNTED_TAGS) if (row.tags.includes(tag)) counts[tag] += 1;
	return counts;
}
