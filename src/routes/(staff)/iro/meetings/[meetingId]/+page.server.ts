import type { Actions, PageServerLoad } from './$types';
import { notFound, requireChild, requireRole } from '$lib/server/access';
import { failWith, parseForm } from '$lib/server/forms';
import {
	assemblePack,
	meetingById,
	recordPackRead,
	sendReminder,
	updateSupportStatus
} from '$lib/server/pack';
import { remindSchema, supportStatusSchema } from '$lib/forms/pack';

/** The pre-meeting pack: for the child's own IRO and for managers; 404 for anyone else. */
function packAccess(meetingId: string) {
	const user = requireRole('iro', 'manager');
	const meeting = meetingById(meetingId);
	if (!meeting) notFound();
	const child = requireChild(meeting.childId, 'manage', 'iro', 'manager');
	return { user, meeting, child };
}

export const load: PageServerLoad = ({ params }) => {
	const { user, meeting, child } = packAccess(params.meetingId);
	recordPackRead(user.id, meeting.id);
	return { pack: assemblePack(meeting, child) };
};

export const actions: Actions = {
	remind: async ({ params, request, url }) => {
		const { user, meeting, child } = packAccess(params.meetingId);
		const form = await request.formData();
		const parsed = parseForm(remindSchema, form);
		if (parsed.failure) return parsed.failure;
		const result = sendReminder({
			meeting,
			child,
			to: parsed.data.to,
			createdBy: user.id,
			origin: url.origin
		});
		if (result === 'refused') return failWith(form, { to: 'pack:errors.remindRefused' });
		return { reminded: parsed.data.to, emailed: result === 'emailed' };
	},
	support: async ({ params, request }) => {
		const { child } = packAccess(params.meetingId);
		const form = await request.formData();
		const parsed = parseForm(supportStatusSchema, form);
		if (parsed.failure) return parsed.failure;
		if (!updateSupportStatus(child.id, parsed.data.requestId, parsed.data.status)) notFound();
		return { supportUpdated: parsed.data.requestId };
	}
};
