import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { lastHeldConsultation, sayFor, startConsultation } from '$lib/server/consultation';
import { startSchema } from '$lib/forms/say';
import { readForm } from '$lib/forms/text';
import { isEmpty, resumeStep } from '$lib/domain/consultation';
import { downloadsFor } from '$lib/server/downloads';

export const load: PageServerLoad = ({ locals }) => {
	const child = requireOwnChild();
	const state = sayFor(child);
	if (!state) {
		const held = lastHeldConsultation(child.id);
		return {
			open: false as const,
			held: held && {
				withCarer: held.consultation.version === 'young' ? held.consultation.withCarer : null,
				rows: held.steps.flatMap((step) =>
					step.questions.map((question) => ({
						stepId: step.id,
						question,
						answer: held.consultation.answers[question.id]
					}))
				)
			}
		};
	}
	const { meeting, version, steps, consultation } = state;
	const done = consultation ? resumeStep(steps, consultation.answers) : 0;
	const answered = consultation
		? steps.filter((s) => s.questions.some((q) => !isEmpty(consultation.answers[q.id]?.value))).length
		: 0;
	return {
		open: true as const,
		meetingStartsAt: meeting.startsAt,
		young: version === 'young',
		withCarer: consultation && version === 'young' ? consultation.withCarer : null,
		started: answered > 0,
		answered,
		total: steps.length,
		resumeAt: done,
		sentAt: consultation?.sentAt ?? null,
		pictureVersion: child.pictureVersion,
		downloads: downloadsFor(locals.lang)
	};
};

export const actions: Actions = {
	start: async ({ request }) => {
		const child = requireOwnChild();
		const state = sayFor(child);
		if (!state) redirect(303, '/me/say');
		const form = await request.formData();
		let withCarer: boolean | null = null;
		if (state.version === 'young') {
			const parsed = startSchema.safeParse(readForm(form));
			if (!parsed.success) {
				return fail(400, {
					kind: 'error' as const,
					values: readForm(form),
					errors: { withCarer: 'say:errors.withCarer' }
				});
			}
			withCarer = parsed.data.withCarer === 'yes';
		}
		const consultation = startConsultation(state, withCarer);
		const index = resumeStep(state.steps, consultation.answers);
		redirect(303, index >= state.steps.length ? '/me/say/check' : `/me/say/${state.steps[index].id}`);
	}
};
