import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { db, tables, write, keptQuery } from './db';
import { newId } from './ids';
import { recordAudit } from './audit';
import { agendaAsRead, agendaFor } from './agenda';
import { translator } from './i18n';
import type { Translate } from '$lib/i18n/translate';
import { meetingToPrepare, type Meeting } from './meetings';
import { iroCard } from './accounts';
import { callName } from '$lib/domain/names';
import type { Child } from './access';
import type { DecisionRole, LetterWords } from '$lib/domain/outcomes';
import { wordsFrom } from '$lib/domain/outcomes';
import type { Locale } from '$lib/i18n/locales';

/**
 * After a held review: what happened to each agenda item, the decisions, and the letter to the
 * child. All SQL for agenda_outcomes, decisions and meeting_letters lives here (the follow-up list
 * across a caseload is in follow-ups.ts). Callers check the review is held (access.ts).
 */
const { agendaOutcomes, decisions, meetingLetters } = tables;

/** A decision's words, who will do it and by when: the columns every list of decisions selects. */
export const decisionSummary = {
	id: decisions.id,
	text: decisions.text,
	textLang: decisions.textLang,
	whoRole: decisions.whoRole,
	whoName: decisions.whoName,
	dueOn: decisions.dueOn
};

export type Decision = typeof decisions.$inferSelect;
export type MeetingLetter = typeof meetingLetters.$inferSelect;

/* ---------- "You said …, we did …" ---------- */

/**
 * The child's agenda for this meeting, in their order, each with what the IRO wrote happened to it;
 * a suggested idea in the language of `t` (the reader's, or the letter's).
 */
export function outcomesOf(meetingId: string, t: Translate = translator('en')) {
	const written = new Map(
		db()
			.select()
			.from(agendaOutcomes)
			.where(eq(agendaOutcomes.meetingId, meetingId))
			.all()
			.map((o) => [o.agendaItemId, o])
	);
	return agendaAsRead(meetingId, t).map((item) => ({
		id: item.id,
		text: item.text,
		lang: item.lang,
		raiser: item.raiser,
		outcome: written.get(item.id)?.text ?? '',
		outcomeLang: written.get(item.id)?.textLang ?? null
	}));
}

/** Saves what happened to each item of this meeting's agenda (items of another meeting are ignored). */
export function saveOutcomes(
	meetingId: string,
	userId: string,
	texts: Record<string, string>,
	now = Date.now(),
	/** The language of the IRO's page as they wrote (kept for a screen reader's voice). */
	lang: string | null = null
): void {
	const items = new Set(agendaFor(meetingId).map((i) => i.id));
	write((tx) => {
		const before = new Map(
			tx
				.select()
				.from(agendaOutcomes)
				.where(eq(agendaOutcomes.meetingId, meetingId))
				.all()
				.map((o) => [o.agendaItemId, o])
		);
		for (const [itemId, text] of Object.entries(texts)) {
			if (!items.has(itemId)) continue;
			// Words saved again unchanged keep the language they were written in; no words claim none.
			const kept = before.get(itemId);
			const textLang = !text.trim() ? null : kept?.text === text ? kept.textLang : lang;
			tx.insert(agendaOutcomes)
				.values({
					id: newId(),
					meetingId,
					agendaItemId: itemId,
					text,
					textLang,
					updatedAt: now,
					updatedBy: userId
				})
				.onConflictDoUpdate({
					target: agendaOutcomes.agendaItemId,
					set: { text, textLang, updatedAt: now, updatedBy: userId }
				})
				.run();
		}
		recordAudit({ userId, action: 'outcomes.save', subjectId: meetingId }, now, tx);
	});
}

/* ---------- Decisions ---------- */

export interface NewDecision {
	text: string;
	whoRole: DecisionRole;
	whoName: string;
	dueOn: string;
	visibleToChild: boolean;
	sharedWithCarers: boolean;
	/** The language of the IRO's page as they wrote `text`. */
	textLang?: string | null;
}

export function decisionsOf(meetingId: string): Decision[] {
	return db()
		.select()
		.from(decisions)
		.where(eq(decisions.meetingId, meetingId))
		.orderBy(asc(decisions.createdAt), asc(decisions.id))
		.all();
}

export function addDecision(meeting: Meeting, userId: string, input: NewDecision, now = Date.now()): string {
	const id = newId();
	write((tx) => {
		tx.insert(decisions)
			.values({
				id,
				meetingId: meeting.id,
				childId: meeting.childId,
				...input,
				createdAt: now,
				createdBy: userId
			})
			.run();
		recordAudit({ userId, action: 'decision.add', subjectId: id, detail: meeting.id }, now, tx);
	});
	return id;
}

/** Takes back a decision of this meeting that is not done yet; false if there is none such. */
export function removeDecision(
	meetingId: string,
	decisionId: string,
	userId: string,
	now = Date.now()
): boolean {
	return write((tx) => {
		const result = tx
			.delete(decisions)
			.where(and(eq(decisions.id, decisionId), eq(decisions.meetingId, meetingId), isNull(decisions.doneAt)))
			.run();
		if (result.changes === 0) return false;
		recordAudit({ userId, action: 'decision.remove', subjectId: decisionId, detail: meetingId }, now, tx);
		return true;
	});
}

/** What a child's parents and carers see: only decisions the IRO shared with them, newest meeting first. */
export function decisionsForCarers(childId: string) {
	return db()
		.select({
			...decisionSummary,
			done: isNotNull(decisions.doneAt),
			heldOn: tables.meetings.heldOn
		})
		.from(decisions)
		.innerJoin(tables.meetings, eq(tables.meetings.id, decisions.meetingId))
		.where(and(eq(decisions.childId, childId), eq(decisions.sharedWithCarers, true)))
		.orderBy(desc(tables.meetings.startsAt), asc(decisions.createdAt))
		.all()
		.map((d) => ({ ...d, done: Boolean(d.done) }));
}

/* ---------- The letter after the meeting ---------- */

/** What a letter says besides the template words and the IRO's own: kept as it was when sent. */
export interface LetterContent {
	childName: string;
	heldOn: string | null;
	/** Each with the language its words were written in (absent in letters sent before they were kept). */
	items: Array<{ said: string; did: string; saidLang?: string | null; didLang?: string | null }>;
	decisions: Array<{
		text: string;
		lang?: string | null;
		whoRole: DecisionRole;
		whoName: string;
		dueOn: string;
	}>;
	nextMeeting: number | null;
	iro: { name: string; phone: string } | null;
}

/** The letter's content now (for the preview and for sending): only decisions marked for the child. */
export function letterContent(
	meeting: Meeting,
	child: Child,
	now = Date.now(),
	lang: Locale = 'en'
): LetterContent {
	const iro = iroCard(child.iroId);
	return {
		childName: callName(child),
		heldOn: meeting.heldOn,
		items: outcomesOf(meeting.id, translator(lang)).map((i) => ({
			said: i.text,
			saidLang: i.lang,
			did: i.outcome,
			didLang: i.outcomeLang
		})),
		decisions: decisionsOf(meeting.id)
			.filter((d) => d.visibleToChild)
			.map(({ text, textLang, whoRole, whoName, dueOn }) => ({
				text,
				lang: textLang,
				whoRole,
				whoName,
				dueOn
			})),
		nextMeeting: meetingToPrepare(child.id, now)?.startsAt ?? null,
		iro: iro ? { name: iro.displayName, phone: iro.phone ?? '' } : null
	};
}

export function letterOf(meetingId: string): MeetingLetter | undefined {
	return db().select().from(meetingLetters).where(eq(meetingLetters.meetingId, meetingId)).get();
}

export function contentOf(letter: Pick<MeetingLetter, 'content'>): LetterContent | null {
	return letter.content ? (JSON.parse(letter.content) as LetterContent) : null;
}

export { wordsFrom };

export type LetterSave = 'saved' | 'alreadySent';

/** Keeps the draft (the IRO's words, the language); a sent letter never changes. */
export function saveLetterDraft(
	meeting: Meeting,
	userId: string,
	words: LetterWords,
	locale: Locale,
	now = Date.now(),
	/** The language of the IRO's page as they wrote their own words. */
	wordsLang: string | null = null
): LetterSave {
	return write((tx) => {
		const existing = tx.select().from(meetingLetters).where(eq(meetingLetters.meetingId, meeting.id)).get();
		if (existing?.sentAt) return 'alreadySent';
		const json = JSON.stringify(words);
		if (existing) {
			tx.update(meetingLetters)
				.set({ words: json, wordsLang, locale, updatedAt: now })
				.where(eq(meetingLetters.id, existing.id))
				.run();
		} else {
			tx.insert(meetingLetters)
				.values({
					id: newId(),
					meetingId: meeting.id,
					childId: meeting.childId,
					words: json,
					wordsLang,
					locale,
					createdAt: now,
					updatedAt: now
				})
				.run();
		}
		recordAudit({ userId, action: 'letter.draft', subjectId: meeting.id }, now, tx);
		return 'saved';
	});
}

/** Sends the letter to the child: it appears on their home and is kept as it is now. */
export function sendLetter(
	meeting: Meeting,
	child: Child,
	userId: string,
	words: LetterWords,
	locale: Locale,
	now = Date.now(),
	wordsLang: string | null = null
): { ok: true; id: string } | { ok: false; reason: 'alreadySent' } {
	const content = JSON.stringify(letterContent(meeting, child, now, locale));
	const saved = saveLetterDraft(meeting, userId, words, locale, now, wordsLang);
	if (saved === 'alreadySent') return { ok: false, reason: 'alreadySent' };
	return write((tx) => {
		const letter = tx.select().from(meetingLetters).where(eq(meetingLetters.meetingId, meeting.id)).get()!;
		const result = tx
			.update(meetingLetters)
			.set({ content, sentAt: now, sentBy: userId, updatedAt: now })
			.where(and(eq(meetingLetters.id, letter.id), isNull(meetingLetters.sentAt)))
			.run();
		if (result.changes === 0) return { ok: false, reason: 'alreadySent' } as const;
		recordAudit({ userId, action: 'letter.send', subjectId: letter.id, detail: meeting.id }, now, tx);
		return { ok: true, id: letter.id } as const;
	});
}

/** Every letter sent to this child, newest first. */
export function lettersOfChild(childId: string) {
	return lettersQuery()
		.all({ childId })
		.map((l) => ({ ...l, sentAt: l.sentAt! }));
}

const lettersQuery = keptQuery((db) =>
	db
		.select({ id: meetingLetters.id, sentAt: meetingLetters.sentAt, heldOn: tables.meetings.heldOn })
		.from(meetingLetters)
		.innerJoin(tables.meetings, eq(tables.meetings.id, meetingLetters.meetingId))
		.where(and(eq(meetingLetters.childId, sql.placeholder('childId')), isNotNull(meetingLetters.sentAt)))
		.orderBy(desc(meetingLetters.sentAt))
		.prepare()
);

/** One sent letter of this child; undefined for a draft or someone else's (the caller answers 404). */
export function sentLetterOf(childId: string, letterId: string): MeetingLetter | undefined {
	return db()
		.select()
		.from(meetingLetters)
		.where(
			and(
				eq(meetingLetters.id, letterId),
				eq(meetingLetters.childId, childId),
				isNotNull(meetingLetters.sentAt)
			)
		)
		.get();
}
