import type { RequestHandler } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { sayDocument } from '$lib/server/documents';
import { documentDownload } from '$lib/server/downloads';

/** The My say questions for the child's age in Braille or as audio, in the language of their pages. */
export const GET: RequestHandler = ({ params, locals }) => {
	const child = requireOwnChild();
	return documentDownload(sayDocument(child, locals.lang, locals.t), params.format, 'my-say');
};
