import type { PageServerLoad } from './$types';
import { notFound, requireChild } from '$lib/server/access';
import { meetingOfChild } from '$lib/server/meetings';
import { carersOfChild } from '$lib/server/carers';
import { childQuestions, feedbackOfMeeting, isHeld } from '$lib/server/feedback';
import { CARER_QUESTIONS } from '$lib/domain/feedback';
import { callName } from '$lib/domain/names';
import { auditRead } from '$lib/server/audit';

/** "How was it?": the child's and carers' feedback on one review, for the child's IRO and managers. */
export const load: PageServerLoad = ({ params, locals }) => {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	const meeting = meetingOfChild(child.id, params.meetingId);
	if (!meeting) notFound();
	auditRead(locals.user!, 'feedback', { childId: child.id, subjectId: meeting.id });
	const held = isHeld(meeting);
	const feedback = held ? feedbackOfMeeting(meeting.id) : { child: null, carers: [] };
	const answered = new Set(feedback.carers.map((f) => f.carerId));
	return {
		child: { id: child.id, name: child.fullName, callName: callName(child) },
		meeting: { id: meeting.id, kind: meeting.kind, startsAt: meeting.startsAt, heldOn: meeting.heldOn },
		held,
		childQuestions: childQuestions(meeting.id),
		carerQuestions: CARER_QUESTIONS,
		feedback,
		notYet: held
			? carersOfChild(child.id)
					.filter(({ carer }) => carer.userId !== null && !answered.has(carer.id))
					.map(({ carer, relationship }) => ({ id: carer.id, fullName: carer.fullName, relationship }))
			: []
	};
};
