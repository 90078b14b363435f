import type { PageServerLoad } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { childSummary, homeMeetings } from '$lib/server/home';
// What the child has done for their next meeting, and any reminder.
import { childChecklist } from '$lib/server/progress';
// "A letter from your IRO" once one has been sent.
import { lettersOfChild } from '$lib/server/outcomes';
// "How was my meeting?" after a held review.
import { feedbackDue } from '$lib/server/feedback';
import { FEEDBACK_RESULTS } from '$lib/domain/feedback';
// A meeting moved or cancelled lately.
import { recentChanges } from '$lib/server/meeting-notices';
// "How should we talk to you?", asked once where the child's language needs it.
import { addressMatters } from '$lib/server/i18n';

export const load: PageServerLoad = ({ url, locals }) => {
	const child = requireOwnChild();
	// One instant and one read of the child's meetings for every part of the page.
	const now = Date.now();
	const meetings = homeMeetings(child.id, now);
	return {
		...childSummary(child, now, meetings),
		checklist: childChecklist(child, now, meetings.next),
		letters: lettersOfChild(child.id),
		feedbackDue: feedbackDue(child, { respondent: 'child' }, now, meetings.all)?.id ?? null,
		feedback: FEEDBACK_RESULTS.find((r) => r === url.searchParams.get('feedback')) ?? null,
		changes: recentChanges(child.id).map((c) => ({
			id: c.id,
			kind: c.kind,
			from: c.fromStartsAt,
			to: c.toStartsAt
		})),
		askAddress: locals.user?.address === null && addressMatters(locals.lang),
		welcome: url.searchParams.has('welcome'),
		passwordChanged: url.searchParams.has('passwordChanged')
	};
};
