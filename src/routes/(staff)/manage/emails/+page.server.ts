import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { failedEmailCount, failedEmails } from '$lib/server/notify';
import { shownFrom } from '$lib/domain/paging';

/** Emails given up on after their last attempt, newest first, 50 at a time: never their body. */
export const load: PageServerLoad = ({ url }) => {
	requireRole('manager');
	const shown = shownFrom(url.searchParams);
	return { rows: failedEmails(shown), shown, total: failedEmailCount() };
};
