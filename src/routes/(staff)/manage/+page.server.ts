import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { keptIros } from '$lib/server/accounts';
import { caseloadTableRow, keptCaseload } from '$lib/server/children';
import { shownFrom } from '$lib/domain/paging';
import { caseloadCounts } from '$lib/domain/timescales';

export const load: PageServerLoad = ({ url }) => {
	requireRole('manager');
	// Closed records (the child left care) are behind their own filter.
	const closed = url.searchParams.get('closed') === '1';
	const all = keptCaseload(null);
	const rows = all.filter((r) => (r.child.closedAt !== null) === closed);
	const iros = keptIros();
	const closedIros = new Set(iros.filter((i) => i.deactivatedAt !== null).map((i) => i.id));
	// The counts are of every child; the table shows a page of them, what needs attention first.
	const shown = shownFrom(url.searchParams);
	// The IROs a page at a time too (`?iros=`): a national service has hundreds.
	const irosShown = shownFrom(url.searchParams, 'iros');
	return {
		iros: iros.slice(0, irosShown),
		iroTotal: iros.length,
		counts: caseloadCounts(rows),
		total: rows.length,
		rows: rows.slice(0, shown).map(caseloadTableRow),
		shown,
		unallocated: all.filter((r) => !r.child.iroId && r.child.closedAt === null).length,
		// Open records allocated to an IRO whose account is closed: they need a new IRO.
		needNewIro: all.filter((r) => r.child.closedAt === null && closedIros.has(r.child.iroId ?? '')).length,
		iroAdded: url.searchParams.has('iroAdded'),
		erased: url.searchParams.has('erased'),
		closed
	};
};
