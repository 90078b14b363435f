import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { caseload } from '$lib/server/children';
// Who the IRO has heard from before each upcoming meeting.
import { beforeTheMeeting } from '$lib/server/pack';
import { notHeardFilter } from '$lib/domain/pack';
// Overdue follow-ups (decisions of held reviews) per child.
import { overdueFollowUps } from '$lib/server/follow-ups';
import { londonDate } from '$lib/domain/dates';

export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('iro');
	const rows = caseload(user.id);
	const before = beforeTheMeeting(
		rows.flatMap((r) => (r.next ? [{ childId: r.child.id, meetingId: r.next.id }] : []))
	);
	const notHeard = notHeardFilter(url.searchParams);
	return {
		name: user.displayName,
		allRows: rows,
		rows: notHeard ? rows.filter((r) => before[r.child.id]?.notHeard) : rows,
		before,
		overdue: overdueFollowUps(user.id, londonDate(Date.now())),
		notHeard
	};
};
