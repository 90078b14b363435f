import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { db, tables, write, keptQuery, type Db } from './db';
import { newId } from './ids';
import { recordAudit } from './audit';
import { choicesFor } from './choices';
import { meetingsOfChild, type Meeting } from './meetings';
import { reviewState } from '$lib/domain/meeting-lifecycle';
import { versionFor, type Version } from '$lib/domain/consultation';
import { londonDate } from '$lib/domain/dates';
import {
	childQuestionsFor,
	choseToChair,
	feedbackCounts,
	isBlank,
	type FeedbackAnswers,
	type FeedbackCounts,
	type FeedbackFacts,
	type FeedbackResult,
	type Respondent
} from '$lib/domain/feedback';

/**
 * "How was my meeting?" (table feedback): all its SQL lives here. Only a review its IRO recorded as
 * held is asked about; each respondent (the child, or one linked carer) answers or skips once.
 */
const { feedback, carers } = tables;

export type Feedback = typeof feedback.$inferSelect;

/** Who is answering: the child, or one of their carers. */
export type Who = { respondent: 'child' } | { respondent: 'carer'; carerId: string };

export function isHeld(meeting: Meeting, now = Date.now()): boolean {
	return reviewState(meeting, now) === 'held';
}

/** The feedback (or skip) of one respondent about one meeting, if there is any. */
export function feedbackOf(meetingId: string, who: Who): Feedback | undefined {
	return who.respondent === 'child'
		? feedbackQuery.child().get({ meetingId })
		: feedbackQuery.carer().get({ meetingId, carerId: who.carerId });
}

const feedbackWhere = (db: Db, who: SQL) =>
	db
		.select()
		.from(feedback)
		.where(and(eq(feedback.meetingId, sql.placeholder('meetingId')), who))
		.prepare();

const feedbackQuery = {
	child: keptQuery((db) => feedbackWhere(db, isNull(feedback.carerId))),
	carer: keptQuery((db) => feedbackWhere(db, eq(feedback.carerId, sql.placeholder('carerId'))))
};

/** The child's most recent review recorded as held, or null. */
export function latestHeldReview(
	childId: string,
	now = Date.now(),
	meetings = meetingsOfChild(childId)
): Meeting | null {
	return meetings.filter((m) => isHeld(m, now)).pop() ?? null;
}

/**
 * The review to ask this respondent about on their home page: the child's latest held review, when
 * they have neither answered nor skipped it (and, for the child, it has a version for their age).
 */
export function feedbackDue(
	child: { id: string; dateOfBirth: string; pictureVersion?: boolean },
	who: Who,
	now = Date.now(),
	meetings = meetingsOfChild(child.id)
): Meeting | null {
	const meeting = latestHeldReview(child.id, now, meetings);
	if (!meeting || feedbackOf(meeting.id, who)) return null;
	if (who.respondent === 'child' && !childVersion(child, meeting)) return null;
	return meeting;
}

/** The child's version of the form (faces for 4–7, as in My say), by their age on the review's day. */
export function childVersion(
	child: { dateOfBirth: string; pictureVersion?: boolean },
	meeting: Meeting
): Version | null {
	return (
		versionFor(child.dateOfBirth, meeting.heldOn ?? londonDate(meeting.startsAt), child.pictureVersion)
			?.version ?? null
	);
}

/** The child's questions for this review ("did you run it" only when they chose to chair). */
export function childQuestions(meetingId: string) {
	return childQuestionsFor(choseToChair(choicesFor(meetingId)?.chair));
}

export type { FeedbackResult };

/**
 * Stores one respondent's feedback about a held review, or their skip (`skip`, or nothing answered
 * and nothing written). Nothing changes when they already answered or skipped ('already'). Audited.
 */
export function saveFeedback(input: {
	meeting: Meeting;
	who: Who;
	userId: string;
	version: Version | null;
	answers: FeedbackAnswers;
	change: string;
	/** The language of the respondent's page as they wrote `change`. */
	lang?: string | null;
	skip: boolean;
	now?: number;
}): FeedbackResult {
	const now = input.now ?? Date.now();
	const skipped = input.skip || isBlank(input.answers, input.change);
	return write((tx) => {
		const result = tx
			.insert(feedback)
			.values({
				id: newId(),
				meetingId: input.meeting.id,
				childId: input.meeting.childId,
				respondent: input.who.respondent,
				carerId: input.who.respondent === 'carer' ? input.who.carerId : null,
				version: input.who.respondent === 'child' ? input.version : null,
				answers: JSON.stringify(skipped ? {} : input.answers),
				change: skipped ? '' : input.change,
				changeLang: skipped || !input.change.trim() ? null : (input.lang ?? null),
				skippedAt: skipped ? now : null,
				createdAt: now
			})
			.onConflictDoNothing()
			.run();
		if (result.changes === 0) return 'already';
		recordAudit(
			{
				userId: input.userId,
				action: skipped ? 'feedback.skipped' : 'feedback.given',
				subjectId: input.meeting.id,
				detail: input.who.respondent
			},
			now,
			tx
		);
		return skipped ? 'skipped' : 'given';
	});
}

export function parseAnswers(json: string): FeedbackAnswers {
	try {
		const value: unknown = JSON.parse(json);
		return value && typeof value === 'object' ? (value as FeedbackAnswers) : {};
	} catch {
		return {};
	}
}

/** Everyone's feedback about one review, for its IRO (and a manager): the child's first, then carers'. */
export function feedbackOfMeeting(meetingId: string) {
	const rows = db()
		.select({ row: feedback, carerName: carers.fullName })
		.from(feedback)
		.leftJoin(carers, eq(carers.id, feedback.carerId))
		.where(eq(feedback.meetingId, meetingId))
		.orderBy(asc(feedback.createdAt))
		.all();
	const shape = ({ row, carerName }: (typeof rows)[number]) => ({
		respondent: row.respondent as Respondent,
		carerId: row.carerId,
		carerName,
		version: row.version,
		answers: parseAnswers(row.answers),
		change: row.change,
		skippedAt: row.skippedAt,
		createdAt: row.createdAt
	});
	return {
		child: rows.filter((r) => r.row.respondent === 'child').map(shape)[0] ?? null,
		carers: rows.filter((r) => r.row.respondent === 'carer').map(shape)
	};
}

/** Counts per answer over the feedback about these meetings: numbers only, no names, no free text. */
export function countsOfMeetings(meetingIds: string[]): FeedbackCounts {
	if (!meetingIds.length) return feedbackCounts([]);
	const facts: FeedbackFacts[] = db()
		.select({ respondent: feedback.respondent, answers: feedback.answers, skippedAt: feedback.skippedAt })
		.from(feedback)
		.where(inArray(feedback.meetingId, meetingIds))
		.all()
		.map((r) => ({ respondent: r.respondent, answers: parseAnswers(r.answers), skippedAt: r.skippedAt }));
	return feedbackCounts(facts);
}

/**
 * The demo council's feedback (demo.ts): Sam and his foster carer Helen have said how Sam's last
 * review went (once it is written up as held).
 */
export function demoFeedback(ids: { sam: string; helen: string; samUser: string; helenUser: string }): void {
	const review = latestHeldReview(ids.sam);
	if (!review) return;
	const at = (review.writtenUpAt ?? review.startsAt) + 86_400_000;
	saveFeedback({
		meeting: review,
		who: { respondent: 'child' },
		userId: ids.samUser,
		version: 'middle',
		answers: { listened: 'yes', decided: 'partly', timePlace: 'no' },
		change: 'Not in school time please. My friends asked where I was going.',
		skip: false,
		now: at
	});
	saveFeedback({
		meeting: review,
		who: { respondent: 'carer', carerId: ids.helen },
		userId: ids.helenUser,
		version: null,
		answers: { listenedTo: 'yes', childHeard: 'yes', timePlace: 'partly' },
		change: 'A room at the family centre would be better than school for Sam.',
		skip: false,
		now: at + 3_600_000
	});
}
