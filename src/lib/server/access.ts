import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { and, eq } from 'drizzle-orm';
import { db, tables } from './db';
import type { SessionUser } from './auth/session';
import type { InviteFor } from './auth/invites';
import type { Role } from '$lib/domain/session-policy';
import { callName } from '$lib/domain/names';
import { reviewState } from '$lib/domain/meeting-lifecycle';
import { meetingOfChild } from './meetings';
import { decisionById } from './follow-ups';
import { secondFactorStepOf } from './passkeys';
import { homeOf } from '$lib/routes';

/**
 * The ONE place that decides who may see or change what. Every load and every action calls one of
 * these. Anything a user may not see answers 404, so its existence does not leak.
 */
const { children, childCarers, carers, users } = tables;

export type Child = typeof children.$inferSelect;

export function notFound(): never {
	error(404, 'Not found');
}

/** Signed-in user, or a redirect to sign in that comes back here afterwards. */
export function requireUser(): SessionUser {
	const { locals, url } = getRequestEvent();
	if (!locals.user) {
		const returnTo = url.pathname + url.search;
		redirect(303, `/signin?returnTo=${encodeURIComponent(returnTo)}`);
	}
	return locals.user;
}

export function requireRole(...roles: Role[]): SessionUser {
	const user = requireUser();
	if (!roles.includes(user.role)) notFound();
	return user;
}

export type ChildAccess = 'view' | 'manage';

/** May this user see (or, for staff, change) this child's record? Pure rule over loaded facts. */
export function canAccessChild(
	user: Pick<SessionUser, 'id' | 'role'>,
	child: Pick<Child, 'iroId' | 'userId'>,
	access: ChildAccess,
	isLinkedCarer: boolean
): boolean {
	switch (user.role) {
		case 'manager':
			return true;
		case 'iro':
			return child.iroId === user.id;
		case 'child':
			return access === 'view' && child.userId === user.id;
		case 'carer':
			return access === 'view' && isLinkedCarer;
	}
}

function isLinkedCarer(userId: string, childId: string): boolean {
	const row = db()
		.select({ childId: childCarers.childId })
		.from(childCarers)
		.innerJoin(carers, eq(carers.id, childCarers.carerId))
		.where(and(eq(childCarers.childId, childId), eq(carers.userId, userId)))
		.get();
	return Boolean(row);
}

/** The child with this public id if the signed-in user may have it; otherwise 404. */
export function requireChild(childId: string, access: ChildAccess, ...roles: Role[]): Child {
	const user = roles.length ? requireRole(...roles) : requireUser();
	const child = db().select().from(children).where(eq(children.id, childId)).get();
	if (!child) notFound();
	const linked = user.role === 'carer' && isLinkedCarer(user.id, child.id);
	if (!canAccessChild(user, child, access, linked)) notFound();
	return child;
}

/** The signed-in child's own record: for a child account only (anyone else, or no record, gets 404). */
export function requireOwnChild(): Child {
	const user = requireRole('child');
	const child = db().select().from(children).where(eq(children.userId, user.id)).get();
	if (!child) notFound();
	return child;
}

/** An IRO's account, for managers only. */
export function requireIro(iroId: string) {
	requireRole('manager');
	const iro = db()
		.select({ id: users.id, displayName: users.displayName })
		.from(users)
		.where(and(eq(users.id, iroId), eq(users.role, 'iro')))
		.get();
	if (!iro) notFound();
	return iro;
}

/** A conversation, for the child's IRO and managers only (children and carers reach theirs by session). */
export function requireConversation(conversationId: string) {
	requireRole('iro', 'manager');
	const conversation = db()
		.select()
		.from(tables.conversations)
		.where(eq(tables.conversations.id, conversationId))
		.get();
	if (!conversation) notFound();
	const child = requireChild(conversation.childId, 'manage', 'iro', 'manager');
	return { conversation, child };
}

/** The carer record of the signed-in carer, for a child they are linked to; otherwise 404. */
export function requireCarerOf(childId: string) {
	const user = requireRole('carer');
	const child = requireChild(childId, 'view', 'carer');
	const carer = db()
		.select({ id: carers.id, fullName: carers.fullName })
		.from(carers)
		.innerJoin(childCarers, eq(childCarers.carerId, carers.id))
		.where(and(eq(carers.userId, user.id), eq(childCarers.childId, child.id)))
		.get();
	if (!carer) notFound();
	return { child, carer };
}

/** An IRO's photo: for staff, and for the children (and their carers) that IRO works with. */
export function requirePhotoAccess(iroUserId: string): void {
	const user = requireUser();
	if (user.role === 'iro' || user.role === 'manager') return;
	const query = db().select({ id: children.id }).from(children);
	const row =
		user.role === 'child'
			? query.where(and(eq(children.userId, user.id), eq(children.iroId, iroUserId))).get()
			: query
					.innerJoin(childCarers, eq(childCarers.childId, children.id))
					.innerJoin(carers, eq(carers.id, childCarers.carerId))
					.where(and(eq(carers.userId, user.id), eq(children.iroId, iroUserId)))
					.get();
	if (!row) notFound();
}

/**
 * Who may reset whose password, from a child's record: the child's own IRO or a manager for the
 * child; only a manager for a parent or carer, who may be linked to children of several IROs
 * (an IRO would otherwise reach into another IRO's caseload). Never a child's or carer's.
 */
export function canResetPassword(
	user: Pick<SessionUser, 'id' | 'role'>,
	child: Pick<Child, 'iroId'>,
	target: 'child' | 'carer'
): boolean {
	if (user.role === 'manager') return true;
	return user.role === 'iro' && target === 'child' && child.iroId === user.id;
}

/**
 * The child (`for` is "child") or linked carer whose password the signed-in staff member may reset,
 * with their account; 404 for anyone else, for someone without an account, and across caseloads.
 */
export function requireResetTarget(childId: string, forId: string) {
	const user = requireRole('iro', 'manager');
	const child = requireChild(childId, 'manage', 'iro', 'manager');
	const carer =
		forId === 'child'
			? undefined
			: db()
					.select({ id: carers.id, fullName: carers.fullName, userId: carers.userId })
					.from(carers)
					.innerJoin(childCarers, eq(childCarers.carerId, carers.id))
					.where(and(eq(childCarers.childId, child.id), eq(carers.id, forId)))
					.get();
	if (forId !== 'child' && !carer) notFound();
	if (!canResetPassword(user, child, carer ? 'carer' : 'child')) notFound();
	const userId = carer ? carer.userId : child.userId;
	if (!userId) notFound();
	const target: InviteFor = carer ? { carerId: carer.id } : { childId: child.id };
	return {
		user,
		child,
		target,
		name: carer ? carer.fullName : callName(child)
	};
}

/**
 * May this staff member link an existing carer record to another child? A manager may link anyone.
 * An IRO only someone who has no account yet and is linked to children on their own caseload only:
 * linking an account holder gives them another child's record, and a carer of another IRO's child
 * is not theirs to change; those need a manager.
 */
export function canLinkCarer(
	user: Pick<SessionUser, 'id' | 'role'>,
	carer: { hasAccount: boolean; iroIds: Array<string | null> }
): boolean {
	if (user.role === 'manager') return true;
	return user.role === 'iro' && !carer.hasAccount && carer.iroIds.every((id) => id === user.id);
}

/**
 * A review of this child that its IRO recorded as held (reviewState 'held'), for the child's own
 * IRO: only a held review gets outcomes, decisions and a letter. Anyone else, any other meeting: 404.
 */
export function requireHeldReview(childId: string, meetingId: string) {
	const user = requireRole('iro');
	const child = requireChild(childId, 'manage', 'iro');
	const meeting = meetingOfChild(child.id, meetingId);
	if (!meeting || reviewState(meeting, Date.now()) !== 'held') notFound();
	return { user, child, meeting };
}

/** A decision of a child on the signed-in IRO's caseload; 404 otherwise. */
export function requireOwnDecision(decisionId: string) {
	const user = requireRole('iro');
	const decision = decisionId ? decisionById(decisionId) : undefined;
	if (!decision) notFound();
	requireChild(decision.childId, 'manage', 'iro');
	return { user, decision };
}

/** A staff member's own passkeys and recovery codes (children and carers have none: 404). */
export function requirePasskeyOwner(): { user: SessionUser; sessionId: string } {
	const user = requireRole('iro', 'manager');
	const { locals } = getRequestEvent();
	if (!locals.sessionId) notFound();
	return { user, sessionId: locals.sessionId };
}

/**
 * The second-factor page, for a staff session that still has to use its passkey (or a recovery
 * code). Anyone else has nothing to do there and goes on to `next` (their home unless given).
 */
export function requireSecondFactorDue(next?: string): { user: SessionUser; sessionId: string } {
	const user = requireUser();
	const { locals } = getRequestEvent();
	if (!locals.sessionId || secondFactorStepOf(user, locals.secondFactorAt ?? null) !== 'verify') {
		redirect(303, next ?? homeOf(user.role));
	}
	return { user, sessionId: locals.sessionId };
}
