import { iroCard } from './accounts';
import { isOpen, meetingsOfChild } from './meetings';
import { lastMeeting } from './reviews';
import type { Child } from './children';
import { daysBetween, londonDate } from '$lib/domain/dates';
import { callName } from '$lib/domain/names';

/**
 * The child's meetings a home page reads, once for all its parts (one query): all of them, oldest
 * first (`meetingsOfChild`), and the next one to get ready for, the first still open (as
 * `meetingToPrepare` finds it in SQL).
 */
export function homeMeetings(childId: string, now = Date.now()) {
	const all = meetingsOfChild(childId);
	return { next: all.find((m) => isOpen(m, now)) ?? null, all };
}

/**
 * What a child's or carer's page shows about one child: next meeting, the last one (took place on …,
 * or being written up) and their IRO.
 */
export function childSummary(child: Child, now = Date.now(), meetings = homeMeetings(child.id, now)) {
	const { next } = meetings;
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
		last: lastMeeting(meetings.all, now),
		iro: iroCard(child.iroId)
	};
}
