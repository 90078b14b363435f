import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireChild, requireRole } from '$lib/server/access';
import { failWith, keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { bookMeeting } from '$lib/server/meetings';
import { futureMeetingSchema } from '$lib/forms/staff';
import { londonInstant } from '$lib/domain/london-time';

export const load: PageServerLoad = ({ params }) => {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	return {
		child: { id: child.id, name: child.fullName, status: child.status },
		submission: submissionToken()
	};
};

export const actions: Actions = {
	default: keepTyped('venue', async ({ params, request, locals }) => {
		const child = requireChild(params.childId, 'manage', 'iro', 'manager');
		const now = Date.now();
		const form = await request.formData();
		const parsed = parseForm(futureMeetingSchema(now), form);
		if (parsed.failure) return parsed.failure;
		const { date, time, ...rest } = parsed.data;
		const by = requireRole('iro', 'manager').id;
		const booked = storeOnce(form, by, () =>
			bookMeeting(
				{ ...rest, venueLang: locals.lang, childId: child.id, startsAt: londonInstant(date, time) },
				now,
				by
			)
		);
		if (!booked.ok) return failWith(form, { date: 'errors:meeting.datePast' });
		redirect(303, `/iro/children/${child.id}?scheduled=1`);
	})
};
