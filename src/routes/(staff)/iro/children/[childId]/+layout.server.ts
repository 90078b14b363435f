import type { LayoutServerLoad } from './$types';
import { closedOnOf } from '$lib/server/access';

/** Every staff page about a child says so when the record is closed (read-only). */
export const load: LayoutServerLoad = ({ params }) => ({ closedOn: closedOnOf(params.childId) });
