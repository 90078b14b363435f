import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireClosedRecord } from '$lib/server/access';
import { closedFacts, eraseRecord, reopenRecord } from '$lib/server/ending';
import { config } from '$lib/server/config';
import { keepTyped, parseForm } from '$lib/server/forms';
import { eraseRecordSchema } from '$lib/forms/records';
import { callName } from '$lib/domain/names';
import { londonDate } from '$lib/domain/dates';

/** A closed record, for a manager: open it again, or erase it before its time where the law allows. */
export const load: PageServerLoad = ({ params }) => {
	const { child } = requireClosedRecord(params.childId);
	const facts = closedFacts(child, config().closedRecordRetentionDays)!;
	return {
		child: { id: child.id, name: callName(child), hasAccount: child.userId !== null },
		facts: { ...facts, deletedOn: londonDate(facts.deletedAt) }
	};
};

export const actions: Actions = {
	reopen: async ({ params }) => {
		const { user, child } = requireClosedRecord(params.childId);
		reopenRecord(child.id, user.id);
		redirect(303, `/iro/children/${child.id}?reopened=1`);
	},
	erase: keepTyped('reason', async ({ params, request }) => {
		const { user, child } = requireClosedRecord(params.childId);
		const parsed = parseForm(eraseRecordSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		eraseRecord(child.id, parsed.data.reason, user.id);
		redirect(303, '/manage?erased=1');
	})
};
