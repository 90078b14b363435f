import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isLocale } from '$lib/i18n/locales';
import { languageKitOf } from '$lib/i18n/language-kit';

/**
 * A language's date kit and language names for the browser (`i18n/language-kit.ts`). The same for
 * every reader, and its address changes with each release: kept by the browser for a year. Private:
 * a signed-in reader's answer carries their refreshed session cookie, which no shared cache may keep.
 */
export const GET: RequestHandler = ({ params }) => {
	if (!isLocale(params.lang)) error(404, 'Not found');
	return json(languageKitOf(params.lang), {
		headers: { 'Cache-Control': 'private, max-age=31536000, immutable' }
	});
};
