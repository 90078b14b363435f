import type { Actions, PageServerLoad } from './$types';
import { requireConversation, requireRole } from '$lib/server/access';
import { failWith, keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { markRead, sendMessage, setDone, threadOf, unreadCount } from '$lib/server/messages';
import { acknowledgeUrgent, openUrgentCount, urgentOf } from '$lib/server/urgent';
import { acknowledgeSchema, messageSchema } from '$lib/forms/messages';
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
		unread: unreadCount(user),
		urgent: urgentOf({ conversationId: conversation.id }),
		openUrgent: openUrgentCount(conversation.id),
		now: Date.now(),
		submission: submissionToken()
	};
};

export const actions: Actions = {
	reply: keepTyped('body', async ({ params, request, url }) => {
		const user = requireRole('iro', 'manager');
		const { conversation } = requireConversation(params.conversationId);
		const form = await request.formData();
		const parsed = parseForm(messageSchema, form);
		if (parsed.failure) return parsed.failure;
		storeOnce(form, user.id, () =>
			sendMessage({
				childId: conversation.childId,
				carerId: conversation.carerId,
				author: user,
				body: parsed.data.body,
				origin: url.origin
			})
		);
		return { sent: true };
	}),
	done: async ({ params, request }) => {
		const { conversation } = requireConversation(params.conversationId);
		// An urgent message is closed by acknowledging it with a note, not by "Mark as done".
		if (conversation.doneAt === null && openUrgentCount(conversation.id) > 0)
			return failWith(await request.formData(), { note: 'errors:message.ackFirst' });
		setDone(conversation.id, conversation.doneAt === null);
		return { toggled: true };
	},
	/** The IRO (or a manager) acknowledges the urgent message(s) with a note of what was done. */
	acknowledge: keepTyped('note', async ({ params, request }) => {
		const user = requireRole('iro', 'manager');
		const { conversation } = requireConversation(params.conversationId);
		const parsed = parseForm(acknowledgeSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		const count = acknowledgeUrgent(conversation.id, user, parsed.data.note);
		return { acknowledged: count };
	})
};
