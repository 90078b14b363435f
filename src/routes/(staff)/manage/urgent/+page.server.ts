import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { urgentOf } from '$lib/server/urgent';
import { config } from '$lib/server/config';

/** Every urgent message ("I don't feel safe"), newest first, with how long it took to acknowledge. */
export const load: PageServerLoad = () => {
	requireRole('manager');
	return { rows: urgentOf(), now: Date.now(), ackMinutes: config().urgentAckMinutes };
};
