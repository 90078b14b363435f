import type { PageServerLoad } from './$types';
import { notFound, requireOwnChild } from '$lib/server/access';
import { childLetter } from '$lib/server/outcome-letters';
import { downloadsFor } from '$lib/server/downloads';
import { readerAddress } from '$lib/domain/address';

/** One letter from the child's IRO, as it was sent, in its language; another child's answers 404. */
export const load: PageServerLoad = ({ params, locals }) => {
	const child = requireOwnChild();
	const letter = childLetter(child.id, params.letterId, readerAddress(locals.user));
	if (!letter) notFound();
	return { letter, downloads: downloadsFor(letter.lang) };
};
