import { child, familyAction, fixed, only, refusedToNonStaff, staffChild, type RouteRule } from './rules';

/**
 * Asking for a document in a format or language (issue 13): the child on their own page, a linked
 * carer for their child; the child's IRO sees and marks them done, managers read; anyone else 404.
 */
const ownOnly = { own: 'ok', other: 'notFound' } as const;

export const FORMAT_RULES: RouteRule[] = [
	{
		route: '/me/formats',
		path: fixed('/me/formats'),
		get: only('child'),
		actions: { ask: familyAction('child') }
	},
	{
		route: '/carer/children/[childId]/formats',
		path: (ids, which) => `/carer/children/${which === 'own' ? ids.ownChild : ids.otherChild}/formats`,
		get: only('carer', ownOnly),
		actions: { ask: { ...familyAction('carer'), carer: ownOnly } }
	},
	{
		route: '/iro/children/[childId]/formats',
		path: child('/formats'),
		get: staffChild,
		actions: { done: { ...refusedToNonStaff, iro: ownOnly, manager: 'notFound' } }
	}
];
