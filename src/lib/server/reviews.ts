import { and, eq, inArray } from 'drizzle-orm';
import { db, tables, write } from './db';
import { newId } from './ids';
import { recordAudit } from './audit';
import { meetingOfChild, type Meeting } from './meetings';
import { supportRequestsForMeeting } from './support';
import { consultationStatus } from './consultation';
import type { Child } from './children';
import { ageOn } from '$lib/domain/age';
import { addDays, compareDates, londonDate } from '$lib/domain/dates';
import { reviewState } from '$lib/domain/meeting-lifecycle';
import {
	HELD_EARLIEST_DAYS_BEFORE,
	suggestParticipation,
	type ChairRole,
	type ParticipationCode,
	type ParticipationFacts,
	type SpokeHow
} from '$lib/domain/participation';

/**
 * The review's write-up: the IRO records that it was held (the date, who came, how the child took
 * part) or that it was not held (and why). A review is held only once its IRO says so; the timescales
 * run from the date recorded here. Every write-up and every correction goes to the audit trail.
 */
const { meetings, reviewAttendance, reviewParticipation, childCarers } = tables;

export const REVIEW_WRITTEN_UP = 'review.written_up';
export const REVIEW_CORRECTED = 'review.corrected';

export type WriteUp =
	| {
			held: true;
			heldOn: string;
			childCame: boolean;
			carerIds: string[];
			socialWorker: boolean;
			/** Others who came, by role. */
			others: string[];
			code: ParticipationCode;
			chaired: ChairRole;
			/** When and how the IRO spoke with the child before the meeting; null if they did not. */
			spokeBefore: { on: string; how: SpokeHow } | null;
	  }
	| { held: false; reason: string };

/**
 * - done: recorded (or corrected);
 * - not_found: no such meeting for this child;
 * - cancelled / not_passed: a cancelled meeting, or one whose time has not come, cannot be written up;
 * - future: the held date (or the date the IRO spoke with the child) is after today;
 * - too_early: the held date is long before the meeting was booked for.
 */
export type WriteUpResult = 'done' | 'not_found' | 'cancelled' | 'not_passed' | 'future' | 'too_early';

/** May this meeting be written up now? (its time has passed and it was not cancelled) */
export function writeUpRefusal(meeting: Meeting, now: number): 'cancelled' | 'not_passed' | null {
	if (meeting.cancelledAt !== null) return 'cancelled';
	if (meeting.startsAt > now) return 'not_passed';
	return null;
}

/** Records (or corrects) the write-up of this child's meeting, by `userId`. */
export function writeUpReview(
	childId: string,
	meetingId: string,
	input: WriteUp,
	userId: string,
	now = Date.now()
): WriteUpResult {
	const meeting = meetingOfChild(childId, meetingId);
	if (!meeting) return 'not_found';
	const refusal = writeUpRefusal(meeting, now);
	if (refusal) return refusal;
	const today = londonDate(now);
	if (input.held) {
		if (compareDates(input.heldOn, today) > 0) return 'future';
		if (input.spokeBefore && compareDates(input.spokeBefore.on, today) > 0) return 'future';
		const earliest = addDays(londonDate(meeting.startsAt), -HELD_EARLIEST_DAYS_BEFORE);
		if (compareDates(input.heldOn, earliest) < 0) return 'too_early';
	}
	const correcting = meeting.writtenUpAt !== null;
	write((tx) => {
		tx.update(meetings)
			.set({
				heldOn: input.held ? input.heldOn : null,
				notHeldReason: input.held ? null : input.reason,
				writtenUpAt: now,
				writtenUpBy: userId
			})
			.where(eq(meetings.id, meeting.id))
			.run();
		tx.delete(reviewAttendance).where(eq(reviewAttendance.meetingId, meeting.id)).run();
		tx.delete(reviewParticipation).where(eq(reviewParticipation.meetingId, meeting.id)).run();
		if (input.held) {
			// Only carers linked to this child can be recorded as having come.
			const linked = input.carerIds.length
				? tx
						.select({ id: childCarers.carerId })
						.from(childCarers)
						.where(and(eq(childCarers.childId, childId), inArray(childCarers.carerId, input.carerIds)))
						.all()
						.map((r) => r.id)
				: [];
			const rows = [
				...(input.childCame ? [{ who: 'child' as const }] : []),
				...linked.map((carerId) => ({ who: 'carer' as const, carerId })),
				...(input.socialWorker ? [{ who: 'social_worker' as const }] : []),
				...input.others.map((role) => ({ who: 'other' as const, role }))
			];
			for (const row of rows)
				tx.insert(reviewAttendance)
					.values({ id: newId(), meetingId: meeting.id, ...row })
					.run();
			tx.insert(reviewParticipation)
				.values({
					meetingId: meeting.id,
					code: input.code,
					chaired: input.chaired,
					spokeBeforeOn: input.spokeBefore?.on ?? null,
					spokeBeforeHow: input.spokeBefore?.how ?? null,
					updatedAt: now
				})
				.run();
		}
		recordAudit(
			{
				userId,
				action: correcting ? REVIEW_CORRECTED : REVIEW_WRITTEN_UP,
				subjectId: meeting.id,
				detail: input.held
					? `held ${input.heldOn}; ${input.code}; chaired ${input.chaired}`
					: `not held: ${input.reason}`
			},
			now,
			tx
		);
	});
	return 'done';
}

/** The write-up of a meeting as recorded (for the form, to correct it), or null if not written up. */
export function writeUpOf(meeting: Meeting) {
	if (meeting.writtenUpAt === null) return null;
	const attendance = db()
		.select()
		.from(reviewAttendance)
		.where(eq(reviewAttendance.meetingId, meeting.id))
		.all();
	const participation =
		db().select().from(reviewParticipation).where(eq(reviewParticipation.meetingId, meeting.id)).get() ??
		null;
	return {
		held: meeting.heldOn !== null,
		heldOn: meeting.heldOn,
		notHeldReason: meeting.notHeldReason,
		childCame: attendance.some((a) => a.who === 'child'),
		carerIds: attendance.flatMap((a) => (a.who === 'carer' && a.carerId ? [a.carerId] : [])),
		socialWorker: attendance.some((a) => a.who === 'social_worker'),
		others: attendance.flatMap((a) => (a.who === 'other' && a.role ? [a.role] : [])),
		participation
	};
}

/** What Voicebox knows about how the child could take part, for the suggested code. */
export function participationFacts(child: Child, meeting: Meeting): Omit<ParticipationFacts, 'childCame'> {
	return {
		ageAtReview: ageOn(child.dateOfBirth, londonDate(meeting.startsAt)),
		advocate: supportRequestsForMeeting(meeting).some(
			(r) => r.kind === 'advocate' && r.status === 'arranged'
		),
		sentViews: consultationStatus(meeting.id).sentAt !== null
	};
}

/** The code Voicebox suggests if the child came, and if they did not. */
export function suggestedCodes(child: Child, meeting: Meeting) {
	const facts = participationFacts(child, meeting);
	return {
		came: suggestParticipation({ ...facts, childCame: true }),
		didNotCome: suggestParticipation({ ...facts, childCame: false })
	};
}

/** The last meeting that has happened (not cancelled), with its review state, for the child's and carer's pages. */
export function lastMeeting(meetingsOfChild: Meeting[], now = Date.now()) {
	const past = meetingsOfChild.filter((m) => m.cancelledAt === null && m.startsAt <= now).pop();
	if (!past) return null;
	const state = reviewState(past, now);
	if (state !== 'held' && state !== 'to_write_up') return null;
	return { state, startsAt: past.startsAt, heldOn: past.heldOn };
}
