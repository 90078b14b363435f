import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { keptIros, keptServiceOverview } from '$lib/server/kept-figures';
import { IROS, shownFrom } from '$lib/domain/paging';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('manager');
	// Closed records (the child left care) are behind their own filter.
	const closed = url.searchParams.get('closed') === '1';
	// The counts are of every child; the table shows a page of them, what needs attention first.
	const shown = shownFrom(url.searchParams);
	const [overview, iros] = await Promise.all([keptServiceOverview(closed, shown), keptIros()]);
	// The IROs a page at a time too (`?iros=`): a national service has hundreds.
	const irosShown = shownFrom(url.searchParams, IROS);
	return {
		iros: iros.slice(0, irosShown),
		iroTotal: iros.length,
		counts: overview.counts,
		total: overview.total,
		rows: overview.rows,
		shown,
		unallocated: overview.unallocated,
		// Open records allocated to an IRO whose account is closed: they need a new IRO.
		needNewIro: overview.needNewIro,
		iroAdded: url.searchParams.has('iroAdded'),
		erased: url.searchParams.has('erased'),
		closed
	};
};
