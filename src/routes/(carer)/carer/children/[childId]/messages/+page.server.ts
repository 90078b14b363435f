import type { Actions, PageServerLoad } from './$types';
import { requireCarerOf, requireRole } from '$lib/server/access';
import { keepTyped } from '$lib/server/forms';
import { submissionToken } from '$lib/server/submissions';
import { findConversation, latestOf, openThread, sendPosted } from '$lib/server/messages';
import { iroCard } from '$lib/server/accounts';
import { callName } from '$lib/domain/names';

export const load: PageServerLoad = ({ params, url }) => {
	const user = requireRole('carer');
	const { child, carer } = requireCarerOf(params.childId);
	const conversation = findConversation(child.id, carer.id);
	return {
		...openThread(conversation?.id ?? null, user),
		viewerId: user.id,
		child: { id: child.id, name: callName(child) },
		iro: iroCard(child.iroId),
		...latestOf(conversation?.id ?? null, url.searchParams),
		submission: submissionToken()
	};
};

export const actions: Actions = {
	default: keepTyped('body', async ({ params, request, url, locals }) => {
		const user = requireRole('carer');
		const { child, carer } = requireCarerOf(params.childId);
		const form = await request.formData();
		return sendPosted(form, { childId: child.id, carerId: carer.id }, user, url.origin, locals.lang);
	})
};
