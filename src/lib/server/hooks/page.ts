import type { Handle } from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, localeInfo, negotiateLocale } from '$lib/i18n/locales';
import { displayAttributes, parseDisplay } from '$lib/display';
import { translator } from '../i18n';
import { readerAddress } from '$lib/domain/address';

export const LANGUAGE_COOKIE = 'vb_lang';
export const DISPLAY_COOKIE = 'vb_display';

/**
 * Language and display settings for this request: the signed-in user's choice, else the visitor's
 * cookie, else (language only) Accept-Language. Written into <html> on the server.
 */
export const handlePage: Handle = async ({ event, resolve }) => {
	const { user } = event.locals;
	const cookieLang = event.cookies.get(LANGUAGE_COOKIE);
	const lang = isLocale(user?.language)
		? user.language
		: isLocale(cookieLang)
			? cookieLang
			: (negotiateLocale(event.request.headers.get('accept-language')) ?? DEFAULT_LOCALE);
	event.locals.lang = lang;
	event.locals.t = translator(lang, readerAddress(user));
	event.locals.display = parseDisplay(user ? user.display : event.cookies.get(DISPLAY_COOKIE));

	const { dir } = localeInfo(lang);
	const attributes = displayAttributes(event.locals.display);
	return resolve(event, {
		// The placeholders are in <html>, before <head>: only that start is rewritten, not copied three
		// times with the whole page (a long report is several hundred kilobytes).
		transformPageChunk: ({ html }) => {
			const head = html.indexOf('<head');
			const start = head < 0 ? html : html.slice(0, head);
			const filled = start.replace('%lang%', lang).replace('%dir%', dir).replace('%display%', attributes);
			return head < 0 ? filled : filled + html.slice(head);
		}
	});
};
