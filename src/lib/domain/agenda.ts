/** The child's agenda and the running order a chairing child gets from it. */
export type Raiser = 'me' | 'iro';
export type Chair = 'iro' | 'cochair' | 'me';

export const AGENDA_MAX_ITEMS = 20;
export const AGENDA_ITEM_MAX = 300;
export const AGENDA_STARTERS = [
	'familyTime',
	'school',
	'whereILive',
	'money',
	'myPlans',
	'health',
	'friends'
] as const;

export type Idea = (typeof AGENDA_STARTERS)[number];

export function isIdea(value: unknown): value is Idea {
	return typeof value === 'string' && (AGENDA_STARTERS as readonly string[]).includes(value);
}

/** Words compared as a person reads them: "School ", "school" and "SCHOOL" are the same. */
const fold = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * Which suggested idea these words are, given each idea's words in every language (so "المدرسة" and
 * "School" are both `school`); null when they are the child's own words.
 */
export function ideaOfWords(text: string, wordsOf: (idea: Idea) => readonly string[]): Idea | null {
	const folded = fold(text);
	if (!folded) return null;
	return AGENDA_STARTERS.find((idea) => wordsOf(idea).some((w) => fold(w) === folded)) ?? null;
}

/**
 * An agenda item as one reader sees it: a suggested idea in the reader's own language (no `lang`: the
 * page's), the child's own words as written, with the language they were written in (null: not known).
 */
export function agendaWords(
	item: { text: string; ideaKey: Idea | null; lang: string | null },
	ideaInReadersWords: (idea: Idea) => string
): { text: string; lang: string | null } {
	return item.ideaKey
		? { text: ideaInReadersWords(item.ideaKey), lang: null }
		: { text: item.text, lang: item.lang };
}

/**
 * The ideas still to suggest: none already on the agenda (by its key, whatever language it was picked
 * in), nor one the child wrote in the reader's words.
 */
export function ideasToOffer(
	items: ReadonlyArray<{ text: string; ideaKey: Idea | null }>,
	ideaInReadersWords: (idea: Idea) => string
): Idea[] {
	const picked = new Set(items.map((i) => i.ideaKey));
	const written = new Set(items.filter((i) => !i.ideaKey).map((i) => fold(i.text)));
	return AGENDA_STARTERS.filter((idea) => !picked.has(idea) && !written.has(fold(ideaInReadersWords(idea))));
}

export interface AgendaItem {
	id: string;
	text: string;
	raiser: Raiser;
}

/** Moves one item up or down; anything else leaves the order as it was. */
export function move<T extends { id: string }>(items: T[], id: string, direction: 'up' | 'down'): T[] {
	const from = items.findIndex((i) => i.id === id);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (from === -1 || to < 0 || to >= items.length) return items;
	const next = [...items];
	[next[from], next[to]] = [next[to], next[from]];
	return next;
}

/** Puts items in the order given by ids (from drag and drop); unknown or missing ids change nothing. */
export function reorder<T extends { id: string }>(items: T[], ids: string[]): T[] {
	if (ids.length !== items.length || new Set(ids).size !== ids.length) return items;
	const byId = new Map(items.map((i) => [i.id, i]));
	if (!ids.every((id) => byId.has(id))) return items;
	return ids.map((id) => byId.get(id)!);
}

export type RunningOrderStep =
	| {
			kind: 'welcome' | 'introductions' | 'anythingElse' | 'nextSteps' | 'close';
			by: 'me' | 'iro' | 'together';
	  }
	| { kind: 'item'; text: string; by: 'me' | 'iro' };

/**
 * The running order for a child who chairs or co-chairs: welcome, introductions, each of their agenda
 * items in their order (raised by them or by their IRO, as they chose), anything else, what happens
 * next, close. A co-chair shares the opening and closing with their IRO.
 */
export function runningOrder(chair: Chair, items: AgendaItem[]): RunningOrderStep[] {
	const lead = chair === 'me' ? 'me' : chair === 'cochair' ? 'together' : 'iro';
	return [
		{ kind: 'welcome', by: lead },
		{ kind: 'introductions', by: lead },
		...items.map((item) => ({ kind: 'item' as const, text: item.text, by: item.raiser })),
		{ kind: 'anythingElse', by: lead },
		{ kind: 'nextSteps', by: 'iro' },
		{ kind: 'close', by: lead }
	];
}
