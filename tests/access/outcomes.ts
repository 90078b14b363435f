import { only, refusedToNonStaff, iroOnlyAction, type Ids, type RouteRule, type Which } from './rules';

/**
 * After the meeting: what was decided, the letter to the child, the follow-up list (the child's own
 * IRO only: another IRO, managers, carers and children get 404), and the child's letters (the child
 * only; another child's letter is 404). Held reviews: Sam's (IRO amina) and Kacper's (IRO ben).
 */
const held = (suffix: string) => (ids: Ids, which: Which) =>
	which === 'own'
		? `/iro/children/${ids.ownChild}/meetings/${ids.ownHeldMeeting}${suffix}`
		: `/iro/children/${ids.otherChild}/meetings/${ids.otherHeldMeeting}${suffix}`;
const ownIroAction = {
	...refusedToNonStaff,
	iro: { own: 'ok', other: 'notFound' },
	manager: 'notFound'
} as const;

export const OUTCOME_RULES: RouteRule[] = [
	{
		route: '/iro/children/[childId]/meetings/[meetingId]/outcomes',
		path: held('/outcomes'),
		get: only('iro', { own: 'ok', other: 'notFound' }),
		actions: { outcomes: ownIroAction, decide: ownIroAction, remove: ownIroAction }
	},
	{
		route: '/iro/children/[childId]/meetings/[meetingId]/letter',
		path: held('/letter'),
		get: only('iro', { own: 'ok', other: 'notFound' }),
		actions: { save: ownIroAction, send: ownIroAction }
	},
	{
		// Marking another IRO's decision done is 404 too: see tests/e2e/outcomes.e2e.ts.
		route: '/iro/follow-ups',
		path: () => '/iro/follow-ups',
		get: only('iro'),
		actions: { done: iroOnlyAction }
	},
	{ route: '/me/letters', path: () => '/me/letters', get: only('child') },
	{
		route: '/me/letters/[letterId]',
		path: (ids, which) => `/me/letters/${which === 'own' ? ids.ownLetter : ids.otherLetter}`,
		get: only('child', { own: 'ok', other: 'notFound' })
	}
];
