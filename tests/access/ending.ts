import { child, only, ownIroOnly, refusedToNonStaff, staffChild, type RouteRule } from './rules';

/**
 * Ending things (issue 10). "Own" is Sam and his foster carer Helen; "other" is Kacper (another
 * IRO's child, not linked to Helen). Sam's and Kacper's records are open, so the page for a closed
 * record (reopen, erase) answers 404 to everyone. Forms that would change the demo people are only
 * checked where they are refused; tests/e2e/ending.e2e.ts makes its own people for the rest.
 */
const refusedToAll = { ...refusedToNonStaff, iro: 'notFound', manager: 'notFound' } as const;

export const ENDING_RULES: RouteRule[] = [
	{
		route: '/iro/children/[childId]/carers/[carerId]/unlink',
		path: (ids, which) =>
			`/iro/children/${which === 'own' ? ids.ownChild : ids.otherChild}/carers/${ids.ownCarer}/unlink`,
		get: { ...staffChild, manager: { own: 'ok', other: 'notFound' } },
		actions: { default: ownIroOnly }
	},
	{
		route: '/iro/children/[childId]/close',
		path: child('/close'),
		get: staffChild,
		actions: { default: ownIroOnly }
	},
	{
		route: '/iro/children/[childId]/closed',
		path: child('/closed'),
		get: only('manager', 'notFound'),
		actions: { reopen: refusedToAll, erase: refusedToAll }
	},
	{
		// A manager's page for closing and opening accounts: "own" is Ben (an IRO), "other" is no account.
		route: '/manage/accounts/[userId]',
		path: (ids, which) => `/manage/accounts/${which === 'own' ? ids.otherIro : ids.ownChild}`,
		get: only('manager', { own: 'ok', other: 'notFound' }),
		actions: {
			deactivate: { ...refusedToNonStaff, iro: 'notFound' },
			reactivate: { ...refusedToNonStaff, iro: 'notFound' }
		}
	}
];
