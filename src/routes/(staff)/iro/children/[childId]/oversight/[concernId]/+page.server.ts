import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireConcern } from '$lib/server/access';
import { keepTyped, parseForm, refuse } from '$lib/server/forms';
import { escalateConcern, resolveConcern, stepsOf } from '$lib/server/oversight';
import { escalateSchema, resolveSchema } from '$lib/forms/oversight';
import { concernState, nextStage } from '$lib/domain/oversight';
import { londonDate } from '$lib/domain/dates';

/** One concern in a child's oversight log: its stages, and (for the child's IRO) the next stage or its resolution. */
export const load: PageServerLoad = ({ params, url }) => {
	const { user, child, concern } = requireConcern(params.childId, params.concernId, 'view');
	const today = londonDate(Date.now());
	return {
		child: { id: child.id, fullName: child.fullName },
		concern: { ...concern, state: concernState(concern, today) },
		steps: stepsOf(concern.id),
		next: nextStage(concern.stage),
		canWrite: user.role === 'iro' && !concern.resolvedOn,
		today,
		raised: url.searchParams.has('raised'),
		escalated: url.searchParams.has('escalated'),
		resolved: url.searchParams.has('resolved')
	};
};

const here = (childId: string, concernId: string) => `/iro/children/${childId}/oversight/${concernId}`;

export const actions: Actions = {
	escalate: keepTyped('note', async ({ params, request }) => {
		const { user, child, concern } = requireConcern(params.childId, params.concernId, 'manage');
		const form = await request.formData();
		if (concern.resolvedOn || !nextStage(concern.stage)) return refuse('closed', form);
		const { data, failure } = parseForm(escalateSchema(concern.stageStartedOn, londonDate(Date.now())), form);
		if (failure) return failure;
		if (!escalateConcern(concern, user.id, data)) return refuse('closed', form);
		redirect(303, `${here(child.id, concern.id)}?escalated=1`);
	}),
	resolve: keepTyped('resolution', async ({ params, request }) => {
		const { user, child, concern } = requireConcern(params.childId, params.concernId, 'manage');
		const form = await request.formData();
		if (concern.resolvedOn) return refuse('closed', form);
		const { data, failure } = parseForm(resolveSchema(concern.raisedOn, londonDate(Date.now())), form);
		if (failure) return failure;
		if (!resolveConcern(concern, user.id, data)) return refuse('closed', form);
		redirect(303, `${here(child.id, concern.id)}?resolved=1`);
	})
};
