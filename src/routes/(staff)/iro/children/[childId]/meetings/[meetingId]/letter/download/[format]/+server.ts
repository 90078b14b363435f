import type { RequestHandler } from './$types';
import { requireHeldReview } from '$lib/server/access';
import { letterPreview } from '$lib/server/outcome-letters';
import { letterDocument } from '$lib/server/documents';
import { documentDownload } from '$lib/server/downloads';

/** The IRO's preview of the letter (exactly what the child reads) in Braille or as audio. */
export const GET: RequestHandler = ({ params }) => {
	const { child, meeting } = requireHeldReview(params.childId, params.meetingId);
	return documentDownload(letterDocument(letterPreview(child, meeting).preview), params.format, 'letter');
};
