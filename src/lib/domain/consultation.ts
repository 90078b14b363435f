import { ageBand, ageOn, isPlanningForFuture } from './age';
import type { IsoDate } from './dates';
import { VISIBILITIES } from './prepare';

/**
 * "My say": the pre-meeting consultation, in three versions chosen by the child's age on the day of
 * the meeting (4–7 with a grown-up, 8–12, 13+), built on the Three Houses and 0–10 scales.
 * One question, or one small group, per page.
 */
/** The versions of "My say", by age: 4–7 (with a grown-up), 8–12, 13 and over. */
export const VERSIONS = ['young', 'middle', 'teen'] as const;
export type Version = (typeof VERSIONS)[number];
export type Visibility = (typeof VISIBILITIES)[number];

/** The form field that holds who may see a question's answer (read by the page and the form parser). */
export const whoField = (questionId: string) => `${questionId}-who`;

/**
 * The picture version (4–7) asks "Who can see this?" once a page, in this field, and the choice is
 * stored with every answer on that page; the other versions ask under each question (`whoField`).
 */
export const PAGE_WHO_FIELD = 'who';
export const whoOncePerPage = (version: Version) => version === 'young';

/** What a page's one "Who can see this?" shows: everyone only if every answer on it is for everyone. */
export function pageVisibility(questionIds: readonly string[], answers: Partial<Answers>): Visibility {
	const stored = questionIds.flatMap((id) => (answers[id] ? [answers[id].visibility] : []));
	return stored.length && stored.every((v) => v === 'everyone') ? 'everyone' : 'iro';
}

export type Question =
	| { id: string; kind: 'text'; max: number }
	| { id: string; kind: 'scale' }
	| { id: string; kind: 'feeling' }
	| { id: string; kind: 'pictures'; options: readonly string[] };

export interface Step {
	id: string;
	questions: Question[];
}

export const FEELINGS = ['happy', 'ok', 'sad', 'worried', 'angry'] as const;
export const SCALE_MIN = 0;
export const SCALE_MAX = 10;
const TEXT_MAX = 2000;
const WORDS_MAX = 500;

const PICTURES = {
	good: ['family', 'friends', 'school', 'play', 'pets', 'food', 'carer', 'outside'],
	worries: ['home', 'school', 'family', 'friends', 'moving', 'feelings', 'health', 'nothing'],
	dreams: ['family', 'friends', 'school', 'home', 'hobby', 'holiday', 'grownUp', 'pet']
} as const;

const text = (id: string, max = TEXT_MAX): Question => ({ id, kind: 'text', max });

export function stepsFor(version: Version, age: number): Step[] {
	if (version === 'young') {
		return [
			{
				id: 'feelings',
				questions: ['feelHome', 'feelSchool', 'feelFamilyTime'].map((id) => ({ id, kind: 'feeling' }))
			},
			{
				id: 'good',
				questions: [
					{ id: 'goodPictures', kind: 'pictures', options: PICTURES.good },
					text('goodWords', WORDS_MAX)
				]
			},
			{
				id: 'worries',
				questions: [
					{ id: 'worryPictures', kind: 'pictures', options: PICTURES.worries },
					text('worryWords', WORDS_MAX)
				]
			},
			{
				id: 'dreams',
				questions: [
					{ id: 'dreamPictures', kind: 'pictures', options: PICTURES.dreams },
					text('dreamWords', WORDS_MAX)
				]
			}
		];
	}
	const steps: Step[] = [
		{ id: 'good', questions: [text('good')] },
		{ id: 'worries', questions: [text('worries')] },
		{ id: 'dreams', questions: [text('dreams')] },
		{
			id: 'scalesHome',
			questions: ['scaleHome', 'scaleSafe', 'scaleFamilyTime'].map((id) => ({ id, kind: 'scale' }))
		},
		{
			id: 'scalesLife',
			questions: ['scaleSchool', 'scaleHealth', 'scaleFriends'].map((id) => ({ id, kind: 'scale' }))
		},
		{ id: 'change', questions: [text('change')] }
	];
	if (version === 'teen' && isPlanningForFuture(age))
		steps.push({ id: 'future', questions: [text('future')] });
	steps.push({ id: 'anythingElse', questions: [text('anythingElse')] });
	return steps;
}

/**
 * The version for a child of this birth date, for a meeting on this date (under 4: no form): the
 * picture version (`young`) for ages 4–7, or at any age when "use the picture version" is on
 * (`pictures`, set by the IRO on the child's record or by the child themselves).
 */
export function versionFor(
	dateOfBirth: IsoDate,
	meetingDate: IsoDate,
	pictures = false
): { version: Version; age: number } | null {
	const age = ageOn(dateOfBirth, meetingDate);
	const band = ageBand(age);
	if (band === 'under4') return null;
	if (pictures) return { version: 'young', age };
	return { version: band === '4-7' ? 'young' : band === '8-12' ? 'middle' : 'teen', age };
}

export type AnswerValue = string | number | string[];

export interface Answer {
	value: AnswerValue;
	visibility: Visibility;
	updatedAt: number;
	/** The language the child's page was in when they wrote it (absent: not known, written before). */
	lang?: string | null;
}

export type Answers = Record<string, Answer>;

/** Is this a value the question accepts? (Scales 0–10 only, pictures from the list, text within limits.) */
export function isValidAnswer(question: Question, value: AnswerValue): boolean {
	switch (question.kind) {
		case 'text':
			return typeof value === 'string' && [...value].length <= question.max;
		case 'scale':
			return typeof value === 'number' && Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX;
		case 'feeling':
			return typeof value === 'string' && (FEELINGS as readonly string[]).includes(value);
		case 'pictures':
			return Array.isArray(value) && value.every((v) => question.options.includes(v));
	}
}

export function isEmpty(value: AnswerValue | undefined): boolean {
	return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export interface Incoming {
	id: string;
	value: AnswerValue;
	visibility: Visibility;
	/** The language of the page the answer was given on. */
	lang?: string | null;
}

/**
 * Saves the answers from one page into what is stored, field by field: the last save wins for each
 * field, and fields from other pages are never touched. `loadedAt` is when this page was shown: if a
 * field was changed since (in another tab), the text it replaces is returned so it is not lost silently.
 */
export function mergeAnswers(stored: Answers, incoming: Incoming[], loadedAt: number, now: number) {
	const answers: Answers = { ...stored };
	const replaced: Array<{ id: string; value: AnswerValue }> = [];
	for (const { id, value, visibility, lang } of incoming) {
		const before = stored[id];
		const same =
			before && JSON.stringify(before.value) === JSON.stringify(value) && before.visibility === visibility;
		if (same) continue;
		if (
			before &&
			before.updatedAt > loadedAt &&
			!isEmpty(before.value) &&
			JSON.stringify(before.value) !== JSON.stringify(value)
		) {
			replaced.push({ id, value: before.value });
		}
		answers[id] = { value, visibility, updatedAt: now, ...(lang ? { lang } : {}) };
	}
	return { answers, replaced };
}

/** Which answers differ from what was sent, for the IRO ("changed since sent"). */
export function changedSince(sent: Answers, current: Answers): string[] {
	const ids = new Set([...Object.keys(sent), ...Object.keys(current)]);
	return [...ids].filter(
		(id) =>
			JSON.stringify(sent[id]?.value ?? '') !== JSON.stringify(current[id]?.value ?? '') ||
			(sent[id]?.visibility ?? 'iro') !== (current[id]?.visibility ?? 'iro')
	);
}

/**
 * What others may read: the answers as sent, except that an answer the child has made "Only my IRO"
 * since sending is private at once (making something more private never waits for "Send").
 */
export function asSent(sent: Answers, current: Answers): Answers {
	const out: Answers = {};
	for (const [id, answer] of Object.entries(sent)) {
		out[id] = current[id]?.visibility === 'iro' ? { ...answer, visibility: 'iro' } : answer;
	}
	return out;
}

/**
 * When the child last changed an answer that they have not sent since (null if nothing is waiting to
 * be sent, or nothing was ever sent). Others see only what was sent; the IRO is told this time.
 */
export function unsentChangesAt(sent: Answers | null, current: Answers): number | null {
	if (!sent) return null;
	const ids = changedSince(sent, current);
	if (!ids.length) return null;
	return Math.max(...ids.map((id) => current[id]?.updatedAt ?? sent[id]?.updatedAt ?? 0));
}

/** The first step with nothing answered yet, to resume where the child left off. */
export function resumeStep(steps: Step[], answers: Answers): number {
	const index = steps.findIndex((s) => s.questions.every((q) => isEmpty(answers[q.id]?.value)));
	return index === -1 ? steps.length : index;
}
