import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/access';
import { reportCsv } from '$lib/server/report-page';

/** One table of the report as a CSV file (small counts read "fewer than 5"). */
export const GET: RequestHandler = ({ url, params }) => reportCsv(requireRole('iro'), url, params.table);
