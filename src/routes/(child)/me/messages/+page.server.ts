import type { Actions, PageServerLoad } from './$types';
import { requireOwnChild, requireRole } from '$lib/server/access';
import { keepTyped } from '$lib/server/forms';
import { submissionToken } from '$lib/server/submissions';
import { findConversation, latestOf, openThread, sendPosted } from '$lib/server/messages';
import { iroCard } from '$lib/server/accounts';
// Lines from Voicebox: a meeting moved or cancelled.
import { changesForChild } from '$lib/server/meeting-notices';

export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('child');
	const child = requireOwnChild();
	const conversation = findConversation(child.id, null);
	return {
		...openThread(conversation?.id ?? null, user),
		viewerId: user.id,
		iro: iroCard(child.iroId),
		...latestOf(conversation?.id ?? null, url.searchParams),
		changes: changesForChild(child.id).map((c) => ({
			id: c.id,
			kind: c.kind,
			at: c.createdAt,
			from: c.fromStartsAt,
			to: c.toStartsAt
		})),
		submission: submissionToken()
	};
};

export const actions: Actions = {
	default: keepTyped('body', async ({ request, url, locals }) => {
		const user = requireRole('child');
		const child = requireOwnChild();
		const form = await request.formData();
		return sendPosted(form, { childId: child.id, carerId: null }, user, url.origin, locals.lang);
	})
};
