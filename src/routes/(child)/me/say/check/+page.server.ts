import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { hasStarted, sayFor, sendConsultation } from '$lib/server/consultation';
import { linkedCarers } from '$lib/server/pack';
import { changedSince, isEmpty } from '$lib/domain/consultation';

export const load: PageServerLoad = ({ url }) => {
	const child = requireOwnChild();
	const state = sayFor(child);
	if (!state) redirect(303, '/me/say');
	const { meeting, steps, version, consultation } = state;
	const answers = consultation?.answers ?? {};
	// What was sent for everyone now reaches the carers with a Voicebox account (sharedWithEveryone).
	const sentShared = Object.values(consultation?.sentAnswers ?? {}).some(
		(a) => a.visibility === 'everyone' && !isEmpty(a.value)
	);
	return {
		meetingId: meeting.id,
		rows: steps.flatMap((step) =>
			step.questions.map((question) => ({ stepId: step.id, question, answer: answers[question.id] }))
		),
		withCarer: version === 'young' ? (consultation?.withCarer ?? false) : null,
		sentAt: consultation?.sentAt ?? null,
		changed: Boolean(
			consultation?.sentAnswers && changedSince(consultation.sentAnswers, consultation.answers).length
		),
		justSent: url.searchParams.has('sent'),
		carersCanRead: sentShared && linkedCarers(child.id).some((c) => c.hasAccount)
	};
};

export const actions: Actions = {
	send: async ({ request }) => {
		const child = requireOwnChild();
		const form = await request.formData();
		const state = sayFor(child);
		const shownFor = form.get('meeting');
		// The page was shown for a meeting that has started since: answers are read-only now.
		if (typeof shownFor === 'string' && shownFor !== state?.meeting.id && hasStarted(child.id, shownFor)) {
			return fail(409, { closed: true });
		}
		if (!state) redirect(303, '/me/say');
		if (!sendConsultation(state.meeting.id)) {
			return fail(400, { errors: { send: 'say:errors.nothingToSend' } });
		}
		redirect(303, '/me/say/check?sent=1');
	}
};
