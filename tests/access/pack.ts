import {
	familyAction,
	only,
	ownIroOnly,
	refusedToNonStaff,
	staffChild,
	type Ids,
	type RouteRule,
	type Which
} from './rules';

/**
 * Carers' "your views" and the IRO's pre-meeting pack.
 * Views: only a carer linked to the child (helen is Sam's carer, not Kacper's).
 * Pack: the child's own IRO and managers; everyone else, including another IRO, gets 404.
 */
const carerChild = (suffix: string) => (ids: Ids, which: Which) =>
	`/carer/children/${which === 'own' ? ids.ownChild : ids.otherChild}${suffix}`;
const linkedCarerAction = { ...familyAction('carer'), carer: { own: 'ok', other: 'notFound' } } as const;

export const PACK_RULES: RouteRule[] = [
	{
		route: '/carer/children/[childId]/views',
		path: carerChild('/views'),
		get: only('carer', { own: 'ok', other: 'notFound' }),
		actions: { save: linkedCarerAction, send: linkedCarerAction }
	},
	{
		route: '/iro/meetings/[meetingId]',
		path: (ids, which) => `/iro/meetings/${which === 'own' ? ids.ownMeeting : ids.otherMeeting}`,
		get: staffChild,
		// readPrivate: a manager's reason to read what the child kept for their IRO (the IRO needs none).
		actions: {
			remind: ownIroOnly,
			support: ownIroOnly,
			readPrivate: { ...refusedToNonStaff, iro: 'notFound' }
		}
	}
];
