import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { tables, type Tx, keptQuery, rowsWhere } from './db';
import { newId } from './ids';
import { queueEmail } from './notify';
import { translator } from './i18n';
import { config } from './config';
import { formatDateTime } from '$lib/format';
import { isLocale, localeInfo } from '$lib/i18n/locales';
import { CHANGE_NOTICE_DAYS, type MeetingChangeKind } from '$lib/domain/meeting-notices';
import type { Meeting } from './db/schema';

/**
 * Telling people that a meeting was moved or cancelled: the child through a row the home page (a
 * notice) and the messages page (a line) put into words in the child's language, and each linked
 * parent or carer with an email address through the outbox, without the child's name.
 */
const { meetingChanges, childCarers, carers, users } = tables;

export type MeetingChange = typeof meetingChanges.$inferSelect;

/**
 * Records the change for the child and queues the carers' emails, inside the write that made the
 * change (`tx`), so that nobody is told of a change that was not made. The caller runs `deliverDue()`.
 */
export function tellOfChange(
	tx: Tx,
	input: {
		meeting: Pick<Meeting, 'id' | 'childId' | 'startsAt'>;
		kind: MeetingChangeKind;
		toStartsAt: number | null;
		byUserId: string | null;
		now: number;
	}
): void {
	const { meeting, kind, toStartsAt, now } = input;
	tx.insert(meetingChanges)
		.values({
			id: newId(),
			meetingId: meeting.id,
			childId: meeting.childId,
			kind,
			fromStartsAt: meeting.startsAt,
			toStartsAt,
			byUserId: input.byUserId,
			createdAt: now
		})
		.run();
	const linked = tx
		.select({ email: carers.email, userEmail: users.email, language: users.language, own: carers.language })
		.from(childCarers)
		.innerJoin(carers, eq(carers.id, childCarers.carerId))
		.leftJoin(users, eq(users.id, carers.userId))
		.where(eq(childCarers.childId, meeting.childId))
		.all();
	for (const carer of linked) {
		const to = carer.userEmail ?? carer.email;
		if (!to) continue;
		const language = carer.language ?? carer.own;
		const lng = isLocale(language) ? language : 'en';
		const t = translator(lng);
		const intl = localeInfo(lng).intl;
		const params = {
			from: formatDateTime(meeting.startsAt, intl),
			to: toStartsAt === null ? '' : formatDateTime(toStartsAt, intl),
			link: `${config().origin}/carer/children/${meeting.childId}`,
			council: config().councilName
		};
		queueEmail(to, t(`review:email.${kind}.subject`), t(`review:email.${kind}.body`, params), now, tx);
	}
}

/** The changes to this child's meetings, oldest first (the lines in the child's messages). */
export function changesForChild(childId: string): MeetingChange[] {
	return changesQuery().all({ value: childId });
}

const changesQuery = rowsWhere(meetingChanges, meetingChanges.childId, meetingChanges.createdAt);

/** The changes the child's home page still shows (the last two weeks), newest first. */
export function recentChanges(childId: string, now = Date.now()): MeetingChange[] {
	return recentChangesQuery().all({ childId, since: now - CHANGE_NOTICE_DAYS * 86_400_000 });
}

const recentChangesQuery = keptQuery((db) =>
	db
		.select()
		.from(meetingChanges)
		.where(
			and(
				eq(meetingChanges.childId, sql.placeholder('childId')),
				gt(meetingChanges.createdAt, sql.placeholder('since'))
			)
		)
		.orderBy(desc(meetingChanges.createdAt))
		.limit(3)
		.prepare()
);
