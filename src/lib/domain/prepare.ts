/**
 * The child's own preparation for their meeting (besides "My say"): the choices they can make and
 * what is stored. Plain data, safe in the browser; the forms that check them are in $lib/forms/prepare.
 */
export const RAISERS = ['me', 'iro'] as const;
export const VISIBILITIES = ['iro', 'everyone'] as const;
export const CHAIRS = ['iro', 'cochair', 'me'] as const;

/* About my meeting */
export const ROLES = ['socialWorker', 'teacher', 'advocate'] as const;
export const TAKE_PART = ['speak', 'readViews', 'partOf', 'sendViews', 'advocate'] as const;
export const PLACES = ['home', 'school', 'office', 'elsewhere'] as const;
export const MODES = ['inPerson', 'online', 'hybrid'] as const;
export const YES_NO = ['yes', 'no'] as const;
/** How many "who I'd rather not be there" rows the form offers. */
export const NOT_WANTED_ROWS = 3;
export const NAME_MAX = 100;
export const WHY_MAX = 500;
export const PLACE_MAX = 200;
export const TIMES_MAX = 300;

/** What the child chose about their meeting, as stored (JSON) in meeting_choices.choices. */
export interface MeetingChoices {
	want: {
		/** Their parents and carers, by the name they had when chosen. */
		carers: Array<{ id: string; name: string }>;
		roles: Array<(typeof ROLES)[number]>;
		/** "Someone else": who, or '' */
		someoneElse: string;
	};
	/** Who they would rather not be there, and why (the IRO decides and must explain). */
	notWanted: Array<{ who: string; why: string }>;
	takePart: (typeof TAKE_PART)[number] | null;
	where: (typeof PLACES)[number] | null;
	/** Only when `where` is 'elsewhere'. */
	whereOther: string;
	when: { notSchoolTime: boolean; timesThatSuit: boolean; times: string };
	mode: (typeof MODES)[number] | null;
	/** "I'd like to talk to my IRO before the meeting." */
	talkFirst: (typeof YES_NO)[number] | null;
}

/** Saved choices as the form's values, so the page shows one shape whether saved or sent back. */
export function choicesToFormValues(choices: MeetingChoices): Record<string, string> {
	const values: Record<string, string> = {};
	for (const carer of choices.want.carers) values[`wantCarer-${carer.id}`] = 'yes';
	for (const role of choices.want.roles) values[`wantRole-${role}`] = 'yes';
	if (choices.want.someoneElse) {
		values.wantSomeoneElse = 'yes';
		values.someoneElseName = choices.want.someoneElse;
	}
	choices.notWanted.slice(0, NOT_WANTED_ROWS).forEach((row, index) => {
		values[`notWho${index + 1}`] = row.who;
		values[`notWhy${index + 1}`] = row.why;
	});
	if (choices.takePart) values.takePart = choices.takePart;
	if (choices.where) values.where = choices.where;
	if (choices.whereOther) values.whereOther = choices.whereOther;
	if (choices.when.notSchoolTime) values.whenNotSchool = 'yes';
	if (choices.when.timesThatSuit) values.whenSuits = 'yes';
	if (choices.when.times) values.times = choices.when.times;
	if (choices.mode) values.mode = choices.mode;
	if (choices.talkFirst) values.talkFirst = choices.talkFirst;
	return values;
}

/* Support */
export const SUPPORT_KINDS = ['advocate', 'independentVisitor'] as const;
export const SUPPORT_STATUSES = ['requested', 'inProgress', 'arranged', 'declined', 'withdrawn'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export const SUPPORT_NOTE_MAX = 500;
