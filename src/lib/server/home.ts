import { iroCard } from './accounts';
import { meetingToPrepare, meetingsOfChild } from './meetings';
import { lastMeeting } from './reviews';
import type { Child } from './children';
import { daysBetween, londonDate } from '$lib/domain/dates';
import { callName } from '$lib/domain/names';

/**
 * What a child's or carer's page shows about one child: next meeting, the last one (took place on …,
 * or being written up) and their IRO.
 */
export function childSummary(child: Child, now = Date.now()) {
	const next = meetingToPrepare(child.id, now);
	return {
		child: { id: child.id, name: callName(child) },
		next: next && {
			kind: next.kind,
			startsAt: next.startsAt,
			venue: next.venue,
			venueLang: next.venueLang,
			mode: next.mode
		},
		daysAway: next ? daysBetween(londonDate(now), londonDate(next.startsAt)) : null,
		last: lastMeeting(meetingsOfChild(child.id), now),
		iro: iroCard(child.iroId)
	};
}
