import { familyAction, only, staffChild, type Ids, type RouteRule, type Which } from './rules';

/**
 * "How was my meeting?" after a held review. "Own" is Sam's last review (written up as held in the
 * demo); "other" is Kacper's (held too, another IRO's child, no link to helen). The child and the
 * carer reach only their own child's held reviews; the IRO only their own caseload's.
 */
const held = (ids: Ids, which: Which) => (which === 'own' ? ids.ownHeldMeeting : ids.otherHeldMeeting);
const childId = (ids: Ids, which: Which) => (which === 'own' ? ids.ownChild : ids.otherChild);
const ownOnly = { own: 'ok', other: 'notFound' } as const;

export const FEEDBACK_RULES: RouteRule[] = [
	{
		route: '/me/feedback/[meetingId]',
		path: (ids, which) => `/me/feedback/${held(ids, which)}`,
		get: only('child', ownOnly),
		actions: {
			send: { ...familyAction('child'), child: ownOnly },
			skip: { ...familyAction('child'), child: ownOnly }
		}
	},
	{
		route: '/carer/children/[childId]/feedback/[meetingId]',
		path: (ids, which) => `/carer/children/${childId(ids, which)}/feedback/${held(ids, which)}`,
		get: only('carer', ownOnly),
		actions: {
			send: { ...familyAction('carer'), carer: ownOnly },
			skip: { ...familyAction('carer'), carer: ownOnly }
		}
	},
	{
		route: '/iro/children/[childId]/feedback/[meetingId]',
		path: (ids, which) => `/iro/children/${childId(ids, which)}/feedback/${held(ids, which)}`,
		get: staffChild
	}
];
