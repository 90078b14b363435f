import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { notFound, requireOwnChild, requireUser } from '$lib/server/access';
import { keepTyped, parseForm } from '$lib/server/forms';
import { meetingOfChild } from '$lib/server/meetings';
import { childQuestions, childVersion, feedbackOf, isHeld, saveFeedback } from '$lib/server/feedback';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { childFeedbackSchema } from '$lib/forms/feedback';
import { onlyAsked } from '$lib/domain/feedback';

const CHILD = { respondent: 'child' } as const;

/** "How was my meeting?": the signed-in child's own held review only (anything else is 404). */
function ownHeldReview(meetingId: string) {
	const child = requireOwnChild();
	const meeting = meetingOfChild(child.id, meetingId);
	if (!meeting || !isHeld(meeting)) notFound();
	const version = childVersion(child, meeting);
	if (!version) notFound();
	return { child, meeting, version, questions: childQuestions(meeting.id) };
}

export const load: PageServerLoad = ({ params }) => {
	const { meeting, version, questions } = ownHeldReview(params.meetingId);
	const existing = feedbackOf(meeting.id, CHILD);
	return {
		meeting: { id: meeting.id, heldOn: meeting.heldOn, startsAt: meeting.startsAt },
		version,
		questions,
		done: existing ? (existing.skippedAt !== null ? ('skipped' as const) : ('given' as const)) : null,
		submission: submissionToken()
	};
};

async function save({ params, request, locals }: RequestEvent, skip: boolean) {
	const { meeting, version, questions } = ownHeldReview(params.meetingId);
	const user = requireUser();
	const form = await request.formData();
	const parsed = parseForm(childFeedbackSchema, form);
	if (!skip && parsed.failure) return parsed.failure;
	const answers = skip || !parsed.data ? {} : onlyAsked(parsed.data.answers, questions);
	const change = skip || !parsed.data ? '' : parsed.data.change;
	const result = storeOnce(form, user.id, () =>
		saveFeedback({ meeting, who: CHILD, userId: user.id, version, answers, change, lang: locals.lang, skip })
	);
	redirect(303, `/me?feedback=${result}`);
}

export const actions: Actions = {
	send: keepTyped('listened', (event: RequestEvent) => save(event, false)),
	skip: keepTyped('listened', (event: RequestEvent) => save(event, true))
};
