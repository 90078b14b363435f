import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { db, tables, write } from './db';
import { newId } from './ids';
import { auditOf, recordAudit } from './audit';
import { queueEmail } from './notify';
import { translator } from './i18n';
import { config } from './config';
import { isOpen, meetingToPrepare, type Meeting } from './meetings';
import { viewsOf, viewsOfMeeting, viewsOfMeetings, type CarerViews } from './views';
import type { Child } from './children';
import { consultationFor, consultationStatuses } from './consultation';
import { agendaCounts, agendaFor } from './agenda';
import { choicesFor, choicesForMeetings } from './choices';
import {
	openSupportCounts,
	setSupportStatus,
	supportRequestById,
	supportRequestsForMeeting,
	supportRequestsOf
} from './support';
import { isLocale } from '$lib/i18n/locales';
import { ageOn } from '$lib/domain/age';
import { daysBetween, londonDate } from '$lib/domain/dates';
import {
	canRemind,
	carersHeard,
	groupAnswers,
	hasChoices,
	notHeardFrom,
	sharedAnswers,
	type BeforeTheMeeting,
	type IRO_SUPPORT_STATUSES
} from '$lib/domain/pack';

/**
 * The IRO's pre-meeting pack and everything around it: who has replied (caseload), the audit trail
 * of who read a pack, reminders to children and carers, and what a child or carer sees about their
 * own preparation. "My say", agenda, choices, support and carers' views are read through the modules
 * that own those tables, singly for a pack and in bulk for the caseload.
 */
const { meetings, reminders, carers, childCarers, users } = tables;

export const PACK_READ = 'pack.read';

export function meetingById(meetingId: string): Meeting | undefined {
	return db().select().from(meetings).where(eq(meetings.id, meetingId)).get();
}

/* ---------- Reading what the child prepared (through the "My say", agenda, choices, support modules) ---------- */

export const consultationOf = consultationFor;
export const agendaOf = agendaFor;
export const choicesOf = choicesFor;

/** The child's requests for support, newest first. */
export function supportOf(childId: string) {
	return supportRequestsOf(childId).map((r) => ({
		id: r.id,
		kind: r.kind,
		status: r.status,
		note: r.note,
		createdAt: r.createdAt,
		updatedAt: r.updatedAt
	}));
}

/**
 * The requests one meeting's pack shows: those made for it, and those still open from before it.
 * `earlier` marks one not made for this meeting.
 */
export function supportForMeeting(meeting: Meeting) {
	return supportRequestsForMeeting(meeting).map((r) => ({
		id: r.id,
		kind: r.kind,
		status: r.status,
		note: r.note,
		createdAt: r.createdAt,
		updatedAt: r.updatedAt,
		earlier: r.meetingId !== meeting.id
	}));
}

/** The IRO moves a request on (requested → in progress → arranged or declined). False if not this child's. */
export function updateSupportStatus(
	childId: string,
	requestId: string,
	status: (typeof IRO_SUPPORT_STATUSES)[number],
	now = Date.now()
): boolean {
	if (supportRequestById(requestId)?.childId !== childId) return false;
	return setSupportStatus(requestId, status, now);
}

/** The carers linked to a child, with the address a reminder can go to. */
export function linkedCarers(childId: string) {
	return db()
		.select({
			id: carers.id,
			fullName: carers.fullName,
			relationship: childCarers.relationship,
			userId: carers.userId,
			carerEmail: carers.email,
			userEmail: users.email,
			language: users.language,
			carerLanguage: carers.language
		})
		.from(childCarers)
		.innerJoin(carers, eq(carers.id, childCarers.carerId))
		.leftJoin(users, eq(users.id, carers.userId))
		.where(eq(childCarers.childId, childId))
		.orderBy(asc(carers.fullName))
		.all()
		.map((c) => ({
			id: c.id,
			fullName: c.fullName,
			relationship: c.relationship,
			hasAccount: c.userId !== null,
			email: c.userEmail ?? c.carerEmail ?? null,
			language: c.language ?? c.carerLanguage ?? null
		}));
}

/* ---------- Audit trail ---------- */

/** Opening a pack marks it read: one row every time, so the history shows each reading. */
export function recordPackRead(userId: string, meetingId: string, now = Date.now()): void {
	recordAudit({ userId, action: PACK_READ, subjectId: meetingId }, now);
}

/** Who read this meeting's pack, newest first. */
export function packReads(meetingId: string, limit = 50) {
	return auditOf(meetingId, PACK_READ, limit);
}

/* ---------- Reminders ---------- */

export function remindersOf(meetingId: string) {
	return db()
		.select({
			id: reminders.id,
			childId: reminders.childId,
			carerId: reminders.carerId,
			by: users.displayName,
			createdAt: reminders.createdAt
		})
		.from(reminders)
		.innerJoin(users, eq(users.id, reminders.createdBy))
		.where(eq(reminders.meetingId, meetingId))
		.orderBy(desc(reminders.createdAt))
		.all();
}

function latestReminder(meetingId: string, who: { childId: string } | { carerId: string }) {
	return (
		db()
			.select({ from: users.displayName, at: reminders.createdAt })
			.from(reminders)
			.innerJoin(users, eq(users.id, reminders.createdBy))
			.where(
				and(
					eq(reminders.meetingId, meetingId),
					'childId' in who
						? and(eq(reminders.childId, who.childId), isNull(reminders.carerId))
						: eq(reminders.carerId, who.carerId)
				)
			)
			.orderBy(desc(reminders.createdAt))
			.get() ?? null
	);
}

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
	if (input.to === 'child') {
		const sentAt = consultationOf(meeting.id)?.sentAt ?? null;
		if (!canRemind({ meetingOpen: open, sentAt, reachable: child.userId !== null })) return 'refused';
		write((tx) =>
			tx
				.insert(reminders)
				.values({
					id: newId(),
					meetingId: meeting.id,
					childId: child.id,
					createdBy: input.createdBy,
					createdAt: now
				})
				.run()
		);
		return 'sent';
	}
	const carer = linkedCarers(child.id).find((c) => c.id === input.to);
	if (!carer) return 'refused';
	const sentAt = viewsOf(meeting.id, carer.id)?.sentAt ?? null;
	if (!canRemind({ meetingOpen: open, sentAt, reachable: carer.hasAccount })) return 'refused';
	write((tx) =>
		tx
			.insert(reminders)
			.values({
				id: newId(),
				meetingId: meeting.id,
				childId: child.id,
				carerId: carer.id,
				createdBy: input.createdBy,
				createdAt: now
			})
			.run()
	);
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

/* ---------- The pack ---------- */

function carerViewsFacts(views: CarerViews | undefined) {
	if (!views) return null;
	return {
		goingWell: views.goingWell,
		worries: views.worries,
		nextSteps: views.nextSteps,
		anythingElse: views.anythingElse,
		attending: views.attending,
		sentAt: views.sentAt,
		updatedAt: views.updatedAt
	};
}

/**
 * Everything the child and their carers sent for one meeting, as the IRO reads it. The child's answers
 * appear as last SENT (changes the child has not sent yet show only as "changes not sent yet", with
 * when); carers' views once sent.
 */
export function assemblePack(meeting: Meeting, child: Child, now = Date.now()) {
	const consultation = consultationOf(meeting.id);
	const state = consultation?.status ?? 'notStarted';
	const views = new Map(viewsOfMeeting(meeting.id).map((v) => [v.carerId, v]));
	const remindersSent = remindersOf(meeting.id);
	const open = isOpen(meeting, now);
	const carerList = linkedCarers(child.id).map((c) => {
		const v = views.get(c.id);
		const sent = v?.sentAt != null;
		return {
			id: c.id,
			fullName: c.fullName,
			relationship: c.relationship,
			hasAccount: c.hasAccount,
			hasEmail: c.email !== null,
			state: sent ? ('sent' as const) : v ? ('draft' as const) : ('none' as const),
			views: sent ? carerViewsFacts(v) : null,
			canRemind: canRemind({ meetingOpen: open, sentAt: v?.sentAt ?? null, reachable: c.hasAccount }),
			lastReminder: remindersSent.find((r) => r.carerId === c.id)?.createdAt ?? null
		};
	});
	const choices = choicesOf(meeting.id);
	return {
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			startsAt: meeting.startsAt,
			venue: meeting.venue,
			mode: meeting.mode,
			cancelled: meeting.cancelledAt !== null,
			open,
			daysAway: daysBetween(londonDate(now), londonDate(meeting.startsAt))
		},
		child: {
			id: child.id,
			fullName: child.fullName,
			name: child.preferredName ?? child.fullName,
			age: ageOn(child.dateOfBirth, londonDate(meeting.startsAt)),
			hasAccount: child.userId !== null
		},
		say: {
			state,
			version: consultation?.version ?? null,
			withCarer: consultation?.withCarer ?? false,
			sentAt: consultation?.sentAt ?? null,
			updatedAt: consultation?.updatedAt ?? null,
			unsentChangesAt: consultation?.unsentChangesAt ?? null,
			groups:
				consultation?.sentAnswers && state === 'sent'
					? groupAnswers(consultation.version, consultation.age, consultation.sentAnswers, null)
					: [],
			canRemind: canRemind({
				meetingOpen: open,
				sentAt: consultation?.sentAt ?? null,
				reachable: child.userId !== null
			}),
			lastReminder: remindersSent.find((r) => r.carerId === null)?.createdAt ?? null
		},
		agenda: agendaOf(meeting.id),
		chair: choices?.chair ?? null,
		chairHelpRequestedAt: choices?.chairHelpRequestedAt ?? null,
		choices: choices && hasChoices(choices.choices) ? choices.choices : null,
		choicesUpdatedAt: choices?.updatedAt ?? null,
		support: supportForMeeting(meeting),
		carers: carerList,
		heard: carersHeard(carerList),
		reminders: remindersSent.map((r) => ({
			id: r.id,
			to: r.carerId ? (carerList.find((c) => c.id === r.carerId)?.fullName ?? '') : null,
			by: r.by,
			createdAt: r.createdAt
		})),
		reads: packReads(meeting.id)
	};
}

export type Pack = ReturnType<typeof assemblePack>;

/* ---------- The caseload: who has the IRO heard from? ---------- */

/** For each child with an upcoming meeting, what has come in for it (a handful of queries for the lot). */
export function beforeTheMeeting(
	rows: Array<{ childId: string; meetingId: string }>
): Record<string, BeforeTheMeeting> {
	const out: Record<string, BeforeTheMeeting> = {};
	if (!rows.length) return out;
	const meetingIds = rows.map((r) => r.meetingId);
	const childIds = rows.map((r) => r.childId);
	const says = consultationStatuses(meetingIds);
	const agenda = agendaCounts(meetingIds);
	const choices = choicesForMeetings(meetingIds);
	const links = db()
		.select({ childId: childCarers.childId, carerId: childCarers.carerId })
		.from(childCarers)
		.where(inArray(childCarers.childId, childIds))
		.all();
	const sentViews = viewsOfMeetings(meetingIds).filter((v) => v.sentAt !== null);
	const waiting = openSupportCounts(childIds);

	for (const { childId, meetingId } of rows) {
		const say = says.get(meetingId);
		const carerIds = new Set(links.filter((l) => l.childId === childId).map((l) => l.carerId));
		const carersSent = sentViews.filter((v) => v.meetingId === meetingId && carerIds.has(v.carerId)).length;
		const choice = choices.get(meetingId);
		const childSentAt = say?.status === 'sent' ? say.sentAt : null;
		out[childId] = {
			meetingId,
			childSentAt,
			childStarted: say?.status === 'started',
			carersSent,
			carersTotal: carerIds.size,
			agendaItems: agenda.get(meetingId) ?? 0,
			chair: choice?.chair ?? null,
			supportWaiting: waiting.get(childId) ?? 0,
			talkBefore: choice?.choices.talkFirst === 'yes',
			notHeard: notHeardFrom({ childSentAt, carersSent })
		};
	}
	return out;
}

/* ---------- The child's and carers' own pages ---------- */

/** The child's home: for their next meeting, what they have done, what they still can do, any reminder. */
export function childChecklist(child: Pick<Child, 'id'>, now = Date.now()) {
	const meeting = meetingToPrepare(child.id, now);
	if (!meeting) return null;
	const consultation = consultationOf(meeting.id);
	const state = consultation?.status ?? 'notStarted';
	const choices = choicesOf(meeting.id);
	// The latest request of each kind (newest first), unless the child withdrew it.
	const support = supportOf(child.id)
		.filter((s, i, all) => all.findIndex((o) => o.kind === s.kind) === i)
		.filter((s) => s.status !== 'withdrawn');
	return {
		meetingId: meeting.id,
		say: { state, sentAt: consultation?.sentAt ?? null },
		agendaItems: agendaOf(meeting.id).length,
		chair: choices?.chair ?? null,
		aboutDone: choices ? hasChoices(choices.choices) : false,
		support: support.map((s) => ({ kind: s.kind, status: s.status })),
		reminder: state === 'sent' ? null : latestReminder(meeting.id, { childId: child.id })
	};
}

/** A carer's page about one child: their views for the next meeting, any reminder, and what the child shared. */
export function carerPreparation(childId: string, carerId: string, now = Date.now()) {
	const meeting = meetingToPrepare(childId, now);
	if (!meeting) return null;
	const views = viewsOf(meeting.id, carerId);
	const state = views?.sentAt != null ? ('sent' as const) : views ? ('draft' as const) : ('none' as const);
	return {
		meetingId: meeting.id,
		views: { state, sentAt: views?.sentAt ?? null, updatedAt: views?.updatedAt ?? null },
		reminder: state === 'sent' ? null : latestReminder(meeting.id, { carerId })
	};
}

/**
 * What the child chose to share with "everyone at my meeting": the answers marked so as the child last
 * SENT them (never a change not sent yet), and agenda items marked so. Nothing else of the child's ever
 * reaches a carer.
 */
export function sharedWithEveryone(childId: string, now = Date.now()) {
	const meeting = meetingToPrepare(childId, now);
	if (!meeting) return { answers: [], agenda: [] };
	const consultation = consultationOf(meeting.id);
	const answers =
		consultation?.sentAnswers && consultation.sentAt !== null
			? sharedAnswers(consultation.version, consultation.age, consultation.sentAnswers).map((a) => ({
					id: a.id,
					kind: a.kind,
					value: a.value
				}))
			: [];
	const agenda = agendaOf(meeting.id)
		.filter((item) => item.visibility === 'everyone')
		.map((item) => ({ id: item.id, text: item.text }));
	return { answers, agenda };
}

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
