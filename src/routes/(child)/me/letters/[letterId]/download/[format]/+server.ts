import type { RequestHandler } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { childLetter } from '$lib/server/outcome-letters';
import { letterDocument } from '$lib/server/documents';
import { documentDownload } from '$lib/server/downloads';
import { readerAddress } from '$lib/domain/address';

/** The child's letter in Braille (BRF) or as audio (MP3); another child's letter answers 404. */
export const GET: RequestHandler = ({ params, locals }) => {
	const child = requireOwnChild();
	const letter = childLetter(child.id, params.letterId, readerAddress(locals.user));
	return documentDownload(letter && letterDocument(letter), params.format, 'letter');
};
