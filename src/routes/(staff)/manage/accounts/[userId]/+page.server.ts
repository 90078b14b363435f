import type { Actions, PageServerLoad } from './$types';
import { requireAccountToEnd } from '$lib/server/access';
import { accountSummary, childrenNeedingIro, deactivateAccount, reactivateAccount } from '$lib/server/ending';
import { afterPost, done } from '$lib/server/forms';

/** Closing an account (a staff member who left, a carer) and opening it again: a manager, audited. */
export const load: PageServerLoad = ({ params, url }) => {
	const { target } = requireAccountToEnd(params.userId);
	return {
		account: accountSummary(target.id)!,
		needNewIro: childrenNeedingIro(target.id),
		done: url.searchParams.get('done')
	};
};

export const actions: Actions = {
	deactivate: async (event) => {
		const { user, target } = requireAccountToEnd(event.params.userId);
		deactivateAccount(target.id, user.id);
		return afterPost(event, done('deactivated'));
	},
	reactivate: async (event) => {
		const { user, target } = requireAccountToEnd(event.params.userId);
		reactivateAccount(target.id, user.id);
		return afterPost(event, done('reactivated'));
	}
};
