import { browser } from '$app/environment';
import type { LayoutLoad } from './$types';
import { messagesOf } from '$lib/i18n/messages';
import { fetchedLanguageKit, languageKitOf } from '$lib/i18n/language-kit';

// The strings, date kit and language names are not part of the server's data (so not in every page's
// HTML, nor sent again on each navigation): the browser loads its language's strings and kit once and
// keeps them (i18n/messages.ts, i18n/language-kit.ts); the server makes the kit itself.
export const load: LayoutLoad = async ({ data }) => {
	const [messages, kit] = await Promise.all([
		messagesOf(data.lang),
		browser ? fetchedLanguageKit(data.lang) : languageKitOf(data.lang)
	]);
	return { ...data, messages, ...kit };
};
