import type { RequestHandler } from './$types';
import { notFound, requireChild } from '$lib/server/access';
import { postedWelcomeLetter, welcomePerson } from '$lib/server/welcome-letters';
import { welcomeDocument } from '$lib/server/documents';
import { documentDownload } from '$lib/server/downloads';

/**
 * The welcome letter of a code still waiting to be used, in Braille or as audio, posted from the
 * letter's page (the code is never put in an address). Same access as the page; a gone code is 404.
 */
export const POST: RequestHandler = async ({ params, request, url }) => {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	const form = await request.formData();
	const person = welcomePerson(child, form);
	if (!person) notFound();
	const letter = postedWelcomeLetter(child, person.carer, form, url.origin);
	return documentDownload(
		letter && welcomeDocument(letter),
		String(form.get('format') ?? ''),
		'welcome-letter'
	);
};

/** There is nothing to see at this address (the file is only ever posted for); signed out, sign in first. */
export const GET: RequestHandler = ({ params }) => {
	requireChild(params.childId, 'view', 'iro', 'manager');
	notFound();
};
