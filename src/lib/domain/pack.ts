import {
	changedSince,
	isEmpty,
	stepsFor,
	type Answers,
	type AnswerValue,
	type Question,
	type Version,
	type Visibility
} from './consultation';

/**
 * Pure rules for the IRO's pre-meeting pack, the caseload's "before the meeting" facts and what a
 * child or carer sees about who has replied. No database here: the server module loads the facts.
 */

/** Carers' "your views": the questions, the limit of each answer and the answers about coming. */
export const VIEWS_MAX = 2000;
export const VIEWS_FIELDS = ['goingWell', 'worries', 'nextSteps', 'anythingElse'] as const;
export const ATTENDING = ['yes', 'no', 'notSure'] as const;

export type SayState = 'notStarted' | 'started' | 'sent';

/** The statuses an IRO can set on a request for support (withdrawing is the child's). */
export const IRO_SUPPORT_STATUSES = ['requested', 'inProgress', 'arranged', 'declined'] as const;

export function sayState(consultation: { sentAt: number | null; answers: Answers } | null): SayState {
	if (!consultation) return 'notStarted';
	if (consultation.sentAt !== null) return 'sent';
	return Object.values(consultation.answers).some((a) => !isEmpty(a?.value)) ? 'started' : 'notStarted';
}

export interface PackAnswer {
	id: string;
	kind: Question['kind'];
	value: AnswerValue | null;
	visibility: Visibility;
	/** Changed since the child sent it (value or who can see it). */
	changed: boolean;
	/** What it was when sent, if it changed. */
	before: AnswerValue | null;
	/** The languages of the child's page when they wrote the answer and the one before (null: not known). */
	lang: string | null;
	beforeLang: string | null;
}

export interface PackGroup {
	id: string;
	answers: PackAnswer[];
}

/**
 * The child's answers grouped as the form asked them (Three Houses, scales, …), each with who may see
 * it and whether it changed since it was sent. Empty answers are left out; empty groups too.
 */
export function groupAnswers(
	version: Version,
	age: number,
	answers: Answers,
	sent: Answers | null
): PackGroup[] {
	const changed = new Set(sent ? changedSince(sent, answers) : []);
	return stepsFor(version, age)
		.map((step) => ({
			id: step.id,
			answers: step.questions
				.filter((q) => !isEmpty(answers[q.id]?.value) || (changed.has(q.id) && !isEmpty(sent?.[q.id]?.value)))
				.map((q): PackAnswer => {
					const current = answers[q.id];
					const isChanged = changed.has(q.id);
					return {
						id: q.id,
						kind: q.kind,
						value: isEmpty(current?.value) ? null : current.value,
						visibility: current?.visibility ?? 'iro',
						changed: isChanged,
						before: isChanged && !isEmpty(sent?.[q.id]?.value) ? sent![q.id].value : null,
						lang: current?.lang ?? null,
						beforeLang: (isChanged && sent?.[q.id]?.lang) || null
					};
				})
		}))
		.filter((group) => group.answers.length > 0);
}

/** Only what the child chose to share with everyone at the meeting (for carers). */
export function sharedAnswers(version: Version, age: number, answers: Answers): PackAnswer[] {
	return groupAnswers(version, age, answers, null)
		.flatMap((g) => g.answers)
		.filter((a) => a.visibility === 'everyone' && a.value !== null);
}

export interface CarerViewsFacts {
	sentAt: number | null;
}

/** "n of m" carers have sent their views. */
export function carersHeard(carers: Array<{ views: CarerViewsFacts | null }>): {
	sent: number;
	total: number;
} {
	return { sent: carers.filter((c) => c.views?.sentAt != null).length, total: carers.length };
}

/** What the caseload shows in "Before the meeting" for one child's next meeting. */
export interface BeforeTheMeeting {
	meetingId: string;
	childSentAt: number | null;
	childStarted: boolean;
	carersSent: number;
	carersTotal: number;
	agendaItems: number;
	chair: 'iro' | 'cochair' | 'me' | null;
	supportWaiting: number;
	talkBefore: boolean;
	notHeard: boolean;
}

/** Heard from nobody yet: the child has not sent "My say" and no carer has sent their views. */
export function notHeardFrom(facts: { childSentAt: number | null; carersSent: number }): boolean {
	return facts.childSentAt === null && facts.carersSent === 0;
}

/** The "Not yet heard from" filter of the caseload, from the query string. */
export function notHeardFilter(search: URLSearchParams): boolean {
	return search.get('notHeard') === '1';
}

/** May the IRO remind this person? Only while the meeting is ahead and only if they have not sent. */
export function canRemind(input: {
	meetingOpen: boolean;
	sentAt: number | null;
	reachable: boolean;
}): boolean {
	return input.meetingOpen && input.sentAt === null && input.reachable;
}

/** The "About my meeting" choices, in the shape their form stores (src/lib/forms/prepare.ts). */
export interface ChoicesShape {
	want: { carers: Array<{ id: string; name: string }>; roles: string[]; someoneElse: string };
	notWanted: Array<{ who: string; why: string }>;
	takePart: string | null;
	where: string | null;
	whereOther: string;
	when: { notSchoolTime: boolean; timesThatSuit: boolean; times: string };
	mode: string | null;
	talkFirst: string | null;
}

/** Has the child chosen anything at all about their meeting? */
export function hasChoices(c: ChoicesShape): boolean {
	return Boolean(
		c.want.carers.length ||
		c.want.roles.length ||
		c.want.someoneElse ||
		c.notWanted.length ||
		c.takePart ||
		c.where ||
		c.when.notSchoolTime ||
		c.when.timesThatSuit ||
		c.mode ||
		c.talkFirst
	);
}
