import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { caseloadTableRow } from '$lib/server/children';
import { keptCaseload } from '$lib/server/kept-figures';
// Who the IRO has heard from before each upcoming meeting.
import { beforeTheMeeting } from '$lib/server/pack';
import { notHeardFilter } from '$lib/domain/pack';
// Overdue follow-ups (decisions of held reviews) per child.
import { overdueFollowUps } from '$lib/server/follow-ups';
import { londonDate } from '$lib/domain/dates';
import { caseloadCounts } from '$lib/domain/timescales';
// Open and overdue concerns in the oversight log.
import { openConcerns } from '$lib/server/oversight';
// Open requests for a document in another format or language (issue 13).
import { openFormatCounts } from '$lib/server/formats';
import { CASELOAD, shownFrom } from '$lib/domain/paging';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('iro');
	// Closed records (the child left care) are behind their own filter.
	const closed = url.searchParams.get('closed') === '1';
	const rows = (await keptCaseload(user.id)).filter((r) => (r.child.closedAt !== null) === closed);
	const notHeard = notHeardFilter(url.searchParams);
	// The "Waiting to be written up" filter.
	const toWriteUp = url.searchParams.get('toWriteUp') === '1';
	// Who has been heard from before each next meeting: of every row when that is the filter, else
	// only of the rows the page shows.
	const nextMeetings = (list: typeof rows) =>
		beforeTheMeeting(list.flatMap((r) => (r.next ? [{ childId: r.child.id, meetingId: r.next.id }] : [])));
	const heard = notHeard ? nextMeetings(rows) : null;
	const filtered = rows.filter(
		(r) => (!heard || heard[r.child.id]?.notHeard) && (!toWriteUp || r.toWriteUp > 0)
	);
	// The counts are of the whole caseload; the table shows a page, what needs attention first.
	const shown = shownFrom(url.searchParams, CASELOAD);
	const page = filtered.slice(0, shown);
	const before = heard ?? nextMeetings(page);
	return {
		name: user.displayName,
		counts: caseloadCounts(rows),
		total: filtered.length,
		shown,
		rows: page.map(caseloadTableRow),
		before: Object.fromEntries(
			page.flatMap((r) => (before[r.child.id] ? [[r.child.id, before[r.child.id]]] : []))
		),
		overdue: overdueFollowUps(user.id, londonDate(Date.now())),
		concerns: openConcerns(user.id, londonDate(Date.now())),
		formats: openFormatCounts(user.id),
		notHeard,
		toWriteUp,
		closed
	};
};
