import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { notFound, requireChild, requireRole } from '$lib/server/access';
import { failWith, parseForm } from '$lib/server/forms';
import { cancelMeeting, meetingOfChild, moveMeeting } from '$lib/server/meetings';
import { futureMeetingSchema } from '$lib/forms/staff';
import { londonDate } from '$lib/domain/dates';
import { londonInstant, londonTime } from '$lib/domain/london-time';
import { meetingLock } from '$lib/domain/meeting-lifecycle';
import { auditRead } from '$lib/server/audit';

/**
 * A meeting of a child on the IRO's caseload (404 if cancelled). `locked` when it has already
 * happened or was written up: then it is part of the record and can be neither moved nor cancelled.
 */
function meetingToChange(childId: string, meetingId: string, now: number) {
	const child = requireChild(childId, 'manage', 'iro', 'manager');
	const meeting = meetingOfChild(child.id, meetingId);
	if (!meeting || meeting.cancelledAt !== null) notFound();
	return { child, meeting, locked: meetingLock(meeting, now) !== null };
}

/** The page says why nothing can change; the forms are not offered again. */
const happened = () => fail(409, { kind: 'locked' as const });

export const load: PageServerLoad = ({ params, locals }) => {
	const { child, meeting, locked } = meetingToChange(params.childId, params.meetingId, Date.now());
	auditRead(locals.user!, 'meeting', { childId: child.id, subjectId: meeting.id });
	return {
		child: { id: child.id, name: child.fullName, status: child.status },
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			date: londonDate(meeting.startsAt),
			time: londonTime(meeting.startsAt),
			venue: meeting.venue,
			mode: meeting.mode,
			locked
		}
	};
};

export const actions: Actions = {
	move: async ({ params, request, locals }) => {
		const now = Date.now();
		const { child, meeting, locked } = meetingToChange(params.childId, params.meetingId, now);
		if (locked) return happened();
		const form = await request.formData();
		const parsed = parseForm(futureMeetingSchema(now), form);
		if (parsed.failure) return parsed.failure;
		const { date, time, ...rest } = parsed.data;
		const by = requireRole('iro', 'manager').id;
		const changes = { ...rest, venueLang: locals.lang, startsAt: londonInstant(date, time) };
		const result = moveMeeting(meeting.id, changes, now, by);
		if (result === 'past') return failWith(form, { date: 'errors:meeting.datePast' });
		if (result === 'locked') return happened();
		redirect(303, `/iro/children/${child.id}?moved=1`);
	},
	cancel: ({ params }) => {
		const now = Date.now();
		const { child, meeting, locked } = meetingToChange(params.childId, params.meetingId, now);
		const by = requireRole('iro', 'manager').id;
		if (locked || cancelMeeting(meeting, now, by) !== 'done') return happened();
		redirect(303, `/iro/children/${child.id}?cancelled=1`);
	}
};
