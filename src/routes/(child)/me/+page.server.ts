import type { PageServerLoad } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { childSummary } from '$lib/server/home';
// What the child has done for their next meeting, and any reminder.
import { childChecklist } from '$lib/server/progress';
// "How was my meeting?" after a held review.
import { feedbackDue } from '$lib/server/feedback';
import { FEEDBACK_RESULTS } from '$lib/domain/feedback';

export const load: PageServerLoad = ({ url }) => {
	const child = requireOwnChild();
	return {
		...childSummary(child),
		checklist: childChecklist(child),
		feedbackDue: feedbackDue(child, { respondent: 'child' })?.id ?? null,
		feedback: FEEDBACK_RESULTS.find((r) => r === url.searchParams.get('feedback')) ?? null,
		welcome: url.searchParams.has('welcome'),
		passwordChanged: url.searchParams.has('passwordChanged')
	};
};
