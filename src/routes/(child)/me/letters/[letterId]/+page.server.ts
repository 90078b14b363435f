import type { PageServerLoad } from './$types';
import { notFound, requireOwnChild } from '$lib/server/access';
import { contentOf, sentLetterOf, wordsFrom } from '$lib/server/outcomes';
import { renderLetter } from '$lib/server/outcome-letters';
import { isLocale } from '$lib/i18n/locales';
import { readerAddress } from '$lib/domain/address';

/** One letter from the child's IRO, as it was sent, in its language; another child's answers 404. */
export const load: PageServerLoad = ({ params, locals }) => {
	const child = requireOwnChild();
	const letter = sentLetterOf(child.id, params.letterId);
	const content = letter && contentOf(letter);
	if (!letter || !content) notFound();
	return {
		letter: renderLetter(
			content,
			wordsFrom(letter.words),
			isLocale(letter.locale) ? letter.locale : 'en',
			readerAddress(locals.user),
			letter.wordsLang
		)
	};
};
