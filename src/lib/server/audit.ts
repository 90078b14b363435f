import { and, desc, eq, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, insideWrite, keptQuery, tables, write, writeUnconfirmed, type Db, type Tx } from './db';
import { newId } from './ids';
import type { SessionUser } from './auth/session';
import { parsePrivateReadDetail } from '$lib/domain/privacy';

const { auditLog, users, children } = tables;

/**
 * The audit trail: who did or read what, about which record, when. One row per event, never
 * changed or deleted: this module only adds and reads (tests/unit/audit.test.ts checks that no
 * code in src/ updates or deletes it). `subjectId` is the record's public id (a meeting, a child, a
 * conversation, a user); `childId` the child whose record it is; never the content itself.
 */
export type AuditEntry = {
	userId: string;
	action: string;
	subjectId: string;
	detail?: string;
	/** The child whose record this is; when left out, found from the subject (see childOfSubject). */
	childId?: string | null;
};

/**
 * The child a subject belongs to, in the same insert (primary-key look-ups, no extra round trip):
 * a meeting, conversation, decision or letter of theirs, the child or their account, else the
 * meeting named in `detail`. The migration that added `child_id` filled older rows the same way.
 */
function childOfSubject(): SQL {
	const subjectId = sql.placeholder('subjectId');
	return sql`coalesce(
		(select child_id from meetings where id = ${subjectId}),
		(select child_id from conversations where id = ${subjectId}),
		(select child_id from decisions where id = ${subjectId}),
		(select child_id from meeting_letters where id = ${subjectId}),
		(select id from children where id = ${subjectId} or user_id = ${subjectId}),
		(select child_id from meetings where id = ${sql.placeholder('detail')}))`;
}

/**
 * Adds an entry: inside `tx` when given, else in a write of its own. The insert is a kept statement of
 * `db()`'s connection, which is inside `tx` only because `tx` is that connection's open transaction
 * (every `write`'s is): a `tx` of any other connection is refused rather than written outside it.
 */
export function recordAudit(entry: AuditEntry, now = Date.now(), tx?: Tx): void {
	const values = {
		id: newId(),
		userId: entry.userId,
		action: entry.action,
		subjectId: entry.subjectId,
		detail: entry.detail ?? '',
		childId: entry.childId ?? null,
		at: now
	};
	const insert = () => (entry.childId === undefined ? insertQuery.found : insertQuery.given)().run(values);
	if (tx && !insideWrite()) throw new Error('recordAudit: tx is not a transaction of db()');
	if (tx) insert();
	else write(insert);
}

/** The insert, with the child given or found from the subject (`childOfSubject`), each built once. */
const insertQuery = {
	given: keptQuery((db) => insertBuilt(db, sql`${sql.placeholder('childId')}`)),
	found: keptQuery((db) => insertBuilt(db, childOfSubject()))
};

function insertBuilt(db: Db, childId: SQL) {
	const p = (name: string) => sql.placeholder(name);
	return db
		.insert(auditLog)
		.values({
			id: p('id'),
			userId: p('userId'),
			action: p('action'),
			subjectId: p('subjectId'),
			detail: p('detail'),
			childId,
			at: p('at')
		})
		.prepare();
}

/**
 * What a member of staff opens of a child's record: each kind is one audit action (`<kind>.read`).
 * Reads by the child themselves and by their carers are not recorded: it is their own record.
 */
export const READ_KINDS = [
	'child',
	'pack',
	'conversation',
	'welcome_letter',
	'letter',
	'outcomes',
	'write_up',
	'feedback',
	'meeting',
	'audit',
	'format_requests',
	'voice'
] as const;
export type ReadKind = (typeof READ_KINDS)[number];

/** Records that this member of staff opened this part of a child's record (one insert). */
export function auditRead(
	user: Pick<SessionUser, 'id' | 'role'>,
	kind: ReadKind,
	about: { childId: string; subjectId?: string },
	now = Date.now()
): void {
	if (user.role !== 'iro' && user.role !== 'manager') return;
	// Nobody is told it was written: it does not hold the server up waiting for the disk.
	writeUnconfirmed((tx) =>
		recordAudit(
			{
				userId: user.id,
				action: `${kind}.read`,
				subjectId: about.subjectId ?? about.childId,
				childId: about.childId
			},
			now,
			tx
		)
	);
}

/**
 * The order entries were written in, for two in the same millisecond: SQLite's rowid, which every
 * index on the table ends with, so "newest first" needs no sort.
 */
const written = sql<number>`"audit_log"."rowid"`;

const entryColumns = {
	id: auditLog.id,
	action: auditLog.action,
	subjectId: auditLog.subjectId,
	detail: auditLog.detail,
	childId: auditLog.childId,
	userId: auditLog.userId,
	name: users.displayName,
	role: users.role,
	at: auditLog.at
};

/** Audit entries about one record (optionally of one action), newest first, with who. */
export function auditOf(subjectId: string, action?: string, limit = 50) {
	return action
		? auditOfQuery.action().all({ subjectId, action, limit })
		: auditOfQuery.any().all({ subjectId, limit });
}

const auditOfQuery = {
	any: keptQuery((db) => auditOfBuilt(db, false)),
	action: keptQuery((db) => auditOfBuilt(db, true))
};

function auditOfBuilt(db: Db, ofAction: boolean) {
	const subject = eq(auditLog.subjectId, sql.placeholder('subjectId'));
	return db
		.select(entryColumns)
		.from(auditLog)
		.innerJoin(users, eq(users.id, auditLog.userId))
		.where(ofAction ? and(subject, eq(auditLog.action, sql.placeholder('action'))) : subject)
		.orderBy(desc(auditLog.at), desc(written))
		.limit(sql.placeholder('limit'))
		.prepare();
}

/** How many entries a page of the trail shows. */
export const AUDIT_PAGE = 50;

/** A place in a trail, newest first: the entry after which the next page starts ("<at>.<rowid>"). */
function afterCursor(cursor: string | null | undefined): SQL | undefined {
	const match = /^(\d{1,15})\.(\d{1,15})$/.exec(cursor ?? '');
	if (!match) return undefined;
	const at = Number(match[1]);
	return or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(written, Number(match[2]))));
}

/** One page of entries (keyset: new entries never shift a page) and the cursor of the next, if any. */
function page(where: SQL | undefined, after: string | null | undefined, limit: number) {
	const rows = db()
		.select({ ...entryColumns, written, childName: children.fullName })
		.from(auditLog)
		.innerJoin(users, eq(users.id, auditLog.userId))
		.leftJoin(children, eq(children.id, auditLog.childId))
		.where(and(where, afterCursor(after)))
		.orderBy(desc(auditLog.at), desc(written))
		.limit(limit + 1)
		.all();
	const shown = rows.slice(0, limit);
	const last = shown.at(-1);
	return {
		// What a page shows: never the detail itself, only a reason given to read private things.
		rows: shown.map(({ detail, written: _written, ...row }) => ({
			...row,
			reason: row.action === 'private.read' ? parsePrivateReadDetail(detail).reason : null
		})),
		next: rows.length > limit && last ? `${last.at}.${last.written}` : null
	};
}

/** The child's audit trail: everything read or changed in their record, newest first. */
export function trailOfChild(childId: string, after?: string | null, limit = AUDIT_PAGE) {
	return page(eq(auditLog.childId, childId), after, limit);
}

/** What one member of staff opened or changed of children's records, newest first. */
export function readsBy(userId: string, after?: string | null, limit = AUDIT_PAGE) {
	return page(and(eq(auditLog.userId, userId), isNotNull(auditLog.childId)), after, limit);
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
