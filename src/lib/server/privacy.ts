import { and, desc, eq } from 'drizzle-orm';
import { db, tables, write } from './db';
import { auditOf, recordAudit } from './audit';
import type { SessionUser } from './auth/session';
import {
	needsReason,
	parsePrivateReadDetail,
	privateReadDetail,
	reasonStillValid,
	type PrivateReadReason
} from '$lib/domain/privacy';

/**
 * Reading what a child kept for their IRO (private answers and agenda items in a pack, and the
 * messages of a conversation) by someone who is not the child's IRO. Each reading with a reason is
 * an audit entry ('private.read', subject the meeting or conversation, detail the reason); the
 * reason lets that person read that record for the rest of the day. Nothing is kept in a session.
 */
export const PRIVATE_READ = 'private.read';

const { auditLog } = tables;

export function recordPrivateRead(
	userId: string,
	subjectId: string,
	reason: PrivateReadReason,
	note: string,
	now = Date.now()
): void {
	write((tx) =>
		recordAudit({ userId, action: PRIVATE_READ, subjectId, detail: privateReadDetail(reason, note) }, now, tx)
	);
}

/** When this person last gave a reason to read this record, if it still holds now. */
function reasonGivenAt(userId: string, subjectId: string, now: number): number | null {
	const row = db()
		.select({ at: auditLog.at })
		.from(auditLog)
		.where(
			and(eq(auditLog.userId, userId), eq(auditLog.subjectId, subjectId), eq(auditLog.action, PRIVATE_READ))
		)
		.orderBy(desc(auditLog.at))
		.get();
	return row && reasonStillValid(row.at, now) ? row.at : null;
}

/**
 * May this user see the private parts of this record now? The child's IRO always; anyone else who
 * already passed the access check only after giving a reason today.
 */
export function privateShown(
	user: Pick<SessionUser, 'id' | 'role'>,
	child: { iroId: string | null },
	subjectId: string,
	now = Date.now()
): { shown: boolean; needsReason: boolean } {
	if (!needsReason(user, child)) return { shown: true, needsReason: false };
	return { shown: reasonGivenAt(user.id, subjectId, now) !== null, needsReason: true };
}

/** Who read the private parts of this record with a reason, newest first: shown to the IRO. */
export function privateReadsOf(subjectId: string, limit = 50) {
	return auditOf(subjectId, PRIVATE_READ, limit).map((row) => ({
		id: row.id,
		name: row.name,
		at: row.at,
		...parsePrivateReadDetail(row.detail)
	}));
}
