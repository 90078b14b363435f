import type { Actions, PageServerLoad } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { failWith, parseForm } from '$lib/server/forms';
import { meetingToPrepare } from '$lib/server/preparation';
import { meetingForPreparing } from '$lib/server/agenda';
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
		const child = requireOwnChild();
		const form = await request.formData();
		const meeting = meetingToPrepare(child.id);
		const shown = form.get('meetingId');
		if (!meeting || (typeof shown === 'string' && shown && shown !== meeting.id))
			return failWith(form, {}, 409, { closed: true });
		const parsed = parseForm(chairSchema, form);
		if (parsed.failure) return parsed.failure;
		const { helpRequestedAt } = setChair(child.id, meeting.id, parsed.data.chair);
		return { saved: parsed.data.chair, help: helpRequestedAt !== null };
	}
};
