import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { and, eq } from 'drizzle-orm';
import { db, tables, rowsWhere } from './db';
import type { SessionUser } from './auth/session';
import type { InviteFor } from './auth/invites';
import type { Role } from '$lib/domain/session-policy';
import { callName } from '$lib/domain/names';
import { reviewState } from '$lib/domain/meeting-lifecycle';
import { meetingForForm, meetingOfChild } from './meetings';
import { decisionById } from './follow-ups';
import { concernOfChild } from './oversight';
import { carerOfChild } from './carers';
import { getUser } from './accounts';
import { carerLinks, carerLinksOfUser } from './ending';
import { secondFactorStepOf } from './passkeys';
import { voiceFacts } from './voice';
import { privateShown } from './privacy';
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
	child: Pick<Child, 'iroId' | 'userId'> & { closedAt?: number | null },
	access: ChildAccess,
	isLinkedCarer: boolean
): boolean {
	// A closed record (the child left care) is for the child's IRO and managers only, read-only.
	const closed = child.closedAt != null;
	switch (user.role) {
		case 'manager':
			return true;
		case 'iro':
			return child.iroId === user.id;
		case 'child':
			return access === 'view' && !closed && child.userId === user.id;
		case 'carer':
			return access === 'view' && !closed && isLinkedCarer;
	}
}

/**
 * A closed record is read-only: every form posted about it is refused with 409 ("This record is
 * closed"), whatever page it comes from. Only a manager's reopen and erase (requireClosedRecord) pass.
 */
export function refusesWrites(child: { closedAt?: number | null }, method: string): boolean {
	return child.closedAt != null && method !== 'GET' && method !== 'HEAD';
}

export const RECORD_CLOSED = 'This record is closed';

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
	const child = childByIdQuery().get({ value: childId });
	if (!child) notFound();
	const linked = user.role === 'carer' && isLinkedCarer(user.id, child.id);
	if (!canAccessChild(user, child, access, linked)) notFound();
	if (refusesWrites(child, getRequestEvent().request.method)) error(409, RECORD_CLOSED);
	return child;
}

const childByIdQuery = rowsWhere(children, children.id);

/**
 * When this child's record closed, for the banner on every staff page about it (null while open):
 * the same 404 as requireChild, without refusing a post (a manager's reopen and erase pages).
 */
export function closedOnOf(childId: string): string | null {
	const user = requireRole('iro', 'manager');
	const child = db().select().from(children).where(eq(children.id, childId)).get();
	if (!child || !canAccessChild(user, child, 'view', false)) notFound();
	return child.closedAt !== null ? (child.closedOn ?? '') : null;
}

/** The signed-in child's own record: for a child account only (anyone else, or no record, gets 404). */
export function requireOwnChild(): Child {
	const user = requireRole('child');
	const child = ownChildQuery().get({ value: user.id });
	if (!child || child.closedAt !== null) notFound();
	return child;
}

const ownChildQuery = rowsWhere(children, children.userId);

/**
 * The signed-in child's own form about the meeting they are getting ready for: the child, what was
 * posted, and that meeting (null once the meeting the page showed has started: answer `meetingClosed`).
 */
export async function ownMeetingForm(request: Request) {
	const child = requireOwnChild();
	const form = await request.formData();
	return { child, form, meeting: meetingForForm(child.id, form) };
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
 * A voice recording (issue 13), to play. The child who made it, while their record is open. Staff who
 * may open the child's record, once the child sent it (a My say answer saved before "Send to my IRO";
 * every message), and what is kept for the IRO (an "Only my IRO" answer, every message) only as
 * privacy.ts allows: the child's IRO, anyone else after giving a reason today. A linked carer: a sent
 * answer the child shared with everyone at their meeting, as they read its words. Anyone else: 404.
 */
export function requireVoice(voiceId: string) {
	const user = requireUser();
	const voice = voiceFacts(voiceId);
	if (!voice) notFound();
	if (user.role === 'child') {
		const child = requireOwnChild();
		if (voice.childId !== child.id) notFound();
		return { user, voice, child };
	}
	if (user.role === 'carer') {
		// A carer hears what the child shared with everyone at their meeting, as they read it: a sent
		// My say answer marked so, never a message or an answer kept for the IRO.
		const { child } = requireCarerOf(voice.childId);
		const sent = voice.sentAt !== null && voice.createdAt <= voice.sentAt;
		if (voice.messageId !== null || !sent || voice.visibility !== 'everyone') notFound();
		return { user, voice, child };
	}
	const child = requireChild(voice.childId, 'view', 'iro', 'manager');
	if (voice.messageId !== null) {
		if (!voice.conversationId || !privateShown(user, child, voice.conversationId).shown) notFound();
	} else {
		if (voice.sentAt === null || voice.createdAt > voice.sentAt || !voice.meetingId) notFound();
		if (voice.visibility === 'iro' && !privateShown(user, child, voice.meetingId).shown) notFound();
	}
	return { user, voice, child };
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

/**
 * A concern in a child's oversight log: the child's IRO may change it ('manage'), managers may read
 * it ('view'). The child, carers and other IROs get 404, as for a concern of another child.
 */
export function requireConcern(childId: string, concernId: string, access: ChildAccess) {
	const child =
		access === 'manage'
			? requireChild(childId, access, 'iro')
			: requireChild(childId, access, 'iro', 'manager');
	const concern = concernOfChild(child.id, concernId);
	if (!concern) notFound();
	return { user: requireUser(), child, concern };
}

/** A member of staff (IRO or manager), whose reads of children's records only a manager may see. */
export function requireStaffMember(userId: string) {
	requireRole('manager');
	const member = db()
		.select({ id: users.id, displayName: users.displayName, role: users.role })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!member || (member.role !== 'iro' && member.role !== 'manager')) notFound();
	return member;
}

/**
 * Subject access (everything held about a person): for managers only, about the child (`for` is
 * "child") or a parent or carer linked to them; 404 for anyone else and for anyone not linked.
 */
export function requireSubjectAccess(childId: string, forId: string) {
	const user = requireRole('manager');
	const child = requireChild(childId, 'manage', 'manager');
	if (forId === 'child') return { user, child, who: 'child' as const };
	const link = db()
		.select({ carerId: childCarers.carerId })
		.from(childCarers)
		.where(and(eq(childCarers.childId, child.id), eq(childCarers.carerId, forId)))
		.get();
	if (!link) notFound();
	return { user, child, who: { carerId: link.carerId } };
}

/**
 * May this staff member close (deactivate) this account? A manager may close any staff or carer
 * account but their own (nobody locks themselves out). An IRO may close a carer's account only
 * when every child the carer is linked to is on that IRO's caseload, as for linking (canLinkCarer):
 * a carer of another IRO's child is not theirs to shut out. A child's account closes with their
 * record (canCloseRecord), never on its own.
 */
export function canEndAccount(
	user: Pick<SessionUser, 'id' | 'role'>,
	target: { id: string; role: Role; iroIds: Array<string | null> }
): boolean {
	if (target.id === user.id || target.role === 'child') return false;
	if (user.role === 'manager') return true;
	return (
		user.role === 'iro' &&
		target.role === 'carer' &&
		target.iroIds.length > 0 &&
		target.iroIds.every((id) => id === user.id)
	);
}

/** Unlinking a carer and closing a record: the child's own IRO or a manager, on an open record. */
export function canCloseRecord(user: Pick<SessionUser, 'id' | 'role'>, child: Pick<Child, 'iroId'>) {
	return user.role === 'manager' || (user.role === 'iro' && child.iroId === user.id);
}

/** Reopening a closed record, or erasing it before its time: a manager only. */
export function canReopenRecord(user: Pick<SessionUser, 'role'>) {
	return user.role === 'manager';
}

/**
 * A carer linked to this child, for unlinking (the child's IRO or a manager, open record only),
 * with whether the signed-in user may close their account at the same time.
 */
export function requireCarerLink(childId: string, carerId: string) {
	const user = requireRole('iro', 'manager');
	const child = requireChild(childId, 'manage', 'iro', 'manager');
	if (child.closedAt !== null || !canCloseRecord(user, child)) notFound();
	const carer = carerOfChild(child.id, carerId);
	if (!carer) notFound();
	const links = carerLinks(carer.id);
	const account = carer.userId ? getUser(carer.userId) : undefined;
	const otherChildren = links.filter((l) => l.childId !== child.id).length;
	return {
		user,
		child,
		carer,
		otherChildren,
		/** Offered when the carer has an open account and no other child. */
		canEndAccount:
			Boolean(account && account.deactivatedAt === null && otherChildren === 0) &&
			canEndAccount(user, { id: account!.id, role: 'carer', iroIds: links.map((l) => l.iroId) })
	};
}

/** A staff or carer account a manager may close or open again; 404 for anyone else, and for oneself. */
export function requireAccountToEnd(userId: string) {
	const user = requireRole('manager');
	const target = getUser(userId);
	if (!target) notFound();
	const iroIds = target.role === 'carer' ? carerLinksOfUser(target.id).map((l) => l.iroId) : [];
	if (!canEndAccount(user, { id: target.id, role: target.role, iroIds })) notFound();
	return { user, target };
}

/** An open child's record to close: the child's IRO or a manager. A closed one answers 409 on a post. */
export function requireRecordToClose(childId: string) {
	const user = requireRole('iro', 'manager');
	const child = requireChild(childId, 'manage', 'iro', 'manager');
	if (!canCloseRecord(user, child)) notFound();
	return { user, child };
}

/** A closed child's record, for a manager to reopen or erase; 404 for anyone else or an open record. */
export function requireClosedRecord(childId: string) {
	const user = requireRole('manager');
	const child = db().select().from(children).where(eq(children.id, childId)).get();
	if (!child || child.closedAt === null || !canReopenRecord(user)) notFound();
	return { user, child };
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
