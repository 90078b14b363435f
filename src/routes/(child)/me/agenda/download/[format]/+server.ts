import type { RequestHandler } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { agendaDocument } from '$lib/server/documents';
import { documentDownload } from '$lib/server/downloads';

/** The child's agenda and running order in Braille or as audio, in the language of their pages. */
export const GET: RequestHandler = ({ params, locals }) => {
	const child = requireOwnChild();
	return documentDownload(agendaDocument(child.id, locals.lang, locals.t), params.format, 'agenda');
};
