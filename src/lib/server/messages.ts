import {
	and,
	asc,
	count,
	desc,
	eq,
	inArray,
	isNull,
	sql,
	type Placeholder,
	type SQLWrapper
} from 'drizzle-orm';
import { db, keptQuery, rowsWhere, tables, write, writeIfFree, type Db } from './db';
import { newId } from './ids';
import { queueEmail } from './notify';
import { translator } from './i18n';
import { config } from './config';
import { isLocale } from '$lib/i18n/locales';
import type { SessionUser } from './auth/session';
import { readMarksFor } from '$lib/domain/privacy';
import { messageSchema, voiceMessageSchema } from '$lib/forms/messages';
import { done, failWith, parseForm } from './forms';
import { attachMessageVoice, readVoice, voiceError, type VoiceUpload } from './voice';
import { MESSAGE_VOICE_FIELD } from '$lib/domain/voice';
import { shownFrom, THREAD } from '$lib/domain/paging';
import { storeOnce } from './submissions';

const { conversations, messages, children, carers, users, voiceRecordings } = tables;

export type Conversation = typeof conversations.$inferSelect;
const HOUR = 60 * 60_000;

function keyOf(childId: string, carerId: string | null) {
	return `${childId}:${carerId ?? 'child'}`;
}

export function findConversation(childId: string, carerId: string | null): Conversation | undefined {
	return conversationQuery().get({ value: keyOf(childId, carerId) });
}

const conversationQuery = rowsWhere(conversations, conversations.key);

function openConversation(childId: string, carerId: string | null, now: number): Conversation {
	write((tx) =>
		tx
			.insert(conversations)
			.values({
				id: newId(),
				key: keyOf(childId, carerId),
				childId,
				carerId,
				lastMessageAt: now,
				createdAt: now
			})
			.onConflictDoNothing()
			.run()
	);
	return findConversation(childId, carerId)!;
}

function threadQuery(db: Db, conversationId: string | Placeholder) {
	return db
		.select({
			id: messages.id,
			body: messages.body,
			lang: messages.lang,
			urgent: messages.urgent,
			fromStaff: messages.fromStaff,
			createdAt: messages.createdAt,
			readAt: messages.readAt,
			authorId: messages.authorId,
			authorName: users.displayName,
			// Its voice recording (issue 13), if any: one index look-up (`voice_message_idx`) a message.
			voiceId: sql<
				string | null
			>`(select ${voiceRecordings.id} from ${voiceRecordings} where ${voiceRecordings.messageId} = ${messages.id} limit 1)`
		})
		.from(messages)
		.innerJoin(users, eq(users.id, messages.authorId))
		.where(eq(messages.conversationId, conversationId));
}

/** The order messages were written in, for two in the same millisecond (SQLite's rowid). */
const written = sql`"messages"."rowid"`;

/** The thread, oldest first, with who wrote each message and its recording. */
export function threadOf(conversationId: string) {
	return threadQuery(db(), conversationId).orderBy(asc(messages.createdAt), asc(written)).all();
}

/**
 * The page of a thread the address asks for: its latest messages (`?shown=`, whole pages of
 * THREAD), oldest first, and whether there are earlier ones ("Show earlier messages"), so a
 * long thread is not sent whole. No conversation (none yet, or not to be shown): no messages.
 */
export function latestOf(conversationId: string | null, params: URLSearchParams) {
	const shown = shownFrom(params, THREAD);
	if (conversationId === null) return { shown, messages: [], earlier: false };
	const rows = latestQuery().all({ conversationId, limit: shown + 1 });
	return { shown, messages: rows.slice(0, shown).reverse(), earlier: rows.length > shown };
}

const latestQuery = keptQuery((db) =>
	threadQuery(db, sql.placeholder('conversationId'))
		.orderBy(desc(messages.createdAt), desc(written))
		.limit(sql.placeholder('limit'))
		.prepare()
);

/** How many messages a conversation has. */
export function messageCount(conversationId: string): number {
	return (
		db().select({ n: count() }).from(messages).where(eq(messages.conversationId, conversationId)).get()?.n ??
		0
	);
}

/**
 * Marks as read what was written to this reader, and only if they are its addressee: the child's own
 * IRO reads what the child or carer wrote; the child (their own conversation) and the carer (theirs)
 * read what staff wrote. A manager or anyone else reading marks nothing, so the IRO's unread stays.
 * Whether it marked any (false also when the database was busy: they stay unread until the next look).
 */
export function markRead(
	conversationId: string,
	reader: Pick<SessionUser, 'id' | 'role'>,
	now = Date.now()
): boolean {
	const facts = readersQuery().get({ conversationId });
	if (!facts) return false;
	const marks = readMarksFor(reader, { ...facts, isCarerConversation: facts.carerId !== null });
	if (!marks) return false;
	const unread = { conversationId, fromStaff: Number(marks === 'staff') };
	// Most views find nothing new: a look at the unread index, not a write, then.
	if (!anyUnreadQuery().get(unread)) return false;
	return writeIfFree(() => markReadQuery().run({ ...unread, now })) !== undefined;
}

/**
 * A thread opened: what was new in it is now read (`markRead`), and, only when that changed anything,
 * the header's unread count again (the root layout counted before this page's load ran).
 */
export function openThread(
	conversationId: string | null,
	reader: Pick<SessionUser, 'id' | 'role'>
): { unread?: number } {
	if (conversationId === null || !markRead(conversationId, reader)) return {};
	return { unread: unreadCount(reader) };
}

/** What one side (`fromStaff`, 1 or 0) wrote in a conversation and was not read yet (`messages_unread_idx`). */
const unreadOfSide = () =>
	and(
		eq(messages.conversationId, sql.placeholder('conversationId')),
		eq(messages.fromStaff, sql.placeholder('fromStaff')),
		isNull(messages.readAt)
	);

/** Whether there is any of it. */
const anyUnreadQuery = keptQuery((db) =>
	db
		.select({ one: sql`1` })
		.from(messages)
		.where(unreadOfSide())
		.limit(1)
		.prepare()
);

/** Marks it read. */
const markReadQuery = keptQuery((db) =>
	db
		.update(messages)
		.set({ readAt: sql`${sql.placeholder('now')}` })
		.where(unreadOfSide())
		.prepare()
);

/** Whose conversation it is: who may mark its messages read. */
const readersQuery = keptQuery((db) =>
	db
		.select({
			iroId: children.iroId,
			childUserId: children.userId,
			carerId: conversations.carerId,
			carerUserId: carers.userId
		})
		.from(conversations)
		.innerJoin(children, eq(children.id, conversations.childId))
		.leftJoin(carers, eq(carers.id, conversations.carerId))
		.where(eq(conversations.id, sql.placeholder('conversationId')))
		.prepare()
);

export function setDone(conversationId: string, done: boolean, now = Date.now()): void {
	write((tx) =>
		tx
			.update(conversations)
			.set({ doneAt: done ? now : null })
			.where(eq(conversations.id, conversationId))
			.run()
	);
}

function emailText(language: string | null, urgent: boolean, link: string) {
	const t = translator(isLocale(language) ? language : 'en');
	return {
		subject: t(urgent ? 'messages:email.urgentSubject' : 'messages:email.subject'),
		text: t('messages:email.body', { link, council: config().councilName })
	};
}

/** Who hears about a new message, by email: never with the message text or the child's name. */
function notify(
	conversation: Conversation,
	fromStaff: boolean,
	urgent: boolean,
	origin: string,
	now: number
) {
	const child = db().select().from(children).where(eq(children.id, conversation.childId)).get();
	if (!child) return;
	if (!fromStaff) {
		const iro = child.iroId ? db().select().from(users).where(eq(users.id, child.iroId)).get() : undefined;
		const link = `${origin}/iro/conversations/${conversation.id}`;
		const due = urgent || !conversation.staffNotifiedAt || now - conversation.staffNotifiedAt >= HOUR;
		if (iro?.email && due) {
			const { subject, text } = emailText(iro.language, urgent, link);
			queueEmail(iro.email, subject, text, now);
			write((tx) =>
				tx
					.update(conversations)
					.set({ staffNotifiedAt: now })
					.where(eq(conversations.id, conversation.id))
					.run()
			);
		}
		const duty = config().dutyManagerEmail;
		if (urgent && duty) {
			const { subject, text } = emailText('en', true, link);
			queueEmail(duty, subject, text, now);
		}
		return;
	}
	if (conversation.carerId) {
		const carer = db()
			.select({ email: carers.email, userEmail: users.email, language: users.language })
			.from(carers)
			.leftJoin(users, eq(users.id, carers.userId))
			.where(eq(carers.id, conversation.carerId))
			.get();
		const to = carer?.userEmail ?? carer?.email;
		if (to) {
			const { subject, text } = emailText(
				carer?.language ?? null,
				false,
				`${origin}/carer/children/${child.id}/messages`
			);
			queueEmail(to, subject, text, now);
		}
	}
}

/** Sends a message, opening the conversation on first use, and tells the other side by email. */
export function sendMessage(input: {
	childId: string;
	carerId: string | null;
	author: Pick<SessionUser, 'id' | 'role'>;
	body: string;
	/** The language of the author's page as they wrote it (kept for a screen reader's voice). */
	lang?: string | null;
	urgent?: boolean;
	origin: string;
	now?: number;
	/** A child's voice message to their IRO (issue 13), checked by `readVoice`. Never emailed. */
	voice?: VoiceUpload | null;
}): string {
	const now = input.now ?? Date.now();
	const fromStaff = input.author.role === 'iro' || input.author.role === 'manager';
	const urgent = !fromStaff && Boolean(input.urgent);
	const id = newId();
	const conversation = write((tx) => {
		const c =
			findConversation(input.childId, input.carerId) ?? openConversation(input.childId, input.carerId, now);
		tx.insert(messages)
			.values({
				id,
				conversationId: c.id,
				authorId: input.author.id,
				fromStaff,
				body: input.body,
				lang: input.lang ?? null,
				urgent,
				createdAt: now
			})
			.run();
		if (input.voice) attachMessageVoice(tx, input.childId, id, input.voice, now);
		tx.update(conversations)
			.set({ lastMessageAt: now, ...(fromStaff ? {} : { doneAt: null }) })
			.where(eq(conversations.id, c.id))
			.run();
		return c;
	});
	notify(conversation, fromStaff, urgent, input.origin, now);
	return id;
}

/**
 * The staff inbox: urgent at the very top, then unread, then the latest; optionally one IRO's caseload
 * or one child's conversations; the first `limit` conversations (a page, "Show more" asks for more).
 * Each conversation keeps its own counts of what staff have not read (`INBOX_TRIGGERS`), so a page is
 * read off `conversations_inbox_idx` without counting a single message, whatever the size of the service.
 */
export function inbox(iroId: string | null, childId: string | null, limit = Number.MAX_SAFE_INTEGER) {
	const query = inboxQueries[`${iroId ? 'iro' : 'all'} ${childId ? 'child' : 'all'}`];
	return query().all({ iroId, childId, limit });
}

/** The inbox's query for each filter (all, one IRO's, one child's, both), each built once. */
const inboxQueries = {
	'all all': keptQuery((db) => inboxQuery(db, false, false)),
	'iro all': keptQuery((db) => inboxQuery(db, true, false)),
	'all child': keptQuery((db) => inboxQuery(db, false, true)),
	'iro child': keptQuery((db) => inboxQuery(db, true, true))
};

function inboxQuery(db: Db, byIro: boolean, byChild: boolean) {
	// The page of conversations is chosen first, from the conversations alone (no names joined to
	// thousands of rows); an IRO's through the children on their caseload.
	const ranked = db.$with('ranked').as(
		db
			.select({
				id: conversations.id,
				childId: conversations.childId,
				carerId: conversations.carerId,
				lastMessageAt: conversations.lastMessageAt,
				doneAt: conversations.doneAt,
				unread: sql<number>`${conversations.unreadByStaff}`.as('unread'),
				urgent: sql<number>`${conversations.urgentUnreadByStaff}`.as('urgent')
			})
			.from(conversations)
			.where(
				and(
					byIro
						? inArray(
								conversations.childId,
								db
									.select({ id: children.id })
									.from(children)
									.where(eq(children.iroId, sql.placeholder('iroId')))
							)
						: undefined,
					byChild ? eq(conversations.childId, sql.placeholder('childId')) : undefined
				)
			)
			// The index's own expressions, so SQLite reads the page in its order and stops.
			.orderBy(
				...inboxOrder(
					conversations.urgentUnreadByStaff,
					conversations.unreadByStaff,
					conversations.lastMessageAt
				)
			)
			.limit(sql.placeholder('limit'))
	);
	return (
		db
			.with(ranked)
			.select({
				id: ranked.id,
				childId: ranked.childId,
				childName: children.fullName,
				carerName: carers.fullName,
				lastMessageAt: ranked.lastMessageAt,
				doneAt: ranked.doneAt,
				unread: ranked.unread,
				urgent: ranked.urgent
			})
			// A cross join keeps SQLite from starting at the children (it cannot know that a page is small).
			.from(ranked)
			.crossJoin(children)
			.leftJoin(carers, eq(carers.id, ranked.carerId))
			.where(eq(children.id, ranked.childId))
			.orderBy(...inboxOrder(ranked.urgent, ranked.unread, ranked.lastMessageAt))
			.prepare()
	);
}

/** Urgent first, then unread, then the latest message: `conversations_inbox_idx`'s expressions. */
function inboxOrder(urgent: SQLWrapper, unread: SQLWrapper, last: SQLWrapper) {
	return [desc(sql`(${urgent} > 0)`), desc(sql`(${unread} > 0)`), desc(last)];
}

/**
 * The triggers (migration 0010) that keep each conversation's counts of messages staff have not read:
 * a migration that rebuilds `messages` drops them, and `tests/unit/inbox.test.ts` fails without them.
 */
export const INBOX_TRIGGERS = [
	'inbox_messages_insert',
	'inbox_messages_update',
	'inbox_messages_delete'
] as const;

/** Unread messages from the other side, in what each role reads: kept queries (every page asks). */
const unreadBase = (db: Db) =>
	db
		.select({ n: count() })
		.from(messages)
		.innerJoin(conversations, eq(conversations.id, messages.conversationId))
		.innerJoin(children, eq(children.id, conversations.childId));
const unreadFrom = (staff: boolean) => and(eq(messages.fromStaff, !staff), isNull(messages.readAt));
const reader = sql.placeholder('userId');
const unreadQueries = {
	// Every message has its conversation and child (required keys, deleted with them): a manager's
	// count needs neither, and reads only the index of unread messages.
	manager: keptQuery((db) => db.select({ n: count() }).from(messages).where(unreadFrom(true)).prepare()),
	// An IRO's: the counts their children's conversations keep (the inbox's, migration 0010), not a
	// count of messages.
	iro: keptQuery((db) =>
		db
			.select({ n: sql<number>`coalesce(sum(${conversations.unreadByStaff}), 0)` })
			.from(children)
			.innerJoin(conversations, eq(conversations.childId, children.id))
			.where(eq(children.iroId, reader))
			.prepare()
	),
	child: keptQuery((db) =>
		unreadBase(db)
			.where(and(unreadFrom(false), eq(children.userId, reader), isNull(conversations.carerId)))
			.prepare()
	),
	carer: keptQuery((db) =>
		unreadBase(db)
			.innerJoin(carers, eq(carers.id, conversations.carerId))
			.where(and(unreadFrom(false), eq(carers.userId, reader)))
			.prepare()
	)
};

/** Unread messages for the header, for every role. */
export function unreadCount(user: Pick<SessionUser, 'id' | 'role'>): number {
	return unreadQueries[user.role]().get({ userId: user.id })?.n ?? 0;
}

/**
 * A message posted from a conversation's form (child, carer or IRO): checked, stored once per
 * submission, sent; the form action's answer (`kind: 'sent'`, or the errors with the text kept).
 */
export async function sendPosted(
	form: FormData,
	to: { childId: string; carerId: string | null },
	author: Pick<SessionUser, 'id' | 'role'>,
	origin: string,
	lang?: string | null
) {
	// A child may send their IRO a voice message, with or without words (checked by its content).
	const voiceEntry = author.role === 'child' && to.carerId === null ? form.get(MESSAGE_VOICE_FIELD) : null;
	const voice = await readVoice(voiceEntry);
	if (voice && 'problem' in voice)
		return failWith(form, { [MESSAGE_VOICE_FIELD]: voiceError(voice.problem) });
	const parsed = parseForm(voice ? voiceMessageSchema : messageSchema, form);
	if (parsed.failure) return parsed.failure;
	storeOnce(form, author.id, () =>
		sendMessage({ ...to, author, body: parsed.data.body, lang, origin, voice })
	);
	return done('sent');
}
