import type { PageServerLoad } from './$types';
import { requireIro } from '$lib/server/access';
import { caseloadTableRow } from '$lib/server/children';
import { keptCaseload } from '$lib/server/kept-figures';

export const load: PageServerLoad = async ({ params }) => {
	const iro = requireIro(params.iroId);
	return { iro, rows: (await keptCaseload(iro.id)).map(caseloadTableRow) };
};
