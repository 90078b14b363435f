import type { Actions, PageServerLoad } from './$types';
import { notFound, requireRole } from '$lib/server/access';
import { childOfUser } from '$lib/server/children';
import { parseForm } from '$lib/server/forms';
import { findConversation, markRead, sendMessage, threadOf, unreadCount } from '$lib/server/messages';
import { iroCard } from '$lib/server/accounts';
import { messageSchema } from '$lib/forms/messages';

function ownChild() {
	const user = requireRole('child');
	const child = childOfUser(user.id);
	if (!child) notFound();
	return { user, child };
}

export const load: PageServerLoad = () => {
	const { user, child } = ownChild();
	const conversation = findConversation(child.id, null);
	if (conversation) markRead(conversation.id, user);
	return {
		viewerId: user.id,
		iro: iroCard(child.iroId),
		messages: conversation ? threadOf(conversation.id) : [],
		unread: unreadCount(user)
	};
};

export const actions: Actions = {
	default: async ({ request, url }) => {
		const { user, child } = ownChild();
		const parsed = parseForm(messageSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		sendMessage({
			childId: child.id,
			carerId: null,
			author: user,
			body: parsed.data.body,
			origin: url.origin
		});
		return { sent: true };
	}
};
