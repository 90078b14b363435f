import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db, keptQuery, tables, write } from './db';
import { newId } from './ids';
import { recordAudit } from './audit';

const { carers, childCarers, children, users } = tables;

export type Carer = typeof carers.$inferSelect;

/** A new parent or carer of this child; `byUserId`, who added them (audited). */
export function addCarer(
	childId: string,
	input: { fullName: string; relationship: string; email: string; phone: string },
	/** The language of the page the relationship was written on. */
	relationshipLang: string | null = null,
	byUserId: string | null = null
): string {
	const id = newId();
	write((tx) => {
		if (byUserId)
			recordAudit({ userId: byUserId, action: 'carer.added', subjectId: id, childId }, Date.now(), tx);
		tx.insert(carers)
			.values({
				id,
				fullName: input.fullName,
				email: input.email || null,
				phone: input.phone || null,
				createdAt: Date.now()
			})
			.run();
		tx.insert(childCarers)
			.values({ childId, carerId: id, relationship: input.relationship, relationshipLang })
			.run();
	});
	return id;
}

/** Links a parent or carer already known to this child; `byUserId`, who did (audited). */
export function linkCarer(
	childId: string,
	carerId: string,
	relationship: string,
	relationshipLang: string | null = null,
	byUserId: string | null = null
): void {
	write((tx) => {
		tx.insert(childCarers)
			.values({ childId, carerId, relationship, relationshipLang })
			.onConflictDoUpdate({
				target: [childCarers.childId, childCarers.carerId],
				set: { relationship, relationshipLang }
			})
			.run();
		if (byUserId)
			recordAudit({ userId: byUserId, action: 'carer.linked', subjectId: carerId, childId }, Date.now(), tx);
	});
}

export function carersOfChild(childId: string) {
	return db()
		.select({ carer: carers, relationship: childCarers.relationship })
		.from(childCarers)
		.innerJoin(carers, eq(carers.id, childCarers.carerId))
		.where(eq(childCarers.childId, childId))
		.orderBy(asc(carers.fullName))
		.all();
}

/** Carers already linked to any child of this IRO (or any child, for managers): to link a sibling. */
export function knownCarers(iroId: string | null): Carer[] {
	const childIds = db()
		.select({ id: children.id })
		.from(children)
		.where(iroId ? eq(children.iroId, iroId) : undefined)
		.all()
		.map((r) => r.id);
	if (!childIds.length) return [];
	return db()
		.selectDistinct({ carer: carers })
		.from(carers)
		.innerJoin(childCarers, eq(childCarers.carerId, carers.id))
		.where(inArray(childCarers.childId, childIds))
		.orderBy(asc(carers.fullName))
		.all()
		.map((r) => r.carer);
}

/**
 * Carers known on this IRO's caseload (every carer, for managers), with what decides whether they may
 * be linked to another child: whether they have an account, and the IROs of all the children they are
 * linked to (see canLinkCarer in access.ts).
 */
export function knownCarersWithLinks(iroId: string | null) {
	const known = knownCarers(iroId);
	if (!known.length) return [];
	const links = db()
		.select({ carerId: childCarers.carerId, iroId: children.iroId })
		.from(childCarers)
		.innerJoin(children, eq(children.id, childCarers.childId))
		.where(
			inArray(
				childCarers.carerId,
				known.map((c) => c.id)
			)
		)
		.all();
	return known.map((carer) => ({
		carer,
		hasAccount: carer.userId !== null,
		iroIds: links.filter((l) => l.carerId === carer.id).map((l) => l.iroId)
	}));
}

/** The carer record linked to this child, if any (for invites). */
export function carerOfChild(childId: string, carerId: string): Carer | undefined {
	return db()
		.select({ carer: carers })
		.from(carers)
		.innerJoin(childCarers, eq(childCarers.carerId, carers.id))
		.where(and(eq(childCarers.childId, childId), eq(carers.id, carerId)))
		.get()?.carer;
}

/** A carer's name, for staff pages about their conversation. */
export function carerName(carerId: string): string | null {
	return (
		db().select({ fullName: carers.fullName }).from(carers).where(eq(carers.id, carerId)).get()?.fullName ??
		null
	);
}

/** The carers linked to a child, with the address a reminder can go to. */
export function linkedCarers(childId: string) {
	return linkedCarersQuery()
		.all({ childId })
		.map((c) => ({
			id: c.id,
			fullName: c.fullName,
			relationship: c.relationship,
			relationshipLang: c.relationshipLang,
			hasAccount: c.userId !== null,
			email: c.userEmail ?? c.carerEmail ?? null,
			language: c.language ?? c.carerLanguage ?? null
		}));
}

const linkedCarersQuery = keptQuery((db) =>
	db
		.select({
			id: carers.id,
			fullName: carers.fullName,
			relationship: childCarers.relationship,
			relationshipLang: childCarers.relationshipLang,
			userId: carers.userId,
			carerEmail: carers.email,
			userEmail: users.email,
			language: users.language,
			carerLanguage: carers.language
		})
		.from(childCarers)
		.innerJoin(carers, eq(carers.id, childCarers.carerId))
		.leftJoin(users, eq(users.id, carers.userId))
		.where(eq(childCarers.childId, sql.placeholder('childId')))
		.orderBy(asc(carers.fullName))
		.prepare()
);

/** The carer record of a user for a child, for carer pages that already passed requireCarerOf. */
export function carerIdsOfUser(userId: string): Map<string, string> {
	const rows = db()
		.select({ childId: childCarers.childId, carerId: carers.id })
		.from(carers)
		.innerJoin(childCarers, eq(childCarers.carerId, carers.id))
		.where(eq(carers.userId, userId))
		.all();
	return new Map(rows.map((r) => [r.childId, r.carerId]));
}
