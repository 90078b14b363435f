import type { Actions, PageServerLoad } from './$types';
import { notFound, requireConversation, requireRole } from '$lib/server/access';
import { done, failWith, keepTyped, parseForm } from '$lib/server/forms';
import { submissionToken } from '$lib/server/submissions';
import { latestOf, messageCount, openThread, sendPosted, setDone } from '$lib/server/messages';
import { acknowledgeUrgent, openUrgentCount, urgentOf } from '$lib/server/urgent';
import { acknowledgeSchema } from '$lib/forms/messages';
import { privateReadSchema } from '$lib/forms/privacy';
import { privateReadsOf, privateShown, recordPrivateRead } from '$lib/server/privacy';
import { carerName } from '$lib/server/carers';
import { auditRead } from '$lib/server/audit';

/**
 * A conversation between a child (or carer) and the child's IRO. Every message in it is for the IRO:
 * anyone else allowed here (a manager) reads it only after giving a reason, and never marks it read.
 */
function conversationAccess(conversationId: string) {
	const user = requireRole('iro', 'manager');
	const { conversation, child } = requireConversation(conversationId);
	return { user, conversation, child, privacy: privateShown(user, child, conversation.id) };
}

/** Acting on a conversation one has not read: give a reason first (what was typed is kept). */
const reasonFirst = (form: FormData) => failWith(form, { reason: 'errors:privateRead.first' });

export const load: PageServerLoad = ({ params, url }) => {
	const { user, conversation, child, privacy } = conversationAccess(params.conversationId);
	auditRead(user, 'conversation', { childId: child.id, subjectId: conversation.id });
	return {
		...openThread(conversation.id, user),
		viewerId: user.id,
		conversation: { id: conversation.id, done: conversation.doneAt !== null },
		child: { id: child.id, name: child.fullName },
		// A closed record (the child left care) is read-only: the page says so.
		closedOn: child.closedAt !== null ? (child.closedOn ?? '') : null,
		carerName: conversation.carerId ? carerName(conversation.carerId) : null,
		...latestOf(privacy.shown ? conversation.id : null, url.searchParams),
		privacy: {
			...privacy,
			withheld: privacy.shown ? null : { messages: messageCount(conversation.id) },
			privateReads: privateReadsOf(conversation.id)
		},
		urgent: privacy.shown ? urgentOf({ conversationId: conversation.id }) : [],
		openUrgent: openUrgentCount(conversation.id),
		now: Date.now(),
		submission: submissionToken()
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
		return done('privateOpened');
	},
	reply: keepTyped('body', async ({ params, request, url, locals }) => {
		const { user, conversation, privacy } = conversationAccess(params.conversationId);
		const form = await request.formData();
		if (!privacy.shown) return reasonFirst(form);
		return sendPosted(
			form,
			{ childId: conversation.childId, carerId: conversation.carerId },
			user,
			url.origin,
			locals.lang
		);
	}),
	done: async ({ params, request }) => {
		const { conversation, privacy } = conversationAccess(params.conversationId);
		const form = await request.formData();
		if (!privacy.shown) return reasonFirst(form);
		// An urgent message is closed by acknowledging it with a note, not by "Mark as done".
		if (conversation.doneAt === null && openUrgentCount(conversation.id) > 0)
			return failWith(form, { note: 'errors:message.ackFirst' });
		setDone(conversation.id, conversation.doneAt === null);
		return done('toggled');
	},
	/** The IRO (or a manager) acknowledges the urgent message(s) with a note of what was done. */
	acknowledge: keepTyped('note', async ({ params, request }) => {
		const { user, conversation, privacy } = conversationAccess(params.conversationId);
		const form = await request.formData();
		if (!privacy.shown) return reasonFirst(form);
		const parsed = parseForm(acknowledgeSchema, form);
		if (parsed.failure) return parsed.failure;
		const count = acknowledgeUrgent(conversation.id, user, parsed.data.note);
		return done('acknowledged', { count });
	})
};
