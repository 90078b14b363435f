import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { reportPage } from '$lib/server/report-page';

/** The service's figures for a period (the IRO's own caseload). */
export const load: PageServerLoad = ({ url }) => reportPage(requireRole('iro'), url);
