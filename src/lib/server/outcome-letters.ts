import { translator } from './i18n';
import { formatDate, formatDateTime } from '$lib/format';
import { isLocale, languageName, localeInfo, type Locale } from '$lib/i18n/locales';
import { LETTER_PARTS, type LetterPart, type LetterView, type LetterWords } from '$lib/domain/outcomes';
import { contentOf, letterContent, letterOf, sentLetterOf, wordsFrom, type LetterContent } from './outcomes';
import { letterLanguage } from './welcome-letters';
import { addressOfAccount } from './accounts';
import type { Child } from './access';
import type { Meeting } from './meetings';
import type { AddressContext } from '$lib/domain/address';

/**
 * "A letter from your IRO" after a meeting, as the child reads it: the set words in the letter's
 * language (outcomes.json), the IRO's own words as they wrote them. The IRO's preview and the child's
 * page render this same object with the same component, so the preview is exactly what the child sees
 * (addressed as the child asked, in languages where that changes the words).
 */
export type RenderedLetter = LetterView<Locale>;

export function renderLetter(
	content: LetterContent,
	words: LetterWords,
	lang: Locale,
	address?: AddressContext,
	wordsLang: string | null = null
): RenderedLetter {
	const t = translator(lang, address);
	const { intl, dir } = localeInfo(lang);
	const who = (role: string, name: string) => {
		const label = t(`outcomes:letter.who.${role}`);
		return name ? t('outcomes:letter.whoNamed', { who: label, name }) : label;
	};
	const lines: Record<LetterPart, string[]> = {
		thanks: [t('outcomes:letter.thanks.text')],
		told: [t(content.items.length ? 'outcomes:letter.told.text' : 'outcomes:letter.told.none')],
		decided: [t(content.decisions.length ? 'outcomes:letter.decided.text' : 'outcomes:letter.decided.none')],
		next: [t('outcomes:letter.next.text')],
		nextMeeting: [
			content.nextMeeting
				? t('outcomes:letter.nextMeeting.date', { date: formatDateTime(content.nextMeeting, intl) })
				: t('outcomes:letter.nextMeeting.none')
		],
		contact: [
			t('outcomes:letter.contact.text'),
			...(content.iro?.phone ? [t('outcomes:letter.contact.phone', { phone: content.iro.phone })] : [])
		]
	};
	return {
		lang,
		dir,
		title: t('outcomes:letter.title'),
		dear: t('outcomes:letter.dear', { name: content.childName }),
		about: content.heldOn
			? t('outcomes:letter.about', { date: formatDate(content.heldOn, intl) })
			: t('outcomes:letter.aboutNoDate'),
		iroAbout: t('outcomes:letter.iroAbout'),
		parts: LETTER_PARTS.map((part) => ({
			part,
			heading: t(`outcomes:letter.${part}.heading`),
			lines: lines[part],
			words: words[part],
			...(part === 'told'
				? {
						items: content.items.map((i) => ({
							said: i.said,
							saidLang: i.saidLang ?? null,
							did: i.did || t('outcomes:letter.told.notYet'),
							// "I will tell you soon" is the letter's own words, in the letter's language.
							didLang: i.did ? (i.didLang ?? null) : lang
						}))
					}
				: {}),
			...(part === 'decided'
				? {
						decisions: content.decisions.map((d) => ({
							text: d.text,
							lang: d.lang ?? null,
							who: t('outcomes:letter.decided.who', { who: who(d.whoRole, d.whoName) }),
							when: t('outcomes:letter.decided.when', { date: formatDate(d.dueOn, intl) })
						}))
					}
				: {})
		})),
		wordsLang,
		wordsNote:
			wordsLang && wordsLang !== lang && content.iro
				? t('common:writtenIn', { name: content.iro.name, language: languageName(wordsLang, lang) })
				: null,
		labels: { said: t('outcomes:letter.told.said'), did: t('outcomes:letter.told.did') },
		signOff: content.iro
			? t('outcomes:letter.signOff', { name: content.iro.name })
			: t('outcomes:letter.signOffNoName')
	};
}

/**
 * The IRO's preview of the letter after a held review: as sent, or as it would be sent now with the
 * draft's words, in the letter's language (the child's, until the IRO chooses another).
 */
export function letterPreview(child: Child, meeting: Meeting) {
	const letter = letterOf(meeting.id);
	const locale: Locale = letter && isLocale(letter.locale) ? letter.locale : letterLanguage(child);
	const words = wordsFrom(letter?.words);
	const sent = letter?.sentAt ? contentOf(letter) : null;
	return {
		letter,
		locale,
		words,
		preview: renderLetter(
			sent ?? letterContent(meeting, child, Date.now(), locale),
			words,
			locale,
			addressOfAccount(child.userId),
			letter?.wordsLang ?? null
		)
	};
}

/** A letter the child was sent, as they read it; null if it is not theirs or not sent. */
export function childLetter(
	childId: string,
	letterId: string,
	address?: AddressContext
): RenderedLetter | null {
	const letter = sentLetterOf(childId, letterId);
	const content = letter && contentOf(letter);
	if (!letter || !content) return null;
	return renderLetter(
		content,
		wordsFrom(letter.words),
		isLocale(letter.locale) ? letter.locale : 'en',
		address,
		letter.wordsLang
	);
}
