import { ownIroOnly, staffChild, type RouteRule } from './rules';

/** After the meeting: the write-up of a review, for the child's IRO and managers only. */
export const REVIEW_RULES: RouteRule[] = [
	{
		route: '/iro/children/[childId]/meetings/[meetingId]/write-up',
		path: (ids, which) =>
			which === 'own'
				? `/iro/children/${ids.ownChild}/meetings/${ids.ownPastMeeting}/write-up`
				: `/iro/children/${ids.otherChild}/meetings/${ids.otherPastMeeting}/write-up`,
		get: staffChild,
		actions: { default: ownIroOnly }
	}
];
