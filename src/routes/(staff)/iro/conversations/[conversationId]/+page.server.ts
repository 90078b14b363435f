import type { Actions, PageServerLoad } from './$types';
import { requireConversation, requireRole } from '$lib/server/access';
import { keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { markRead, sendMessage, setDone, threadOf, unreadCount } from '$lib/server/messages';
import { messageSchema } from '$lib/forms/messages';
import { tables, db } from '$lib/server/db';
import { eq } from 'drizzle-orm';

export const load: PageServerLoad = ({ params }) => {
	const user = requireRole('iro', 'manager');
	const { conversation, child } = requireConversation(params.conversationId);
	markRead(conversation.id, true);
	const carer = conversation.carerId
		? db()
				.select({ fullName: tables.carers.fullName })
				.from(tables.carers)
				.where(eq(tables.carers.id, conversation.carerId))
				.get()
		: undefined;
	return {
		viewerId: user.id,
		conversation: { id: conversation.id, done: conversation.doneAt !== null },
		child: { id: child.id, name: child.fullName },
		carerName: carer?.fullName ?? null,
		messages: threadOf(conversation.id),
		unread: unreadCount(user),
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
	done: ({ params }) => {
		const { conversation } = requireConversation(params.conversationId);
		setDone(conversation.id, conversation.doneAt === null);
		return { toggled: true };
	}
};
