import { parseIsoDate, type IsoDate } from './dates';

export type AgeBand = 'under4' | '4-7' | '8-12' | '13+';

/** Children under this age have no account of their own. */
export const CHILD_ACCOUNT_MIN_AGE = 4;
/** From this age, planning for the future (leaving care / adulthood) starts. */
export const PLANNING_FOR_FUTURE_AGE = 16;

/**
 * Age in whole years on a given date. Someone born on 29 February becomes a year older on
 * 1 March in non-leap years (the usual UK legal convention).
 * Throws a RangeError if `on` is before the date of birth.
 */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
	const birth = parseIsoDate(dateOfBirth);
	const day = parseIsoDate(on);
	let age = day.year - birth.year;
	if (day.month < birth.month || (day.month === birth.month && day.day < birth.day)) age -= 1;
	if (age < 0) throw new RangeError(`Date ${on} is before the date of birth ${dateOfBirth}`);
	return age;
}

function assertAge(age: number): void {
	if (!Number.isInteger(age) || age < 0) {
		throw new RangeError(`Age must be a whole number of 0 or more, got ${age}`);
	}
}

/** Age band used to pick wording and activities: under 4, 4–7, 8–12, 13 and over. */
export function ageBand(age: number): AgeBand {
	assertAge(age);
	if (age < CHILD_ACCOUNT_MIN_AGE) return 'under4';
	if (age <= 7) return '4-7';
	if (age <= 12) return '8-12';
	return '13+';
}

/** True from 16: the young person's plans should cover their future (pathway planning). */
export function isPlanningForFuture(age: number): boolean {
	assertAge(age);
	return age >= PLANNING_FOR_FUTURE_AGE;
}
