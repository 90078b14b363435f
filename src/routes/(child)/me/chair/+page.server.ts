import type { Actions, PageServerLoad } from './$types';
import { ownMeetingForm, requireOwnChild } from '$lib/server/access';
import { done, meetingClosed, parseForm } from '$lib/server/forms';
import { meetingForPreparing } from '$lib/server/meetings';
import { choicesFor, setChair } from '$lib/server/choices';
import { chairSchema } from '$lib/forms/prepare';

export const load: PageServerLoad = () => {
	const child = requireOwnChild();
	const preparing = meetingForPreparing(child.id);
	if (!preparing) return { meeting: null, open: false, chair: null };
	const { meeting, open } = preparing;
	return {
		meeting: { id: meeting.id, startsAt: meeting.startsAt },
		open,
		chair: choicesFor(meeting.id)?.chair ?? null
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const { child, form, meeting } = await ownMeetingForm(request);
		if (!meeting) return meetingClosed(form);
		const parsed = parseForm(chairSchema, form);
		if (parsed.failure) return parsed.failure;
		const { helpRequestedAt } = setChair(child.id, meeting.id, parsed.data.chair);
		return done('saved', { chair: parsed.data.chair, help: helpRequestedAt !== null });
	}
};
