import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { notFound, requireChild, requireRole } from '$lib/server/access';
import { failWith, keepTyped, parseForm } from '$lib/server/forms';
import { meetingOfChild } from '$lib/server/meetings';
import { carersOfChild } from '$lib/server/carers';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { suggestedCodes, writeUpOf, writeUpRefusal, writeUpReview } from '$lib/server/reviews';
import { splitRoles, writeUpSchema } from '$lib/forms/review';
import { londonDate } from '$lib/domain/dates';
import { auditRead } from '$lib/server/audit';

/**
 * Writing a review up: for the child's IRO or a manager, and only for a meeting whose time has passed
 * and that was not cancelled (anything else answers 404). Saving again corrects it (audited).
 */
function meetingToWriteUp(childId: string, meetingId: string, now: number) {
	const child = requireChild(childId, 'manage', 'iro', 'manager');
	const meeting = meetingOfChild(child.id, meetingId);
	if (!meeting || writeUpRefusal(meeting, now)) notFound();
	return { child, meeting };
}

export const load: PageServerLoad = ({ params, locals }) => {
	const now = Date.now();
	const { child, meeting } = meetingToWriteUp(params.childId, params.meetingId, now);
	auditRead(locals.user!, 'write_up', { childId: child.id, subjectId: meeting.id }, now);
	const existing = writeUpOf(meeting);
	const p = existing?.participation;
	const came = existing
		? [
				...(existing.childCame ? ['child'] : []),
				...existing.carerIds.map((id) => `carer:${id}`),
				...(existing.socialWorker ? ['social_worker'] : [])
			]
		: [];
	return {
		child: { id: child.id, name: child.fullName },
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			startsAt: meeting.startsAt,
			venue: meeting.venue,
			writtenUpAt: meeting.writtenUpAt
		},
		carers: carersOfChild(child.id).map(({ carer, relationship }) => ({
			id: carer.id,
			fullName: carer.fullName,
			relationship
		})),
		suggested: suggestedCodes(child, meeting),
		submission: submissionToken(),
		saved: {
			values: {
				held: existing ? (existing.held ? 'held' : 'not_held') : '',
				heldOn: existing?.heldOn ?? londonDate(meeting.startsAt),
				notHeldReason: existing?.notHeldReason ?? '',
				others: existing?.others.join(', ') ?? '',
				code: p?.code ?? '',
				chaired: p?.chaired ?? '',
				spokeBefore: p ? (p.spokeBeforeOn ? 'yes' : 'no') : '',
				spokeOn: p?.spokeBeforeOn ?? '',
				spokeHow: p?.spokeBeforeHow ?? ''
			} as Record<string, string>,
			came
		}
	};
};

export const actions: Actions = {
	default: keepTyped(
		'held',
		async ({ params, request }) => {
			const now = Date.now();
			const { child, meeting } = meetingToWriteUp(params.childId, params.meetingId, now);
			const user = requireRole('iro', 'manager');
			const form = await request.formData();
			const came = form.getAll('came').filter((v): v is string => typeof v === 'string');
			const parsed = parseForm(writeUpSchema(londonDate(now)), form);
			if (parsed.failure) return failWith(form, parsed.failure.data.errors, 400, { came });
			const f = parsed.data;
			// A form sent twice (a double click) is recorded once.
			const result = storeOnce(form, user.id, () =>
				writeUpReview(
					child.id,
					meeting.id,
					f.held === 'held'
						? {
								held: true,
								heldOn: f.heldOn,
								childCame: came.includes('child'),
								carerIds: came.flatMap((c) => (c.startsWith('carer:') ? [c.slice(6)] : [])),
								socialWorker: came.includes('social_worker'),
								others: splitRoles(f.others),
								code: f.code || 'PN7',
								chaired: f.chaired || 'no',
								spokeBefore: f.spokeBefore === 'yes' && f.spokeHow ? { on: f.spokeOn, how: f.spokeHow } : null
							}
						: { held: false, reason: f.notHeldReason },
					user.id,
					now
				)
			);
			if (result === 'future') return failWith(form, { heldOn: 'review:errors.heldOnFuture' }, 400, { came });
			if (result === 'too_early')
				return failWith(form, { heldOn: 'review:errors.heldOnTooEarly' }, 400, { came });
			if (result !== 'done') notFound();
			redirect(303, `/iro/children/${child.id}?writtenUp=1`);
		},
		(form) => ({ came: form.getAll('came') })
	)
};
