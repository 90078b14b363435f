import type { PageServerLoad } from './$types';
import { requireIro } from '$lib/server/access';
import { caseloadTableRow, keptCaseload } from '$lib/server/children';

export const load: PageServerLoad = ({ params }) => {
	const iro = requireIro(params.iroId);
	return { iro, rows: keptCaseload(iro.id).map(caseloadTableRow) };
};
