import { child, refusedToNonStaff, staffChild, type RouteRule } from './rules';

/**
 * The IRO's oversight log: the child's own IRO writes it, managers read it; the child, carers and
 * another IRO get 404 (a concern of another child too). Demo concerns: Sam's (IRO amina), Kacper's (IRO ben).
 */
const ownIroWrites = {
	...refusedToNonStaff,
	iro: { own: 'ok', other: 'notFound' },
	manager: 'notFound'
} as const;

export const OVERSIGHT_RULES: RouteRule[] = [
	{
		route: '/iro/children/[childId]/oversight',
		path: child('/oversight'),
		get: staffChild,
		actions: { raise: ownIroWrites }
	},
	{
		route: '/iro/children/[childId]/oversight/[concernId]',
		path: (ids, which) =>
			which === 'own'
				? `/iro/children/${ids.ownChild}/oversight/${ids.ownConcern}`
				: `/iro/children/${ids.otherChild}/oversight/${ids.otherConcern}`,
		get: staffChild,
		actions: { escalate: ownIroWrites, resolve: ownIroWrites }
	}
];
