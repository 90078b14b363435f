import type { LayoutServerLoad } from './$types';
import { config } from '$lib/server/config';
import { retentionPeriods } from '$lib/domain/retention';

/** Both privacy notices: who to ask at the council, and what the housekeeping deletes after how long. */
export const load: LayoutServerLoad = () => {
	const { councilPhone, dpoContact } = config();
	return { councilPhone, dpoContact, periods: retentionPeriods() };
};
