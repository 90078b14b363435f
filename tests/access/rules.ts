/** Types and shorthands for the access matrix (tests/access-matrix.ts and tests/access/*.ts). */
export type Actor = 'anon' | 'child' | 'carer' | 'iro' | 'manager';
export type Outcome = 'ok' | 'notFound' | 'signIn' | 'redirect';
export type Which = 'own' | 'other';
export type Expect = Outcome | { own: Outcome; other: Outcome };

export interface Ids {
	/** Sam's and Kacper's next meetings (for pre-meeting packs and carers' views). */
	ownMeeting: string;
	otherMeeting: string;
	/** Sam's and Kacper's last past reviews (written up in the demo), for the write-up page. */
	ownPastMeeting?: string;
	otherPastMeeting?: string;
	ownChild: string;
	otherChild: string;
	ownIro: string;
	otherIro: string;
	ownConversation: string;
	otherConversation: string;
	/** Sam's and Kacper's last reviews, recorded as held (demo): their outcomes, letter and feedback pages. */
	ownHeldMeeting: string;
	otherHeldMeeting: string;
	ownLetter: string;
	otherLetter: string;
	/** An open concern in Sam's and Kacper's oversight logs (demo). */
	ownConcern?: string;
	otherConcern?: string;
	/** Helen's carer record (Sam's foster carer), for unlinking (ending.ts). */
	ownCarer?: string;
}

export interface RouteRule {
	/** The SvelteKit route id, as in src/routes without (groups). */
	route: string;
	path: (ids: Ids, which: Which) => string;
	get: Record<Actor, Expect>;
	/** Form actions ("default" or named): who is refused (404, or sign in first for visitors). */
	actions?: Record<string, Partial<Record<Actor, Expect>>>;
	/** Visiting it signs the visitor out (the quick exit): checked with sessions of its own. */
	signsOut?: true;
}

export const fixed = (path: string) => () => path;
export const child =
	(suffix = '') =>
	(ids: Ids, which: Which) =>
		`/iro/children/${which === 'own' ? ids.ownChild : ids.otherChild}${suffix}`;
export const everyone = { anon: 'ok', child: 'ok', carer: 'ok', iro: 'ok', manager: 'ok' } as const;
export const visitorsOnly = {
	anon: 'ok',
	child: 'redirect',
	carer: 'redirect',
	iro: 'redirect',
	manager: 'redirect'
} as const;
export const only = (actor: Actor, outcome: Expect = 'ok'): Record<Actor, Expect> => ({
	anon: 'signIn',
	child: 'notFound',
	carer: 'notFound',
	iro: 'notFound',
	manager: 'notFound',
	[actor]: outcome
});
export const staffChild: Record<Actor, Expect> = {
	...only('iro', { own: 'ok', other: 'notFound' }),
	manager: 'ok'
};
export const refusedToNonStaff = { child: 'notFound', carer: 'notFound', anon: 'signIn' } as const;
export const ownIroOnly = { ...refusedToNonStaff, iro: { own: 'ok', other: 'notFound' } } as const;
export const iroOnlyAction = { ...refusedToNonStaff, manager: 'notFound' } as const;
/** A child's or carer's own form: everyone else is refused. */
export const familyAction = (actor: 'child' | 'carer'): Partial<Record<Actor, Expect>> => ({
	anon: 'signIn',
	child: 'notFound',
	carer: 'notFound',
	iro: 'notFound',
	manager: 'notFound',
	[actor]: 'ok'
});
