import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireChild, requireRole } from '$lib/server/access';
import { keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { scheduleMeeting } from '$lib/server/meetings';
import { meetingSchema } from '$lib/forms/staff';
import { londonInstant } from '$lib/domain/london-time';

export const load: PageServerLoad = ({ params }) => {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	return {
		child: { id: child.id, name: child.fullName, status: child.status },
		submission: submissionToken()
	};
};

export const actions: Actions = {
	default: keepTyped('venue', async ({ params, request }) => {
		const child = requireChild(params.childId, 'manage', 'iro', 'manager');
		const form = await request.formData();
		const parsed = parseForm(meetingSchema, form);
		if (parsed.failure) return parsed.failure;
		const { date, time, ...rest } = parsed.data;
		storeOnce(form, requireRole('iro', 'manager').id, () =>
			scheduleMeeting({ ...rest, childId: child.id, startsAt: londonInstant(date, time) })
		);
		redirect(303, `/iro/children/${child.id}?scheduled=1`);
	})
};
