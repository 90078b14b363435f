import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db, tables, write } from './db';
import { config } from './config';
import { deliverDue, queueEmail } from './notify';
import { sendMessage } from './messages';
import { recordAudit } from './audit';
import { translator } from './i18n';
import { isEscalationDue, isWorkingTime } from '$lib/domain/working-hours';
import { isLocale, localeInfo, type Locale } from '$lib/i18n/locales';
import { formatDateTime } from '$lib/format';
import type { SessionUser } from './auth/session';
import { nextTurn } from './next-turn';

/**
 * "I don't feel safe": urgent messages from a child. Sending tells the IRO and the duty manager by
 * email at once (messages.ts); the child is told exactly who was emailed. Staff acknowledge with a
 * note of what they did. Unacknowledged messages are escalated once to the duty manager and every
 * manager: after URGENT_ACK_MINUTES if sent in working hours, at once if sent out of hours
 * (src/lib/domain/working-hours.ts). Emails never carry the child's name or the message.
 */
const { messages, conversations, children, users, outbox } = tables;

/** An urgent message from a child or carer (staff never send urgent ones); open until acknowledged. */
const isUrgent = and(eq(messages.urgent, true), eq(messages.fromStaff, false));
const isOpenUrgent = and(isUrgent, isNull(messages.acknowledgedAt));

/** What the child is told after sending: only what really happened. */
export interface UrgentReceipt {
	/** The IRO's name, if an email to the IRO was queued. */
	iroEmailed: string | null;
	/** An email to the duty manager's address was queued. */
	dutyManagerEmailed: boolean;
	/** Sent out of hours, so it was escalated at once to the managers (at least one email queued). */
	managersEmailed: boolean;
	/** Sent in working hours (Monday to Friday, 9 to 5, not bank holidays). */
	workingTime: boolean;
	emergencyDutyPhone: string;
}

/** Sends a child's urgent message and says who was emailed, checked against the outbox. */
export function sendUrgent(input: {
	childId: string;
	author: Pick<SessionUser, 'id' | 'role'>;
	body: string;
	lang?: string | null;
	origin: string;
	now?: number;
}): UrgentReceipt {
	const now = input.now ?? Date.now();
	const id = sendMessage({ ...input, carerId: null, urgent: true, now });
	const child = db()
		.select({ iroId: children.iroId })
		.from(children)
		.where(eq(children.id, input.childId))
		.get();
	const iro = child?.iroId
		? db()
				.select({ email: users.email, name: users.displayName })
				.from(users)
				.where(eq(users.id, child.iroId))
				.get()
		: undefined;
	const duty = config().dutyManagerEmail;
	const queued = new Set(
		db()
			.select({ to: outbox.to })
			.from(outbox)
			.where(
				and(
					eq(outbox.createdAt, now),
					inArray(
						outbox.to,
						[iro?.email, duty].filter((a): a is string => Boolean(a))
					)
				)
			)
			.all()
			.map((r) => r.to)
	);
	const escalation = escalateMessage(id, now, input.origin);
	return {
		iroEmailed: iro?.email && queued.has(iro.email) ? iro.name : null,
		dutyManagerEmailed: Boolean(duty) && queued.has(duty),
		managersEmailed: escalation.some((r) => r.manager),
		workingTime: isWorkingTime(now),
		emergencyDutyPhone: config().emergencyDutyPhone
	};
}

interface Recipient {
	to: string;
	language: Locale;
	/** A manager's own account (the duty address may be a shared mailbox). */
	manager: boolean;
}

/** The duty manager and every manager with an email address, each once. */
function escalationRecipients(): Recipient[] {
	const list: Recipient[] = [];
	const seen = new Set<string>();
	const add = (to: string | null, language: string | null, manager: boolean) => {
		if (!to || seen.has(to.toLowerCase())) return;
		seen.add(to.toLowerCase());
		list.push({ to, language: isLocale(language) ? language : 'en', manager });
	};
	for (const m of db()
		.select({ email: users.email, language: users.language })
		.from(users)
		.where(and(eq(users.role, 'manager'), isNotNull(users.email)))
		.all())
		add(m.email, m.language, true);
	add(config().dutyManagerEmail || null, 'en', false);
	return list;
}

function escalationEmail(r: Recipient, sentAt: number, link: string, origin: string) {
	const t = translator(r.language);
	const { urgentAckMinutes, councilName } = config();
	const when = formatDateTime(sentAt, localeInfo(r.language).intl);
	return {
		subject: t('messages:email.escalationSubject'),
		text: t(
			isWorkingTime(sentAt) ? 'messages:email.escalationInHours' : 'messages:email.escalationOutOfHours',
			{ when, count: urgentAckMinutes, link, all: `${origin}/manage/urgent`, council: councilName }
		)
	};
}

/**
 * Escalates one message if it is urgent, unacknowledged, not yet escalated and due at `now`, and
 * someone can be emailed. Returns who was emailed (empty if it was not escalated).
 */
function escalateMessage(
	messageId: string,
	now: number,
	origin: string,
	recipients?: Recipient[]
): Recipient[] {
	const m = db()
		.select({
			id: messages.id,
			conversationId: messages.conversationId,
			createdAt: messages.createdAt
		})
		.from(messages)
		.where(and(eq(messages.id, messageId), isOpenUrgent, isNull(messages.escalatedAt)))
		.get();
	if (!m || !isEscalationDue(m.createdAt, now, config().urgentAckMinutes)) return [];
	const to = recipients ?? escalationRecipients();
	// Nobody to email: not marked as escalated (that would not be true); the job tries again.
	if (!to.length) return [];
	const link = `${origin}/iro/conversations/${m.conversationId}`;
	const queued = write((tx) => {
		// Claimed in the same write as the emails: once only, even if two jobs run at once.
		const claimed = tx
			.update(messages)
			.set({ escalatedAt: now })
			.where(and(eq(messages.id, m.id), isNull(messages.escalatedAt), isNull(messages.acknowledgedAt)))
			.run();
		if (claimed.changes === 0) return [];
		for (const r of to) {
			const { subject, text } = escalationEmail(r, m.createdAt, link, origin);
			queueEmail(r.to, subject, text, now, tx);
		}
		return to;
	});
	if (queued.length) void deliverDue();
	return queued;
}

/**
 * The escalation job: every urgent message not acknowledged in time is emailed again, once, to the
 * duty manager and every manager. `now` is a parameter so that tests control the clock.
 * Returns how many messages were escalated.
 */
export async function escalateUrgent(now = Date.now(), origin = config().origin): Promise<number> {
	const open = db()
		.select({ id: messages.id, createdAt: messages.createdAt })
		.from(messages)
		.where(and(isOpenUrgent, isNull(messages.escalatedAt)))
		.all()
		.filter((m) => isEscalationDue(m.createdAt, now, config().urgentAckMinutes));
	if (!open.length) return 0;
	const recipients = escalationRecipients();
	let escalated = 0;
	for (const m of open) {
		if (escalateMessage(m.id, now, origin, recipients).length) escalated += 1;
		// After the server was stopped for a while many may be due at once.
		await nextTurn();
	}
	return escalated;
}

/** Runs the escalation every minute until the returned function stops it (see background.ts). */
export function startUrgentWorker(intervalMs = 60_000): () => void {
	const run = () =>
		escalateUrgent().catch((error) => console.error('[urgent] escalation failed; will try again', error));
	const timer = setInterval(run, intervalMs);
	timer.unref();
	run();
	return () => clearInterval(timer);
}

/** Unacknowledged urgent messages in a conversation. */
export function openUrgentCount(conversationId: string): number {
	return db()
		.select({ id: messages.id })
		.from(messages)
		.where(and(eq(messages.conversationId, conversationId), isOpenUrgent))
		.all().length;
}

/**
 * Staff acknowledge every open urgent message of a conversation, with a note of what they did.
 * Returns how many were acknowledged (0 if none was open).
 */
export function acknowledgeUrgent(
	conversationId: string,
	user: Pick<SessionUser, 'id'>,
	note: string,
	now = Date.now()
): number {
	return write((tx) => {
		const done = tx
			.update(messages)
			.set({ acknowledgedAt: now, acknowledgedBy: user.id, acknowledgementNote: note })
			.where(and(eq(messages.conversationId, conversationId), isOpenUrgent))
			.run();
		if (done.changes > 0)
			recordAudit(
				{
					userId: user.id,
					action: 'urgent.acknowledged',
					subjectId: conversationId,
					detail: String(done.changes)
				},
				now,
				tx
			);
		return done.changes;
	});
}

const ackBy = alias(users, 'ack_by');

function urgentQuery() {
	return db()
		.select({
			id: messages.id,
			conversationId: messages.conversationId,
			childId: children.id,
			childName: children.fullName,
			sentAt: messages.createdAt,
			acknowledgedAt: messages.acknowledgedAt,
			acknowledgedBy: ackBy.displayName,
			note: messages.acknowledgementNote,
			escalatedAt: messages.escalatedAt
		})
		.from(messages)
		.innerJoin(conversations, eq(conversations.id, messages.conversationId))
		.innerJoin(children, eq(children.id, conversations.childId))
		.leftJoin(ackBy, eq(ackBy.id, messages.acknowledgedBy))
		.$dynamic();
}

export type UrgentRow = ReturnType<typeof urgentOf>[number];

/** Urgent messages with what was done about them, newest first: all, one child's, or one conversation's. */
export function urgentOf(filter: { childId?: string; conversationId?: string } = {}, limit = 500) {
	return urgentQuery()
		.where(
			and(
				isUrgent,
				filter.childId ? eq(children.id, filter.childId) : undefined,
				filter.conversationId ? eq(messages.conversationId, filter.conversationId) : undefined
			)
		)
		.orderBy(desc(messages.createdAt), desc(messages.id))
		.limit(limit)
		.all();
}
