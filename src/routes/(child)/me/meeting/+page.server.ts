import type { Actions, PageServerLoad } from './$types';
import { ownMeetingForm, requireOwnChild } from '$lib/server/access';
import { carersOfChild } from '$lib/server/carers';
import { done, meetingClosed, parseForm } from '$lib/server/forms';
import { meetingForPreparing } from '$lib/server/meetings';
import { choicesFor, saveChoices } from '$lib/server/choices';
import { choicesToFormValues, meetingChoicesFormSchema } from '$lib/forms/prepare';

/** The people around the child: their parents and carers, by name. */
const peopleAround = (childId: string) =>
	carersOfChild(childId).map(({ carer, relationship }) => ({
		id: carer.id,
		name: carer.fullName,
		relationship
	}));

export const load: PageServerLoad = () => {
	const child = requireOwnChild();
	const preparing = meetingForPreparing(child.id);
	const carers = peopleAround(child.id);
	if (!preparing) return { meeting: null, open: false, carers, values: {} };
	const { meeting, open } = preparing;
	const saved = choicesFor(meeting.id);
	return {
		meeting: { id: meeting.id, startsAt: meeting.startsAt },
		open,
		carers,
		values: saved ? choicesToFormValues(saved.choices) : {}
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const { child, form, meeting } = await ownMeetingForm(request);
		if (!meeting) return meetingClosed(form);
		const carers = peopleAround(child.id).map(({ id, name }) => ({ id, name }));
		const parsed = parseForm(meetingChoicesFormSchema(carers), form);
		if (parsed.failure) return parsed.failure;
		saveChoices(child.id, meeting.id, parsed.data);
		return done('saved');
	}
};
