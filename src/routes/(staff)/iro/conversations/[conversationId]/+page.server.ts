import type { Actions, PageServerLoad } from './$types';
import { notFound, requireConversation, requireRole } from '$lib/server/access';
import { failWith, parseForm } from '$lib/server/forms';
import { markRead, sendMessage, setDone, threadOf, unreadCount } from '$lib/server/messages';
import { messageSchema } from '$lib/forms/messages';
import { privateReadSchema } from '$lib/forms/privacy';
import { privateReadsOf, privateShown, recordPrivateRead } from '$lib/server/privacy';
import { tables, db } from '$lib/server/db';
import { eq } from 'drizzle-orm';

/**
 * A conversation between a child (or carer) and the child's IRO. Every message in it is for the IRO:
 * anyone else allowed here (a manager) reads it only after giving a reason, and never marks it read.
 */
function conversationAccess(conversationId: string) {
	const user = requireRole('iro', 'manager');
	const { conversation, child } = requireConversation(conversationId);
	return { user, conversation, child, privacy: privateShown(user, child, conversation.id) };
}

export const load: PageServerLoad = ({ params }) => {
	const { user, conversation, child, privacy } = conversationAccess(params.conversationId);
	markRead(conversation.id, user);
	const carer = conversation.carerId
		? db()
				.select({ fullName: tables.carers.fullName })
				.from(tables.carers)
				.where(eq(tables.carers.id, conversation.carerId))
				.get()
		: undefined;
	const thread = threadOf(conversation.id);
	return {
		viewerId: user.id,
		conversation: { id: conversation.id, done: conversation.doneAt !== null },
		child: { id: child.id, name: child.fullName },
		carerName: carer?.fullName ?? null,
		messages: privacy.shown ? thread : [],
		privacy: {
			...privacy,
			withheld: privacy.shown ? null : { messages: thread.length },
			privateReads: privateReadsOf(conversation.id)
		},
		unread: unreadCount(user)
	};
};

export const actions: Actions = {
	readPrivate: async ({ params, request }) => {
		const { user, conversation, privacy } = conversationAccess(params.conversationId);
		if (!privacy.needsReason) notFound();
		const form = await request.formData();
		const parsed = parseForm(privateReadSchema, form);
		if (parsed.failure) return parsed.failure;
		recordPrivateRead(user.id, conversation.id, parsed.data.reason, parsed.data.note);
		return { privateOpened: true };
	},
	reply: async ({ params, request, url }) => {
		const { user, conversation, privacy } = conversationAccess(params.conversationId);
		const form = await request.formData();
		// Answering a conversation one has not read: give a reason first (what was typed is kept).
		if (!privacy.shown) return failWith(form, { reason: 'errors:privateRead.first' });
		const parsed = parseForm(messageSchema, form);
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
		const { conversation, privacy } = conversationAccess(params.conversationId);
		if (!privacy.shown) return failWith(new FormData(), { reason: 'errors:privateRead.first' });
		setDone(conversation.id, conversation.doneAt === null);
		return { toggled: true };
	}
};
