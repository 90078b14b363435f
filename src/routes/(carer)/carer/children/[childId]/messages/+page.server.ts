import type { Actions, PageServerLoad } from './$types';
import { requireCarerOf, requireRole } from '$lib/server/access';
import { parseForm } from '$lib/server/forms';
import { findConversation, markRead, sendMessage, threadOf, unreadCount } from '$lib/server/messages';
import { iroCard } from '$lib/server/accounts';
import { messageSchema } from '$lib/forms/messages';

export const load: PageServerLoad = ({ params }) => {
	const user = requireRole('carer');
	const { child, carer } = requireCarerOf(params.childId);
	const conversation = findConversation(child.id, carer.id);
	if (conversation) markRead(conversation.id, user);
	return {
		viewerId: user.id,
		child: { id: child.id, name: child.preferredName ?? child.fullName },
		iro: iroCard(child.iroId),
		messages: conversation ? threadOf(conversation.id) : [],
		unread: unreadCount(user)
	};
};

export const actions: Actions = {
	default: async ({ params, request, url }) => {
		const user = requireRole('carer');
		const { child, carer } = requireCarerOf(params.childId);
		const parsed = parseForm(messageSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		sendMessage({
			childId: child.id,
			carerId: carer.id,
			author: user,
			body: parsed.data.body,
			origin: url.origin
		});
		return { sent: true };
	}
};
