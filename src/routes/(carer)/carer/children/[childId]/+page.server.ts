import type { PageServerLoad } from './$types';
import { requireCarerOf } from '$lib/server/access';
import { childSummary, homeMeetings } from '$lib/server/home';
// The carer's views, any reminder, and only what the child shared with everyone.
import { carerPreparation, sharedWithEveryone } from '$lib/server/progress';
// Only the decisions the IRO shared with parents and carers.
import { decisionsForCarers } from '$lib/server/outcomes';
// "How was it?" after a held review.
import { feedbackDue } from '$lib/server/feedback';
import { FEEDBACK_RESULTS } from '$lib/domain/feedback';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const { child, carer } = requireCarerOf(params.childId);
	// One instant and one read of the child's meetings for every part of the page.
	const now = Date.now();
	const meetings = homeMeetings(child.id, now);
	return {
		...childSummary(child, now, meetings),
		preparation: carerPreparation(child.id, carer.id, now, meetings.next),
		shared: sharedWithEveryone(child.id, now, locals.t, meetings.next),
		decided: decisionsForCarers(child.id),
		feedbackDue:
			feedbackDue(child, { respondent: 'carer', carerId: carer.id }, now, meetings.all)?.id ?? null,
		feedback: FEEDBACK_RESULTS.find((r) => r === url.searchParams.get('feedback')) ?? null
	};
};
