import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import { db, inList, keptQuery, rowsWhere, tables, write, type Tx } from './db';
import { newId } from './ids';
import { hasSayVoice } from './voice';
import { meetingToPrepare, type Meeting } from './meetings';
import { sayState } from '$lib/domain/pack';
import { londonDate } from '$lib/domain/dates';
import {
	asSent,
	changedSince,
	isEmpty,
	mergeAnswers,
	stepsFor,
	unsentChangesAt,
	versionFor,
	type Answer,
	type AnswerValue,
	type Answers,
	type Incoming,
	type Step,
	type Version
} from '$lib/domain/consultation';

/**
 * "My say": the child's consultation for one meeting. ALL SQL for the consultations table lives
 * here. A consultation is created on the child's first save (or when they press Start), and its
 * version (young / middle / teen) is fixed then, from the child's age on the meeting date in London.
 * Answers are drafts until sent; after sending the child can change them until the meeting starts,
 * and `sentAnswers` keeps what was last sent: that is all anyone else sees (consultationFor).
 */
const { consultations, meetings } = tables;

type Row = typeof consultations.$inferSelect;

export interface Consultation {
	id: string;
	childId: string;
	meetingId: string;
	version: Version;
	age: number;
	withCarer: boolean;
	answers: Answers;
	sentAnswers: Answers | null;
	sentAt: number | null;
	createdAt: number;
	updatedAt: number;
}

export type ConsultationStatus = 'notStarted' | 'started' | 'sent';

function isAnswerValue(value: unknown): value is AnswerValue {
	return (
		typeof value === 'string' ||
		(typeof value === 'number' && Number.isFinite(value)) ||
		(Array.isArray(value) && value.every((v) => typeof v === 'string'))
	);
}

/** Stored JSON to answers; anything malformed is dropped rather than trusted. */
export function parseAnswers(json: string | null | undefined): Answers {
	let raw: unknown;
	try {
		raw = JSON.parse(json ?? '{}');
	} catch {
		return {};
	}
	const out: Answers = {};
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
	for (const [id, entry] of Object.entries(raw as Record<string, unknown>)) {
		if (!entry || typeof entry !== 'object') continue;
		const a = entry as Partial<Record<keyof Answer, unknown>>;
		if (!isAnswerValue(a.value)) continue;
		out[id] = {
			value: a.value,
			visibility: a.visibility === 'everyone' ? 'everyone' : 'iro',
			updatedAt: typeof a.updatedAt === 'number' ? a.updatedAt : 0
		};
	}
	return out;
}

function toConsultation(row: Row): Consultation {
	return {
		id: row.id,
		childId: row.childId,
		meetingId: row.meetingId,
		version: row.version,
		age: row.age,
		withCarer: row.withCarer,
		answers: parseAnswers(row.answers),
		sentAnswers: row.sentAnswers === null ? null : parseAnswers(row.sentAnswers),
		sentAt: row.sentAt,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

function rowOf(meetingId: string): Row | undefined {
	return consultationQuery().get({ value: meetingId });
}

const consultationQuery = rowsWhere(consultations, consultations.meetingId);

/** The consultation for a meeting, or null if the child has not started it. */
export function findConsultation(meetingId: string): Consultation | null {
	const row = rowOf(meetingId);
	return row ? toConsultation(row) : null;
}

/**
 * For everyone other than the child (the IRO's pack, carers): only what the child has SENT, never the
 * live answers they are still changing (an answer made "Only my IRO" since is private at once: see
 * asSent). `status` says whether they started or sent; when answers changed
 * after the last send, `unsentChangesAt` is when (without what). Null if the child has not started.
 * Access is the caller's job (requireChild on the meeting's child).
 */
export function consultationFor(meetingId: string): {
	id: string;
	version: Version;
	age: number;
	withCarer: boolean;
	status: ConsultationStatus;
	sentAnswers: Answers | null;
	sentAt: number | null;
	updatedAt: number;
	unsentChangesAt: number | null;
} | null {
	const c = findConsultation(meetingId);
	if (!c) return null;
	const { version, age, withCarer, sentAnswers, sentAt, updatedAt } = c;
	const sent = sentAt === null ? null : (sentAnswers ?? {});
	const waiting = sent ? unsentChangesAt(sent, c.answers) : null;
	return {
		id: c.id,
		version,
		age,
		withCarer,
		status: statusOf(c).status,
		sentAnswers: sent && asSent(sent, c.answers),
		sentAt,
		updatedAt,
		// An answer saved before answers kept their own time: the last save of the whole form.
		unsentChangesAt: waiting === null ? null : waiting || c.updatedAt
	};
}

export interface StatusOfSay {
	status: ConsultationStatus;
	/** When the child last pressed "Send to my IRO" (null if never). */
	sentAt: number | null;
	/** When anything was last saved (null if not started). */
	updatedAt: number | null;
	/** Sent, and changed since (what `changedSince` would list is not empty). */
	changedSinceSent: boolean;
}

function statusOf(
	c: Pick<Consultation, 'id' | 'answers' | 'sentAnswers' | 'sentAt' | 'updatedAt'> | null
): StatusOfSay {
	if (!c) return { status: 'notStarted', sentAt: null, updatedAt: null, changedSinceSent: false };
	// A voice answer alone is a start too (one look, only while nothing is written).
	const written = sayState(c);
	const status = written === 'notStarted' && hasSayVoice(c.id) ? 'started' : written;
	return {
		status,
		sentAt: c.sentAt,
		updatedAt: c.updatedAt,
		changedSinceSent: status === 'sent' && changedSince(c.sentAnswers ?? {}, c.answers).length > 0
	};
}

/** 'notStarted' (nothing answered yet), 'started' (a draft) or 'sent', with when it was sent. */
export function consultationStatus(meetingId: string): StatusOfSay {
	return statusOf(findConsultation(meetingId));
}

/** The same for many meetings in one query (for a caseload); meetings with nothing are 'notStarted'. */
export function consultationStatuses(meetingIds: string[]): Map<string, StatusOfSay> {
	const out = new Map<string, StatusOfSay>();
	for (const id of meetingIds) out.set(id, statusOf(null));
	if (!meetingIds.length) return out;
	const rows = consultationsQuery().all({ ids: JSON.stringify(meetingIds) });
	for (const row of rows) out.set(row.meetingId, statusOf(toConsultation(row)));
	return out;
}

const consultationsQuery = keptQuery((db) =>
	db.select().from(consultations).where(inList(consultations.meetingId, 'ids')).prepare()
);

export interface SayState {
	meeting: Meeting;
	version: Version;
	age: number;
	steps: Step[];
	/** Null until the child's first save. */
	consultation: Consultation | null;
}

/**
 * What the child is getting ready for: their next meeting, the version of the form (the stored one
 * once started; before that, the one for their age on the meeting date in London) and its steps.
 * Null when no meeting is booked (or, for an under-4, there is no form).
 */
export function sayFor(
	child: { id: string; dateOfBirth: string; pictureVersion?: boolean },
	now = Date.now()
): SayState | null {
	const meeting = meetingToPrepare(child.id, now);
	if (!meeting) return null;
	const consultation = findConsultation(meeting.id);
	const fixed = consultation
		? { version: consultation.version, age: consultation.age }
		: versionFor(child.dateOfBirth, londonDate(meeting.startsAt), child.pictureVersion);
	if (!fixed) return null;
	return { meeting, ...fixed, steps: stepsFor(fixed.version, fixed.age), consultation };
}

/**
 * After "use the picture version" is switched on or off: the child's My say for the meeting being
 * prepared follows it while it has not been sent (answers already given stay stored, and come back if
 * it is switched back); once sent it stays in the version it was sent in.
 */
export function followPictureVersion(
	child: { id: string; dateOfBirth: string; pictureVersion: boolean },
	now: number,
	tx: Tx
): void {
	const meeting = meetingToPrepare(child.id, now);
	if (!meeting) return;
	const row = rowOf(meeting.id);
	if (!row || row.sentAt !== null) return;
	const live = versionFor(child.dateOfBirth, londonDate(meeting.startsAt), child.pictureVersion);
	if (!live || live.version === row.version) return;
	tx.update(consultations)
		.set({ version: live.version, age: live.age })
		.where(eq(consultations.id, row.id))
		.run();
}

function insertIfMissing(childId: string, meetingId: string, version: Version, age: number, now: number) {
	write((tx) =>
		tx
			.insert(consultations)
			.values({ id: newId(), childId, meetingId, version, age, createdAt: now, updatedAt: now })
			.onConflictDoNothing()
			.run()
	);
}

/**
 * Creates the consultation for this meeting if it does not exist yet, fixing its version; records
 * whether a grown-up is helping (the 4–7 version asks). Returns it as stored.
 */
export function startConsultation(
	state: Pick<SayState, 'meeting' | 'version' | 'age'>,
	withCarer: boolean | null = null,
	now = Date.now()
): Consultation {
	const { meeting } = state;
	return write((tx) => {
		insertIfMissing(meeting.childId, meeting.id, state.version, state.age, now);
		if (withCarer !== null) {
			tx.update(consultations)
				.set({ withCarer, updatedAt: now })
				.where(eq(consultations.meetingId, meeting.id))
				.run();
		}
		return toConsultation(rowOf(meeting.id)!);
	});
}

/**
 * Saves one page of answers as a draft (creating the consultation on first save). The last save wins
 * for each field; `replaced` lists what another window had saved since this page was shown
 * (`loadedAt`), so the page can show it. `savedAt` is the new `loadedAt` for the page. `also`
 * writes what else the page saves (its voice answers) in the same transaction.
 */
export function saveAnswers(
	state: Pick<SayState, 'meeting' | 'version' | 'age'>,
	incoming: Incoming[],
	loadedAt: number,
	now = Date.now(),
	also?: (tx: Tx, consultation: { id: string; childId: string }) => void
): { replaced: Array<{ id: string; value: AnswerValue }>; savedAt: number } {
	const { meeting } = state;
	return write((tx) => {
		insertIfMissing(meeting.childId, meeting.id, state.version, state.age, now);
		const row = rowOf(meeting.id)!;
		const { answers, replaced } = mergeAnswers(parseAnswers(row.answers), incoming, loadedAt, now);
		tx.update(consultations)
			.set({ answers: JSON.stringify(answers), updatedAt: now })
			.where(eq(consultations.id, row.id))
			.run();
		// The page's voice answers (voice.ts), in the same transaction.
		also?.(tx, row);
		return { replaced, savedAt: now };
	});
}

/**
 * "Send to my IRO": keeps a snapshot of the answers as sent (each send replaces it) and when.
 * Returns false if there is nothing to send (not started, or every answer empty and no voice answer).
 */
export function sendConsultation(meetingId: string, now = Date.now()): boolean {
	return write((tx) => {
		const row = rowOf(meetingId);
		if (!row) return false;
		const answers = parseAnswers(row.answers);
		if (!Object.values(answers).some((a) => !isEmpty(a.value)) && !hasSayVoice(row.id)) return false;
		tx.update(consultations)
			.set({ sentAnswers: JSON.stringify(answers), sentAt: now, updatedAt: now })
			.where(eq(consultations.id, row.id))
			.run();
		return true;
	});
}

/**
 * The consultation of the child's latest meeting that has started, to show read-only when no new
 * meeting is booked yet. Null if they had none.
 */
export function lastHeldConsultation(childId: string, now = Date.now()) {
	const meeting = db()
		.select()
		.from(meetings)
		.where(and(eq(meetings.childId, childId), lte(meetings.startsAt, now), isNull(meetings.cancelledAt)))
		.orderBy(desc(meetings.startsAt))
		.get();
	if (!meeting) return null;
	const consultation = findConsultation(meeting.id);
	if (!consultation) return null;
	return { meeting, consultation, steps: stepsFor(consultation.version, consultation.age) };
}
