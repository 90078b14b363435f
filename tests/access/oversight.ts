import { child, fixed, only, refusedToNonStaff, staffChild, type RouteRule } from './rules';

/**
 * The IRO's oversight log and the service's reports. The oversight log: the child's own IRO writes it, managers read it; the child, carers and
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
	},
	// The service's figures: the whole service for managers, one caseload for each IRO; CSV per table.
	{ route: '/manage/reports', path: fixed('/manage/reports'), get: only('manager') },
	{ route: '/manage/reports/[table]', path: fixed('/manage/reports/participation'), get: only('manager') },
	{ route: '/iro/reports', path: fixed('/iro/reports'), get: only('iro') },
	{ route: '/iro/reports/[table]', path: fixed('/iro/reports/participation'), get: only('iro') }
];
