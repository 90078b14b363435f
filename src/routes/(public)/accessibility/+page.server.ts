import type { PageServerLoad } from './$types';
import { AWAITING_FLUENT_CHECK, LOCALE_CODES, languageList } from '$lib/i18n/locales';
import { hasBraille } from '$lib/server/braille';
import { hasVoice } from '$lib/server/audio';
import { config } from '$lib/server/config';

/**
 * Which languages have no Braille code, no voice, or are awaiting a fluent reader's check, named in the
 * reader's language on the server (whose language data is complete), and whom to tell about a wrong word.
 */
export const load: PageServerLoad = ({ locals }) => {
	const { councilName, councilPhone } = config();
	const named = (codes: readonly string[]) => (codes.length ? languageList(codes, locals.lang) : null);
	return {
		noBraille: named(LOCALE_CODES.filter((code) => !hasBraille(code))),
		noAudio: named(LOCALE_CODES.filter((code) => !hasVoice(code))),
		awaitingCheck: named(AWAITING_FLUENT_CHECK),
		councilPhone,
		councilName
	};
};
