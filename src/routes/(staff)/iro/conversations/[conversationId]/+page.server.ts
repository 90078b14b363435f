import type { Actions, PageServerLoad } from './$types';
import { requireConversation, requireRole } from '$lib/server/access';
import { parseForm } from '$lib/server/forms';
import { markRead, sendMessage, setDone, threadOf, unreadCount } from '$lib/server/messages';
import { messageSchema } from '$lib/forms/messages';
import { carerName } from '$lib/server/carers';

export const load: PageServerLoad = ({ params }) => {
	const user = requireRole('iro', 'manager');
	const { conversation, child } = requireConversation(params.conversationId);
	markRead(conversation.id, true);
	return {
		viewerId: user.id,
		conversation: { id: conversation.id, done: conversation.doneAt !== null },
		child: { id: child.id, name: child.fullName },
		carerName: conversation.carerId ? carerName(conversation.carerId) : null,
		messages: threadOf(conversation.id),
		unread: unreadCount(user)
	};
};

export const actions: Actions = {
	reply: async ({ params, request, url }) => {
		const user = requireRole('iro', 'manager');
		const { conversation } = requireConversation(params.conversationId);
		const parsed = parseForm(messageSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		sendMessage({
			childId: conversation.childId,
			carerId: conversation.carerId,
			author: user,
			body: parsed.data.body,
			origin: url.origin
		});
		return { sent: true };
	},
	done: ({ params }) => {
		const { conversation } = requireConversation(params.conversationId);
		setDone(conversation.id, conversation.doneAt === null);
		return { toggled: true };
	}
};
