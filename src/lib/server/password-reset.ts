import { and, asc, eq, isNull } from 'drizzle-orm';
import { anyRow, db, tables, write } from './db';
import { newId } from './ids';
import { issueInvite, type InviteFor } from './auth/invites';
import { recordAudit } from './audit';
import { queueEmail } from './notify';
import { translator } from './i18n';
import { config } from './config';
import { formatDate } from '$lib/format';
import { londonDate } from '$lib/domain/dates';
import { isLocale, localeInfo } from '$lib/i18n/locales';

/**
 * Password resets: a separate, audited action (never an invite code). It issues a one-time reset code
 * for an existing account; the password itself only changes when the holder uses the code at /join.
 * The account holder is told: by email when the account has an address, and by a notice at their
 * next sign-in. Who may do it is decided in access.ts (requireResetTarget).
 */
const { users, children, carers, accountNotices } = tables;

/** The account behind a child or carer record, with the address to tell them at (if any). */
export function accountOfPerson(target: InviteFor) {
	const userId = target.childId
		? db().select({ id: children.userId }).from(children).where(eq(children.id, target.childId)).get()?.id
		: db().select({ id: carers.userId }).from(carers).where(eq(carers.id, target.carerId!)).get()?.id;
	if (!userId) return null;
	const account = db().select().from(users).where(eq(users.id, userId)).get();
	if (!account) return null;
	const carerEmail = target.carerId
		? db().select({ email: carers.email }).from(carers).where(eq(carers.id, target.carerId)).get()?.email
		: null;
	return {
		id: account.id,
		username: account.username,
		language: account.language,
		emailTo: account.email ?? carerEmail ?? null
	};
}

/**
 * Issues a reset code for the account of this child or carer, records who did it, and tells the holder.
 * Returns the code (to give to them), or null if there is no account (then nothing happened).
 * `childId`: the child whose record it was done from (a carer's reset appears in that child's trail).
 */
export function issuePasswordReset(
	target: InviteFor,
	by: { id: string; displayName: string },
	now = Date.now(),
	childId?: string
): { code: string; emailed: boolean } | null {
	const account = accountOfPerson(target);
	if (!account) return null;
	const code = write((tx) => {
		const issued = issueInvite(target, by.id, now, 'reset', tx);
		if (!issued) return null;
		recordAudit(
			{
				userId: by.id,
				action: 'password.reset_issued',
				subjectId: account.id,
				detail: target.childId ? `child:${target.childId}` : `carer:${target.carerId}`,
				childId: childId ?? target.childId
			},
			now,
			tx
		);
		tx.insert(accountNotices)
			.values({ id: newId(), userId: account.id, kind: 'password_reset', byUserId: by.id, createdAt: now })
			.run();
		return issued;
	});
	if (!code) return null;
	if (account.emailTo) {
		const lang = isLocale(account.language) ? account.language : 'en';
		const t = translator(lang);
		const { councilName, councilPhone } = config();
		queueEmail(
			account.emailTo,
			t('auth:resetEmail.subject'),
			t('auth:resetEmail.body', {
				name: by.displayName,
				date: formatDate(londonDate(now), localeInfo(lang).intl),
				council: councilName,
				phone: councilPhone
			}),
			now
		);
	}
	return { code, emailed: Boolean(account.emailTo) };
}

/** What this account holder has not been told yet, oldest first, with who did it. */
export function unseenNotices(userId: string) {
	return db()
		.select({
			id: accountNotices.id,
			kind: accountNotices.kind,
			byName: users.displayName,
			createdAt: accountNotices.createdAt
		})
		.from(accountNotices)
		.leftJoin(users, eq(users.id, accountNotices.byUserId))
		.where(and(eq(accountNotices.userId, userId), isNull(accountNotices.seenAt)))
		.orderBy(asc(accountNotices.createdAt))
		.all();
}

export function hasUnseenNotices(userId: string): boolean {
	return anyRow(accountNotices, and(eq(accountNotices.userId, userId), isNull(accountNotices.seenAt)));
}

/** Notices are shown once: marks these as seen. */
export function markNoticesSeen(userId: string, ids: string[], now = Date.now()): void {
	if (!ids.length) return;
	write((tx) => {
		for (const id of ids) {
			tx.update(accountNotices)
				.set({ seenAt: now })
				.where(and(eq(accountNotices.id, id), eq(accountNotices.userId, userId)))
				.run();
		}
	});
}
