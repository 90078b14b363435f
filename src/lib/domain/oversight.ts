import { addWorkingDays } from './working-days';
import { compareDates, type IsoDate } from './dates';

/**
 * The IRO's oversight log (dispute resolution): a concern an IRO raises about a child's plan, what it
 * is about, with whom, and the stage it has reached. Each stage is due a number of working days after
 * it starts (the council sets them; these are the defaults). The child's own pages never show it.
 */
export const CONCERN_SUBJECTS = [
	'care_planning',
	'placement',
	'family_time',
	'education',
	'health',
	'permanence',
	'visits_duties',
	'leaving_care',
	'other'
] as const;
export type ConcernSubject = (typeof CONCERN_SUBJECTS)[number];

/** Informal resolution first, then the formal stages 1 to 3. */
export const CONCERN_STAGES = ['informal', 'stage1', 'stage2', 'stage3'] as const;
export type ConcernStage = (typeof CONCERN_STAGES)[number];

/** With whom the IRO raised it. */
export const CONCERN_RAISED_WITH = [
	'social_worker',
	'team_manager',
	'service_manager',
	'head_of_service',
	'director',
	'other'
] as const;
export type ConcernRaisedWith = (typeof CONCERN_RAISED_WITH)[number];

export type StageDays = Record<ConcernStage, number>;

/** Working days each stage has by default: informal 5, stage 1 10, stage 2 20, stage 3 20. */
export const DEFAULT_STAGE_DAYS: StageDays = { informal: 5, stage1: 10, stage2: 20, stage3: 20 };

/**
 * The council's own working days per stage, from a setting such as "5,10,20,20" (informal, then
 * stages 1–3; a shorter list keeps the defaults for the stages it leaves out). Null if it is not valid.
 */
export function parseStageDays(value: string | undefined): StageDays | null {
	if (value === undefined || value.trim() === '') return { ...DEFAULT_STAGE_DAYS };
	const parts = value.split(',').map((p) => p.trim());
	if (parts.length > CONCERN_STAGES.length || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) >= 1))
		return null;
	const days = { ...DEFAULT_STAGE_DAYS };
	parts.forEach((p, i) => (days[CONCERN_STAGES[i]] = Number(p)));
	return days;
}

/** When a stage that started on `startedOn` is due. */
export function stageDueOn(
	startedOn: IsoDate,
	stage: ConcernStage,
	days: StageDays = DEFAULT_STAGE_DAYS
): IsoDate {
	return addWorkingDays(startedOn, days[stage]);
}

/** The stage after this one, or null after formal stage 3. */
export function nextStage(stage: ConcernStage): ConcernStage | null {
	return CONCERN_STAGES[CONCERN_STAGES.indexOf(stage) + 1] ?? null;
}

export const CONCERN_STATES = ['overdue', 'open', 'resolved'] as const;
export type ConcernState = (typeof CONCERN_STATES)[number];

/** Resolved, or open, or overdue once today is past the current stage's due date. */
export function concernState(
	c: { resolvedOn: IsoDate | null; dueOn: IsoDate },
	today: IsoDate
): ConcernState {
	if (c.resolvedOn) return 'resolved';
	return compareDates(today, c.dueOn) > 0 ? 'overdue' : 'open';
}

/** Resolved by the due date of the stage it was resolved at (for the reports). */
export function resolvedInTime(c: { resolvedOn: IsoDate | null; dueOn: IsoDate }): boolean {
	return c.resolvedOn !== null && compareDates(c.resolvedOn, c.dueOn) <= 0;
}
