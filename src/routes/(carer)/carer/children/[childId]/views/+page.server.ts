import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireCarerOf } from '$lib/server/access';
import { done, keepTyped, meetingClosed, parseForm } from '$lib/server/forms';
import { meetingForForm, meetingToPrepare } from '$lib/server/meetings';
import { saveViews, viewsOf, viewsShown } from '$lib/server/views';
import { carerPreparation } from '$lib/server/progress';
import { viewsDraftSchema, viewsSendSchema } from '$lib/forms/pack';
import { callName } from '$lib/domain/names';

/** A parent's or carer's "your views" for the linked child's next meeting. */
export const load: PageServerLoad = ({ params }) => {
	const { child, carer } = requireCarerOf(params.childId);
	const meeting = meetingToPrepare(child.id);
	const views = meeting ? viewsOf(meeting.id, carer.id) : undefined;
	return {
		child: { id: child.id, name: callName(child) },
		meeting: meeting && { id: meeting.id, kind: meeting.kind, startsAt: meeting.startsAt },
		views: views && viewsShown(views),
		reminder: carerPreparation(child.id, carer.id)?.reminder ?? null
	};
};

async function save({ params, request, locals }: RequestEvent, send: boolean) {
	const { child, carer } = requireCarerOf(params.childId);
	const form = await request.formData();
	const parsed = parseForm(send ? viewsSendSchema : viewsDraftSchema, form);
	if (parsed.failure) return parsed.failure;
	const values = parsed.data;
	const meeting = meetingForForm(child.id, form);
	if (!meeting) return meetingClosed(form);
	const views = saveViews({ meetingId: meeting.id, carerId: carer.id, values, send, lang: locals.lang });
	return done(views.sentAt !== null ? 'sent' : 'saved');
}

export const actions: Actions = {
	save: keepTyped('goingWell', (event: RequestEvent) => save(event, false)),
	send: keepTyped('goingWell', (event: RequestEvent) => save(event, true))
};
