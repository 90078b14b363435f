import { and, desc, eq } from 'drizzle-orm';
import { db, tables, write, type Tx } from './db';
import { newId } from './ids';

const { auditLog, users } = tables;

/**
 * The audit trail: who did or read what, about which record, when. One row per event, never
 * changed. `subjectId` is the record's public id (a meeting, a child, a conversation, a user).
 */
export function recordAudit(
	entry: { userId: string; action: string; subjectId: string; detail?: string },
	now = Date.now(),
	tx?: Tx
): void {
	const insert = (t: Tx) =>
		t
			.insert(auditLog)
			.values({ id: newId(), detail: '', ...entry, at: now })
			.run();
	if (tx) insert(tx);
	else write(insert);
}

/** Audit entries about one record (optionally of one action), newest first, with who. */
export function auditOf(subjectId: string, action?: string, limit = 50) {
	return db()
		.select({
			id: auditLog.id,
			action: auditLog.action,
			detail: auditLog.detail,
			name: users.displayName,
			role: users.role,
			at: auditLog.at
		})
		.from(auditLog)
		.innerJoin(users, eq(users.id, auditLog.userId))
		.where(
			action
				? and(eq(auditLog.subjectId, subjectId), eq(auditLog.action, action))
				: eq(auditLog.subjectId, subjectId)
		)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(limit)
		.all();
}

export const PACK_READ = 'pack.read';

/** Opening a pack marks it read: one row every time, so the history shows each reading. */
export function recordPackRead(userId: string, meetingId: string, now = Date.now()): void {
	recordAudit({ userId, action: PACK_READ, subjectId: meetingId }, now);
}

/** Who read this meeting's pack, newest first. */
export function packReads(meetingId: string, limit = 50) {
	return auditOf(meetingId, PACK_READ, limit);
}
