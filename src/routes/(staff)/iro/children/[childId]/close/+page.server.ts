import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRecordToClose } from '$lib/server/access';
import { closeRecord } from '$lib/server/ending';
import { config } from '$lib/server/config';
import { keepTyped, parseForm } from '$lib/server/forms';
import { closeRecordSchema } from '$lib/forms/records';
import { callName } from '$lib/domain/names';
import { londonDate } from '$lib/domain/dates';
import { deletedAfter } from '$lib/domain/retention';

/** Closing a child's record when they leave care: the child's IRO or a manager. */
export const load: PageServerLoad = ({ params }) => {
	const { child } = requireRecordToClose(params.childId);
	const now = Date.now();
	return {
		child: { id: child.id, name: callName(child), hasAccount: child.userId !== null },
		closed: child.closedAt !== null,
		today: londonDate(now),
		deletedOn: londonDate(deletedAfter(now, config().closedRecordRetentionDays))
	};
};

export const actions: Actions = {
	default: keepTyped('reason', async ({ params, request }) => {
		const { user, child } = requireRecordToClose(params.childId);
		const parsed = parseForm(closeRecordSchema(londonDate(Date.now())), await request.formData());
		if (parsed.failure) return parsed.failure;
		closeRecord({ childId: child.id, ...parsed.data }, user.id);
		redirect(303, `/iro/children/${child.id}?recordClosed=1`);
	})
};
