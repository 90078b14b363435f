import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireHeldReview } from '$lib/server/access';
import { failWith, keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import {
	addDecision,
	decisionsOf,
	letterOf,
	outcomesOf,
	removeDecision,
	saveOutcomes
} from '$lib/server/outcomes';
import { decisionSchema, outcomeText } from '$lib/forms/outcomes';
import { DECISION_ROLES } from '$lib/domain/outcomes';
import { callName } from '$lib/domain/names';
import { londonDate } from '$lib/domain/dates';
import { auditRead } from '$lib/server/audit';

/** What happened to each item on the child's agenda, and the decisions, of a held review. */
export const load: PageServerLoad = ({ params, url, locals }) => {
	const { user, child, meeting } = requireHeldReview(params.childId, params.meetingId);
	auditRead(user, 'outcomes', { childId: child.id, subjectId: meeting.id });
	const letter = letterOf(meeting.id);
	return {
		child: { id: child.id, name: callName(child), fullName: child.fullName },
		meeting: { id: meeting.id, kind: meeting.kind, heldOn: meeting.heldOn ?? londonDate(meeting.startsAt) },
		items: outcomesOf(meeting.id, locals.t),
		decisions: decisionsOf(meeting.id),
		letterSentAt: letter?.sentAt ?? null,
		roles: DECISION_ROLES,
		submission: submissionToken(),
		saved: url.searchParams.has('saved'),
		added: url.searchParams.has('added'),
		removed: url.searchParams.has('removed')
	};
};

export const actions: Actions = {
	outcomes: keepTyped(
		(form) => [...form.keys()].find((k) => k.startsWith('outcome-')) ?? 'form',
		async ({ params, request, locals }) => {
			const { user, child, meeting } = requireHeldReview(params.childId, params.meetingId);
			const form = await request.formData();
			const texts: Record<string, string> = {};
			const errors: Record<string, string> = {};
			for (const [key, value] of form) {
				if (!key.startsWith('outcome-') || typeof value !== 'string') continue;
				const parsed = outcomeText.safeParse(value);
				if (parsed.success) texts[key.slice('outcome-'.length)] = parsed.data;
				else errors[key] = parsed.error.issues[0].message;
			}
			if (Object.keys(errors).length) return failWith(form, errors, 400, { action: 'outcomes' as const });
			saveOutcomes(meeting.id, user.id, texts, Date.now(), locals.lang);
			redirect(303, `/iro/children/${child.id}/meetings/${meeting.id}/outcomes?saved=1`);
		}
	),
	decide: keepTyped('text', async ({ params, request, locals }) => {
		const { user, child, meeting } = requireHeldReview(params.childId, params.meetingId);
		const form = await request.formData();
		const heldOn = meeting.heldOn ?? londonDate(meeting.startsAt);
		const { data, failure } = parseForm(decisionSchema(heldOn), form);
		if (failure) return failure;
		storeOnce(form, user.id, () => addDecision(meeting, user.id, { ...data, textLang: locals.lang }));
		redirect(303, `/iro/children/${child.id}/meetings/${meeting.id}/outcomes?added=1#decisions-title`);
	}),
	remove: keepTyped('form', async ({ params, request }) => {
		const { user, child, meeting } = requireHeldReview(params.childId, params.meetingId);
		const form = await request.formData();
		const removed = removeDecision(meeting.id, String(form.get('decision') ?? '').slice(0, 64), user.id);
		const back = `/iro/children/${child.id}/meetings/${meeting.id}/outcomes`;
		redirect(303, removed ? `${back}?removed=1#decisions-title` : `${back}#decisions-title`);
	})
};
