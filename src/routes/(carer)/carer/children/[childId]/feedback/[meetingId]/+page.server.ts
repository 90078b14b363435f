import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { notFound, requireCarerOf, requireUser } from '$lib/server/access';
import { keepTyped, parseForm } from '$lib/server/forms';
import { meetingOfChild } from '$lib/server/meetings';
import { feedbackOf, isHeld, saveFeedback } from '$lib/server/feedback';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { carerFeedbackSchema } from '$lib/forms/feedback';
import { CARER_QUESTIONS } from '$lib/domain/feedback';
import { callName } from '$lib/domain/names';

/** A parent's or carer's short form after a held review of a child they are linked to (else 404). */
function heldReviewOf(childId: string, meetingId: string) {
	const { child, carer } = requireCarerOf(childId);
	const meeting = meetingOfChild(child.id, meetingId);
	if (!meeting || !isHeld(meeting)) notFound();
	return { child, meeting, who: { respondent: 'carer' as const, carerId: carer.id } };
}

export const load: PageServerLoad = ({ params }) => {
	const { child, meeting, who } = heldReviewOf(params.childId, params.meetingId);
	const existing = feedbackOf(meeting.id, who);
	return {
		child: { id: child.id, name: callName(child) },
		meeting: { id: meeting.id, heldOn: meeting.heldOn, startsAt: meeting.startsAt },
		questions: CARER_QUESTIONS,
		done: existing ? (existing.skippedAt !== null ? ('skipped' as const) : ('given' as const)) : null,
		submission: submissionToken()
	};
};

async function save({ params, request, locals }: RequestEvent, skip: boolean) {
	const { child, meeting, who } = heldReviewOf(params.childId, params.meetingId);
	const user = requireUser();
	const form = await request.formData();
	const parsed = parseForm(carerFeedbackSchema, form);
	if (!skip && parsed.failure) return parsed.failure;
	const answers = skip || !parsed.data ? {} : parsed.data.answers;
	const change = skip || !parsed.data ? '' : parsed.data.change;
	const result = storeOnce(form, user.id, () =>
		saveFeedback({ meeting, who, userId: user.id, version: null, answers, change, lang: locals.lang, skip })
	);
	redirect(303, `/carer/children/${child.id}?feedback=${result}`);
}

export const actions: Actions = {
	send: keepTyped('listenedTo', (event: RequestEvent) => save(event, false)),
	skip: keepTyped('listenedTo', (event: RequestEvent) => save(event, true))
};
