import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireChild, requireUser } from '$lib/server/access';
import { keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { concernsOf, raiseConcern } from '$lib/server/oversight';
import { concernSchema } from '$lib/forms/oversight';
import { CONCERN_RAISED_WITH, CONCERN_STAGES, CONCERN_SUBJECTS } from '$lib/domain/oversight';
import { londonDate } from '$lib/domain/dates';

/** A child's oversight log: the IRO's concerns about the plan. The child's IRO writes; managers read. */
export const load: PageServerLoad = ({ params, url }) => {
	const child = requireChild(params.childId, 'view', 'iro', 'manager');
	const user = requireUser();
	return {
		child: { id: child.id, fullName: child.fullName },
		concerns: concernsOf(child.id, londonDate(Date.now())),
		canWrite: user.role === 'iro',
		subjects: CONCERN_SUBJECTS,
		stages: CONCERN_STAGES,
		raisedWith: CONCERN_RAISED_WITH,
		today: londonDate(Date.now()),
		submission: submissionToken(),
		raised: url.searchParams.has('raised')
	};
};

export const actions: Actions = {
	raise: keepTyped('detail', async ({ params, request }) => {
		const child = requireChild(params.childId, 'manage', 'iro');
		const user = requireUser();
		const form = await request.formData();
		const { data, failure } = parseForm(concernSchema(londonDate(Date.now())), form);
		if (failure) return failure;
		const id = storeOnce(form, user.id, () => raiseConcern(child.id, user.id, data));
		redirect(
			303,
			id ? `/iro/children/${child.id}/oversight/${id}?raised=1` : `/iro/children/${child.id}/oversight`
		);
	})
};
