import { z } from 'zod';
import { CHILD_STATUSES } from '$lib/domain/timescales';
import { choice, message, optionalText, requiredText } from './text';
import { newPassword, username } from './auth';
import { normaliseName } from '$lib/domain/confusables';
import { compareDates, isIsoDate, londonDate } from '$lib/domain/dates';
import { londonInstant } from '$lib/domain/london-time';
import { startAllowed } from '$lib/domain/meeting-lifecycle';

export const FIRST_DATE = '2018-01-01';
const LAST_DATE = '2030-11-30';

/** A calendar date field from <input type="date"> (YYYY-MM-DD), within what the timescales cover. */
export function dateField(requiredKey: string, rule: (d: string) => boolean, ruleKey: string) {
	return z
		.string()
		.default('')
		.transform((v) => v.trim())
		.pipe(
			z
				.string()
				.min(1, message(requiredKey))
				.refine((d) => d === '' || isIsoDate(d), message('errors:date.format'))
				.refine((d) => isIsoDate(d) && rule(d), message(ruleKey))
		);
}

export const childSchema = (today: string) =>
	z.object({
		fullName: requiredText('errors:child.fullNameRequired', 100),
		preferredName: optionalText(50),
		dateOfBirth: dateField(
			'errors:child.dobRequired',
			(d) => compareDates(d, today) <= 0 && compareDates(d, '2000-01-01') >= 0,
			'errors:child.dobRange'
		),
		status: choice(CHILD_STATUSES, 'errors:child.statusRequired'),
		startDate: dateField(
			'errors:child.startRequired',
			(d) => compareDates(d, today) <= 0 && compareDates(d, FIRST_DATE) >= 0,
			'errors:child.startRange'
		),
		languages: optionalText(200),
		communicationNeeds: optionalText(1000, true)
	});

export const meetingSchema = z.object({
	kind: choice(['cla_review', 'icpc', 'rcpc'], 'errors:meeting.kindRequired'),
	date: dateField(
		'errors:meeting.dateRequired',
		(d) => compareDates(d, FIRST_DATE) >= 0 && compareDates(d, LAST_DATE) <= 0,
		'errors:meeting.dateRange'
	),
	time: z
		.string()
		.default('')
		.transform((v) => v.trim().slice(0, 5))
		.pipe(
			z
				.string()
				.min(1, message('errors:meeting.timeRequired'))
				.regex(/^([01]\d|2[0-3]):[0-5]\d$/, message('errors:meeting.timeFormat'))
		),
	venue: requiredText('errors:meeting.venueRequired', 200),
	mode: choice(['in_person', 'online', 'hybrid'], 'errors:meeting.modeRequired')
});

/**
 * The meeting form when booking or moving at `now`: the meeting must still be to come. A past date
 * is the date's error; today at a time that has passed is the time's.
 */
export const futureMeetingSchema = (now: number) =>
	meetingSchema.superRefine((m, ctx) => {
		// Only once the date and time are themselves valid (their own errors come first).
		if (!isIsoDate(m.date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(m.time)) return;
		if (startAllowed(londonInstant(m.date, m.time), now)) return;
		const today = compareDates(m.date, londonDate(now)) === 0;
		ctx.addIssue({
			code: 'custom',
			path: [today ? 'time' : 'date'],
			message: message(today ? 'errors:meeting.timePast' : 'errors:meeting.datePast')
		});
	});

const email = z
	.string()
	.default('')
	.transform((v) => v.trim().toLowerCase())
	.pipe(
		z.union([
			z.literal(''),
			z.email(message('errors:email.format')).max(254, message('errors:tooLong', { count: 254 }))
		])
	);

const phone = optionalText(30).pipe(z.string().regex(/^[+\d\s()-]*$/, message('errors:phone.format')));

export const carerSchema = z.object({
	fullName: requiredText('errors:carer.fullNameRequired', 100),
	relationship: requiredText('errors:carer.relationshipRequired', 60),
	email,
	phone
});

export const linkCarerSchema = z.object({
	carerId: requiredText('errors:carer.chooseRequired', 40),
	relationship: requiredText('errors:carer.relationshipRequired', 60)
});

export const profileSchema = z.object({
	aboutMe: optionalText(600, true),
	contactInfo: optionalText(300, true),
	phone
});

export const staffSchema = z.object({
	displayName: requiredText('errors:staff.nameRequired', 100).transform(normaliseName),
	username,
	email: email.pipe(z.string().min(1, message('errors:email.required'))),
	password: newPassword
});

export const allocationSchema = z.object({
	childId: requiredText('errors:allocation.childRequired', 40),
	iroId: optionalText(40)
});
