import { and, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import { anyRow, db, tables, write, type Tx } from './db';
import { recordAudit } from './audit';
import { deletedAfter } from '$lib/domain/retention';
import { nextTurn } from './next-turn';

/**
 * Ending things (issue 10): a carer unlinked from a child, an account closed (and opened again), a
 * child's record closed when they leave care (and reopened), and a closed record deleted, by the
 * housekeeping job once its retention period is over or by a manager before then where the law
 * allows. Each is one transaction with its audit entry; the audit keeps ids, never names or words.
 */
const { users, children, carers, childCarers, sessions, invites, auditLog, accountNotices } = tables;
const { formSubmissions, photos } = tables;

export const AUDIT = {
	unlinked: 'carer.unlinked',
	deactivated: 'account.deactivated',
	reactivated: 'account.reactivated',
	closed: 'record.closed',
	reopened: 'record.reopened',
	erased: 'record.erased',
	deleted: 'record.deleted_after_retention'
} as const;

/** The children a carer record is linked to, with each child's IRO. */
export function carerLinks(carerId: string) {
	return db()
		.select({ childId: childCarers.childId, iroId: children.iroId })
		.from(childCarers)
		.innerJoin(children, eq(children.id, childCarers.childId))
		.where(eq(childCarers.carerId, carerId))
		.all();
}

/** The children a carer's account is linked to (through any of its carer records), with their IROs. */
export function carerLinksOfUser(userId: string) {
	return db()
		.select({ childId: childCarers.childId, iroId: children.iroId })
		.from(childCarers)
		.innerJoin(children, eq(children.id, childCarers.childId))
		.innerJoin(carers, eq(carers.id, childCarers.carerId))
		.where(eq(carers.userId, userId))
		.all();
}

/** Revokes the codes still waiting for a person (to join, or to reset a password). */
function revokeOpenCodes(tx: Tx, where: ReturnType<typeof eq>, now: number) {
	tx.update(invites)
		.set({ revokedAt: now })
		.where(and(where, isNull(invites.usedAt), isNull(invites.revokedAt)))
		.run();
}

/** Closes an account inside a transaction: no more sign-in, every session ends now, codes stop. */
function deactivateIn(tx: Tx, userId: string, byUserId: string, now: number) {
	const changed = tx
		.update(users)
		.set({ deactivatedAt: now })
		.where(and(eq(users.id, userId), isNull(users.deactivatedAt)))
		.run().changes;
	tx.delete(sessions).where(eq(sessions.userId, userId)).run();
	const carer = tx.select({ id: carers.id }).from(carers).where(eq(carers.userId, userId)).all();
	for (const c of carer) revokeOpenCodes(tx, eq(invites.carerId, c.id), now);
	const child = tx.select({ id: children.id }).from(children).where(eq(children.userId, userId)).get();
	if (child) revokeOpenCodes(tx, eq(invites.childId, child.id), now);
	if (changed) recordAudit({ userId: byUserId, action: AUDIT.deactivated, subjectId: userId }, now, tx);
}

/**
 * Unlinks a carer from a child (a placement ended, contact restricted): the link goes, so every
 * page about the child answers them 404; what they wrote stays in the child's record. With
 * `endAccount`, their account is closed in the same transaction.
 */
export function unlinkCarer(
	input: { childId: string; carerId: string; endAccount: boolean },
	byUserId: string,
	now = Date.now()
) {
	return write((tx) => {
		const removed = tx
			.delete(childCarers)
			.where(and(eq(childCarers.childId, input.childId), eq(childCarers.carerId, input.carerId)))
			.run().changes;
		if (!removed) return false;
		recordAudit(
			{ userId: byUserId, action: AUDIT.unlinked, subjectId: input.childId, detail: input.carerId },
			now,
			tx
		);
		const left = tx.select().from(childCarers).where(eq(childCarers.carerId, input.carerId)).all();
		// A code to join would now give them nothing: it stops.
		if (!left.length) revokeOpenCodes(tx, eq(invites.carerId, input.carerId), now);
		const carer = tx.select().from(carers).where(eq(carers.id, input.carerId)).get();
		if (input.endAccount && carer?.userId) deactivateIn(tx, carer.userId, byUserId, now);
		return true;
	});
}

/** Carers unlinked from this child (from the audit), to say what happened after an unlink. */
export function wasUnlinked(childId: string, carerId: string): boolean {
	return anyRow(
		auditLog,
		and(eq(auditLog.subjectId, childId), eq(auditLog.action, AUDIT.unlinked), eq(auditLog.detail, carerId))
	);
}

/** What a page says about a carer after unlinking: their account's state and other children. */
export function carerAfterUnlink(carerId: string) {
	const carer = db().select().from(carers).where(eq(carers.id, carerId)).get();
	if (!carer) return null;
	const account = carer.userId
		? db().select().from(users).where(eq(users.id, carer.userId)).get()
		: undefined;
	return {
		fullName: carer.fullName,
		userId: carer.userId,
		hasAccount: Boolean(account),
		accountClosed: account ? account.deactivatedAt !== null : false,
		otherChildren: carerLinks(carerId).length
	};
}

/** Closes an account (a manager's decision); returns how many children its IRO leaves without one. */
export function deactivateAccount(userId: string, byUserId: string, now = Date.now()) {
	write((tx) => deactivateIn(tx, userId, byUserId, now));
	return childrenNeedingIro(userId);
}

export function reactivateAccount(userId: string, byUserId: string, now = Date.now()) {
	write((tx) => {
		const changed = tx
			.update(users)
			.set({ deactivatedAt: null })
			.where(and(eq(users.id, userId), isNotNull(users.deactivatedAt)))
			.run().changes;
		if (changed) recordAudit({ userId: byUserId, action: AUDIT.reactivated, subjectId: userId }, now, tx);
	});
}

/** Open records allocated to this IRO while their account is closed: they need a new IRO. */
export function childrenNeedingIro(iroId: string): number {
	return db()
		.select({ id: children.id })
		.from(children)
		.innerJoin(users, eq(users.id, children.iroId))
		.where(and(eq(children.iroId, iroId), isNull(children.closedAt), isNotNull(users.deactivatedAt)))
		.all().length;
}

/** An account as the manager's account page shows it. */
export function accountSummary(userId: string) {
	const user = db().select().from(users).where(eq(users.id, userId)).get();
	if (!user) return null;
	const caseload =
		user.role === 'iro'
			? db()
					.select({ id: children.id })
					.from(children)
					.where(and(eq(children.iroId, userId), isNull(children.closedAt)))
					.all().length
			: 0;
	return {
		id: user.id,
		role: user.role,
		displayName: user.displayName,
		username: user.username,
		deactivatedAt: user.deactivatedAt,
		caseload
	};
}

/**
 * Closes a child's record (they left care): the child's account closes and signs out, codes stop,
 * carers lose access (access.ts), and the record stays read-only for the IRO and managers.
 */
export function closeRecord(
	input: { childId: string; closedOn: string; reason: string },
	byUserId: string,
	now = Date.now()
) {
	write((tx) => {
		const child = tx.select().from(children).where(eq(children.id, input.childId)).get();
		if (!child || child.closedAt !== null) return;
		tx.update(children)
			.set({ closedAt: now, closedOn: input.closedOn, closedReason: input.reason, closedBy: byUserId })
			.where(eq(children.id, child.id))
			.run();
		revokeOpenCodes(tx, eq(invites.childId, child.id), now);
		if (child.userId) deactivateIn(tx, child.userId, byUserId, now);
		recordAudit({ userId: byUserId, action: AUDIT.closed, subjectId: child.id }, now, tx);
	});
}

/** Opens a closed record again (a manager): the child's account opens with it. */
export function reopenRecord(childId: string, byUserId: string, now = Date.now()) {
	write((tx) => {
		const child = tx.select().from(children).where(eq(children.id, childId)).get();
		if (!child || child.closedAt === null) return;
		tx.update(children)
			.set({ closedAt: null, closedOn: null, closedReason: null, closedBy: null })
			.where(eq(children.id, childId))
			.run();
		if (child.userId) {
			tx.update(users).set({ deactivatedAt: null }).where(eq(users.id, child.userId)).run();
			recordAudit({ userId: byUserId, action: AUDIT.reactivated, subjectId: child.userId }, now, tx);
		}
		recordAudit({ userId: byUserId, action: AUDIT.reopened, subjectId: childId }, now, tx);
	});
}

/** The closing facts a closed record's pages show. */
export function closedFacts(child: typeof children.$inferSelect, retentionDays: number) {
	if (child.closedAt === null) return null;
	const by = child.closedBy
		? db().select({ name: users.displayName }).from(users).where(eq(users.id, child.closedBy)).get()
		: undefined;
	return {
		closedOn: child.closedOn ?? '',
		reason: child.closedReason ?? '',
		byName: by?.name ?? null,
		deletedAt: deletedAfter(child.closedAt, retentionDays)
	};
}

/**
 * Deletes everything about a child inside a transaction: the child's row, and with it (foreign keys
 * ON DELETE CASCADE) meetings, My say answers, agenda, choices, support, carers' views, feedback,
 * outcomes, decisions and letters, conversations and their messages, carer links, codes and
 * reminders. The child's account goes too; if audit entries name it as their author, a husk stays
 * with no name, username, email or password, so those entries keep an id and nothing else. A carer
 * record left linked to no child and without an account goes as well.
 */
function deleteChild(tx: Tx, childId: string) {
	const child = tx.select().from(children).where(eq(children.id, childId)).get();
	if (!child) return false;
	const linked = tx
		.select({ carerId: childCarers.carerId })
		.from(childCarers)
		.where(eq(childCarers.childId, childId))
		.all();
	tx.delete(children).where(eq(children.id, childId)).run();
	for (const { carerId } of linked) {
		const still = tx.select().from(childCarers).where(eq(childCarers.carerId, carerId)).get();
		if (!still)
			tx.delete(carers)
				.where(and(eq(carers.id, carerId), isNull(carers.userId)))
				.run();
	}
	if (child.userId) {
		const userId = child.userId;
		tx.delete(sessions).where(eq(sessions.userId, userId)).run();
		tx.delete(accountNotices).where(eq(accountNotices.userId, userId)).run();
		tx.delete(formSubmissions).where(eq(formSubmissions.userId, userId)).run();
		tx.delete(photos).where(eq(photos.userId, userId)).run();
		const authored = tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.userId, userId)).get();
		if (authored)
			tx.update(users)
				.set({
					username: `deleted:${userId}`,
					email: null,
					passwordHash: '',
					displayName: '',
					language: null,
					display: null,
					aboutMe: null,
					contactInfo: null,
					phone: null,
					deactivatedAt: child.closedAt ?? Date.now()
				})
				.where(eq(users.id, userId))
				.run();
		else tx.delete(users).where(eq(users.id, userId)).run();
	}
	return true;
}

/**
 * Erasure before the retention period ends, where the law allows it (a manager, with a reason that
 * goes into the audit trail: the form asks for no personal details in it).
 */
export function eraseRecord(childId: string, reason: string, byUserId: string, now = Date.now()) {
	return write((tx) => {
		const gone = deleteChild(tx, childId);
		if (gone)
			recordAudit({ userId: byUserId, action: AUDIT.erased, subjectId: childId, detail: reason }, now, tx);
		return gone;
	});
}

/**
 * The housekeeping job's part: deletes each closed record whose retention period has passed, one
 * transaction each, and records the deletion (ids only) against the person who closed it, as the
 * audit trail needs an account and the job has none.
 */
export async function purgeClosedRecords(retentionDays: number, now = Date.now()): Promise<number> {
	// Past its period: closedAt + period < now (isPastRetention in domain/retention.ts).
	const cutoff = now - deletedAfter(0, retentionDays);
	const due = db()
		.select({ id: children.id, closedBy: children.closedBy })
		.from(children)
		.where(and(isNotNull(children.closedAt), lt(children.closedAt, cutoff)))
		.all();
	let deleted = 0;
	for (const child of due) {
		write((tx) => {
			if (!deleteChild(tx, child.id)) return;
			deleted += 1;
			const actor =
				child.closedBy ?? tx.select({ id: users.id }).from(users).where(eq(users.role, 'manager')).get()?.id;
			if (actor)
				recordAudit(
					{ userId: actor, action: AUDIT.deleted, subjectId: child.id, detail: `${retentionDays} days` },
					now,
					tx
				);
		});
		// Pages answered between records (a change of retention period may make many due at once).
		await nextTurn();
	}
	return deleted;
}
