import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/access';
import { markNoticesSeen, unseenNotices } from '$lib/server/password-reset';
import { config } from '$lib/server/config';
import { homeOf, safeReturnTo } from '$lib/routes';

/**
 * What the account holder must be told, shown once after signing in (for now: that someone issued a
 * code to reset their password). With nothing to tell, it goes straight on.
 */
export const load: PageServerLoad = ({ url }) => {
	const user = requireUser();
	const next = safeReturnTo(url.searchParams.get('returnTo'), url.origin, homeOf(user.role));
	const notices = unseenNotices(user.id);
	if (!notices.length) redirect(303, next);
	markNoticesSeen(
		user.id,
		notices.map((n) => n.id)
	);
	return {
		child: user.role === 'child',
		next,
		phone: config().councilPhone,
		notices: notices.map((n) => ({ id: n.id, byName: n.byName ?? '', at: n.createdAt }))
	};
};
