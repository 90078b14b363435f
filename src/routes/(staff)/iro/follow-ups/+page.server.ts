import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOwnDecision, requireRole } from '$lib/server/access';
import { failWith, keepTyped } from '$lib/server/forms';
import { followUpsOf, markDone } from '$lib/server/follow-ups';
import { doneSchema } from '$lib/forms/outcomes';
import { londonDate } from '$lib/domain/dates';
import { FOLLOW_UP_STATES } from '$lib/domain/outcomes';

/** The IRO's follow-up list: the decisions of their children's reviews, overdue, open and done. */
export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('iro');
	const rows = followUpsOf(user.id, londonDate(Date.now()));
	return {
		groups: FOLLOW_UP_STATES.map((state) => ({ state, rows: rows.filter((r) => r.state === state) })),
		marked: url.searchParams.has('done')
	};
};

export const actions: Actions = {
	done: keepTyped(
		(form) => `note-${String(form.get('decision') ?? '').slice(0, 64)}`,
		async ({ request }) => {
			const form = await request.formData();
			const { user, decision } = requireOwnDecision(String(form.get('decision') ?? '').slice(0, 64));
			const parsed = doneSchema.safeParse({ decision: decision.id, note: String(form.get('note') ?? '') });
			if (!parsed.success) return failWith(form, { [`note-${decision.id}`]: parsed.error.issues[0].message });
			markDone(decision.id, user.id, parsed.data.note);
			redirect(303, '/iro/follow-ups?done=1');
		}
	)
};
