import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { sayFor, sendConsultation } from '$lib/server/consultation';
import { meetingForForm } from '$lib/server/meetings';
import { meetingClosed } from '$lib/server/forms';
import { linkedCarers } from '$lib/server/carers';
import { changedSince, isEmpty } from '$lib/domain/consultation';
import { sayVoices } from '$lib/server/voice';

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
		voices: Object.fromEntries(
			(consultation ? sayVoices(consultation.id) : []).map((v) => [
				v.questionId,
				{ id: v.id, visibility: v.visibility }
			])
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
		if (!meetingForForm(child.id, form)) return meetingClosed(form);
		if (!state) redirect(303, '/me/say');
		if (!sendConsultation(state.meeting.id)) {
			return fail(400, { kind: 'error' as const, errors: { send: 'say:errors.nothingToSend' } });
		}
		redirect(303, '/me/say/check?sent=1');
	}
};
