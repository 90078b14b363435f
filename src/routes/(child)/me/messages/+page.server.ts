import type { Actions, PageServerLoad } from './$types';
import { requireOwnChild, requireRole } from '$lib/server/access';
import { keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { findConversation, markRead, sendMessage, threadOf, unreadCount } from '$lib/server/messages';
import { iroCard } from '$lib/server/accounts';
import { messageSchema } from '$lib/forms/messages';
// Lines from Voicebox: a meeting moved or cancelled.
import { changesForChild } from '$lib/server/meeting-notices';

export const load: PageServerLoad = () => {
	const user = requireRole('child');
	const child = requireOwnChild();
	const conversation = findConversation(child.id, null);
	if (conversation) markRead(conversation.id, user);
	return {
		viewerId: user.id,
		iro: iroCard(child.iroId),
		messages: conversation ? threadOf(conversation.id) : [],
		changes: changesForChild(child.id).map((c) => ({
			id: c.id,
			kind: c.kind,
			at: c.createdAt,
			from: c.fromStartsAt,
			to: c.toStartsAt
		})),
		unread: unreadCount(user),
		submission: submissionToken()
	};
};

export const actions: Actions = {
	default: keepTyped('body', async ({ request, url }) => {
		const user = requireRole('child');
		const child = requireOwnChild();
		const form = await request.formData();
		const parsed = parseForm(messageSchema, form);
		if (parsed.failure) return parsed.failure;
		storeOnce(form, user.id, () =>
			sendMessage({
				childId: child.id,
				carerId: null,
				author: user,
				body: parsed.data.body,
				origin: url.origin
			})
		);
		return { sent: true };
	})
};
