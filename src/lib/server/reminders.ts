import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { tables, write, keptQuery, type Db } from './db';
import { newId } from './ids';
import { queueEmail } from './notify';
import { translator } from './i18n';
import { config } from './config';
import { isOpen, type Meeting } from './meetings';
import { linkedCarers } from './carers';
import { viewsOf } from './views';
import { consultationFor } from './consultation';
import type { Child } from './children';
import { isLocale } from '$lib/i18n/locales';
import { canRemind } from '$lib/domain/pack';

/** Reminders: a nudge from the IRO to a child or carer who has not sent anything yet for a meeting. */
const { reminders, users } = tables;

export function remindersOf(meetingId: string) {
	return remindersQuery().all({ meetingId });
}

const remindersQuery = keptQuery((db) =>
	db
		.select({
			id: reminders.id,
			childId: reminders.childId,
			carerId: reminders.carerId,
			by: users.displayName,
			createdAt: reminders.createdAt
		})
		.from(reminders)
		.innerJoin(users, eq(users.id, reminders.createdBy))
		.where(eq(reminders.meetingId, sql.placeholder('meetingId')))
		.orderBy(desc(reminders.createdAt))
		.prepare()
);

export function latestReminder(meetingId: string, who: { childId: string } | { carerId: string }) {
	return (
		('childId' in who
			? latestReminderQuery.child().get({ meetingId, childId: who.childId })
			: latestReminderQuery.carer().get({ meetingId, carerId: who.carerId })) ?? null
	);
}

const latestReminderTo = (db: Db, to: SQL) =>
	db
		.select({ from: users.displayName, at: reminders.createdAt })
		.from(reminders)
		.innerJoin(users, eq(users.id, reminders.createdBy))
		.where(and(eq(reminders.meetingId, sql.placeholder('meetingId')), to))
		.orderBy(desc(reminders.createdAt))
		.limit(1)
		.prepare();

const latestReminderQuery = {
	child: keptQuery((db) =>
		latestReminderTo(db, and(eq(reminders.childId, sql.placeholder('childId')), isNull(reminders.carerId))!)
	),
	carer: keptQuery((db) => latestReminderTo(db, eq(reminders.carerId, sql.placeholder('carerId'))))
};

export type ReminderResult = 'sent' | 'emailed' | 'refused';

/**
 * A nudge from the IRO to the child (to = 'child') or to one linked carer (to = their carer id) who has
 * not sent anything yet, and who has a Voicebox account. It shows on their home page; a carer with a
 * known email address also gets an email, which says only that their views are wanted, with a link
 * (never the child's name). Someone without an account needs an invite instead.
 */
export function sendReminder(input: {
	meeting: Meeting;
	child: Pick<Child, 'id' | 'userId'>;
	to: string;
	createdBy: string;
	origin: string;
	now?: number;
}): ReminderResult {
	const now = input.now ?? Date.now();
	const { meeting, child } = input;
	const open = isOpen(meeting, now);
	const remember = (carerId: string | null) =>
		write((tx) =>
			tx
				.insert(reminders)
				.values({
					id: newId(),
					meetingId: meeting.id,
					childId: child.id,
					carerId,
					createdBy: input.createdBy,
					createdAt: now
				})
				.run()
		);
	if (input.to === 'child') {
		const sentAt = consultationFor(meeting.id)?.sentAt ?? null;
		if (!canRemind({ meetingOpen: open, sentAt, reachable: child.userId !== null })) return 'refused';
		remember(null);
		return 'sent';
	}
	const carer = linkedCarers(child.id).find((c) => c.id === input.to);
	if (!carer) return 'refused';
	const sentAt = viewsOf(meeting.id, carer.id)?.sentAt ?? null;
	if (!canRemind({ meetingOpen: open, sentAt, reachable: carer.hasAccount })) return 'refused';
	remember(carer.id);
	if (!carer.email) return 'sent';
	const t = translator(isLocale(carer.language) ? carer.language : 'en');
	const link = `${input.origin}/carer/children/${child.id}/views`;
	queueEmail(
		carer.email,
		t('pack:email.subject'),
		t('pack:email.body', { link, council: config().councilName }),
		now
	);
	return 'emailed';
}
