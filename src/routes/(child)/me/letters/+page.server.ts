import type { PageServerLoad } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { lettersOfChild } from '$lib/server/outcomes';

/** Every letter the child's IRO sent after a meeting, newest first. */
export const load: PageServerLoad = () => {
	const child = requireOwnChild();
	return { letters: lettersOfChild(child.id) };
};
