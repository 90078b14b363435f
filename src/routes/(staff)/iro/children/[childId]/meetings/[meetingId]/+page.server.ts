import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { notFound, requireChild } from '$lib/server/access';
import { parseForm } from '$lib/server/forms';
import { cancelMeeting, meetingOfChild, moveMeeting } from '$lib/server/meetings';
import { meetingSchema } from '$lib/forms/staff';
import { londonDate } from '$lib/domain/dates';
import { londonInstant, londonTime } from '$lib/domain/london-time';

/** An upcoming meeting of a child on the IRO's caseload, which they can move or cancel. */
function upcoming(childId: string, meetingId: string) {
	const child = requireChild(childId, 'manage', 'iro', 'manager');
	const meeting = meetingOfChild(child.id, meetingId);
	if (!meeting || meeting.cancelledAt !== null) notFound();
	return { child, meeting };
}

export const load: PageServerLoad = ({ params }) => {
	const { child, meeting } = upcoming(params.childId, params.meetingId);
	return {
		child: { id: child.id, name: child.fullName, status: child.status },
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			date: londonDate(meeting.startsAt),
			time: londonTime(meeting.startsAt),
			venue: meeting.venue,
			mode: meeting.mode,
			past: meeting.startsAt <= Date.now()
		}
	};
};

export const actions: Actions = {
	move: async ({ params, request }) => {
		const { child, meeting } = upcoming(params.childId, params.meetingId);
		const parsed = parseForm(meetingSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		const { date, time, ...rest } = parsed.data;
		moveMeeting(meeting.id, { ...rest, startsAt: londonInstant(date, time) });
		redirect(303, `/iro/children/${child.id}?moved=1`);
	},
	cancel: ({ params }) => {
		const { child, meeting } = upcoming(params.childId, params.meetingId);
		cancelMeeting(meeting);
		redirect(303, `/iro/children/${child.id}?cancelled=1`);
	}
};
