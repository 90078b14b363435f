import { z } from 'zod';
import { choice, optionalText, requiredText } from './text';
import { dateField, FIRST_DATE } from './staff';
import { CONCERN_RAISED_WITH, CONCERN_STAGES, CONCERN_SUBJECTS } from '$lib/domain/oversight';
import { compareDates } from '$lib/domain/dates';

/** A date from `from` up to today (a stage cannot start, or a concern end, in the future). */
const pastDate = (requiredKey: string, from: string, today: string, rangeKey: string) =>
	dateField(requiredKey, (d) => compareDates(d, from) >= 0 && compareDates(d, today) <= 0, rangeKey);

export const concernSchema = (today: string) =>
	z.object({
		subject: choice(CONCERN_SUBJECTS, 'oversight:errors.subjectRequired'),
		detail: requiredText('oversight:errors.detailRequired', 2000, true),
		raisedWithRole: choice(CONCERN_RAISED_WITH, 'oversight:errors.raisedWithRequired'),
		raisedWithName: optionalText(100),
		stage: choice(CONCERN_STAGES, 'oversight:errors.stageRequired'),
		raisedOn: pastDate(
			'oversight:errors.raisedOnRequired',
			FIRST_DATE,
			today,
			'oversight:errors.raisedOnRange'
		)
	});

/** Moving to the next stage: it starts on or after the current stage started, and not later than today. */
export const escalateSchema = (stageStartedOn: string, today: string) =>
	z.object({
		startedOn: pastDate(
			'oversight:errors.startedOnRequired',
			stageStartedOn,
			today,
			'oversight:errors.startedOnRange'
		),
		note: optionalText(1000, true)
	});

/** How it was resolved: on or after it was raised, and not later than today. */
export const resolveSchema = (raisedOn: string, today: string) =>
	z.object({
		resolvedOn: pastDate(
			'oversight:errors.resolvedOnRequired',
			raisedOn,
			today,
			'oversight:errors.resolvedOnRange'
		),
		resolution: requiredText('oversight:errors.resolutionRequired', 1000, true)
	});
