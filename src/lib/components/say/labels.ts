import type { AnswerValue, Question } from '$lib/domain/consultation';
import type { Translate } from '$lib/i18n/translate';

/** Pictures for "My say". They are decoration only (aria-hidden): the word is the label. */
export const FEELING_EMOJI: Record<string, string> = {
	happy: '😀',
	ok: '😐',
	sad: '😢',
	worried: '😟',
	angry: '😠'
};

export const PICTURE_EMOJI: Record<string, string> = {
	family: '👪',
	friends: '🤝',
	school: '🏫',
	play: '⚽',
	pets: '🐶',
	food: '🍎',
	carer: '🤗',
	outside: '🌳',
	home: '🏠',
	moving: '📦',
	feelings: '💭',
	health: '🤒',
	nothing: '👍',
	hobby: '🎨',
	holiday: '🏖️',
	grownUp: '🚀',
	pet: '🐱'
};

/** An answer in words, for "check your answers" and the "changed in another window" notice. */
export function answerText(
	t: Translate,
	question: Pick<Question, 'kind'>,
	value: AnswerValue | undefined
): string {
	if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) return '';
	switch (question.kind) {
		case 'scale':
			return t('say:scale.value', { value });
		case 'feeling':
			return t(`say:feelings.${value}`);
		case 'pictures':
			return (Array.isArray(value) ? value : [String(value)]).map((p) => t(`say:pictures.${p}`)).join(', ');
		default:
			return String(value);
	}
}

/**
 * The picture for an emoji, as a file the site serves itself (Noto Emoji, Apache 2.0: see
 * static/pictures/README.md), so the cards look the same on a device without a colour emoji font.
 */
export function pictureFile(emoji: string): string {
	const points = [...emoji].map((c) => c.codePointAt(0)!.toString(16)).filter((p) => p !== 'fe0f');
	return `/pictures/emoji_u${points.join('_')}.svg`;
}

/** The picture for one answer of the 4–7 version (a face, or a picture card), if it has one. */
export function answerPicture(kind: Question['kind'], value: string): string | undefined {
	const emoji = kind === 'feeling' ? FEELING_EMOJI[value] : kind === 'pictures' ? PICTURE_EMOJI[value] : '';
	return emoji ? pictureFile(emoji) : undefined;
}

/** A face or picture-card answer as words, each with its picture (null for other kinds of question). */
export function answerPictures(
	t: Translate,
	question: Pick<Question, 'kind'>,
	value: AnswerValue | undefined
): Array<{ value: string; label: string; picture?: string }> | null {
	if (question.kind !== 'feeling' && question.kind !== 'pictures') return null;
	if (value === undefined || value === '') return [];
	const ns = question.kind === 'feeling' ? 'feelings' : 'pictures';
	return (Array.isArray(value) ? value : [String(value)]).map((v) => ({
		value: v,
		label: t(`say:${ns}.${v}`),
		picture: answerPicture(question.kind, v)
	}));
}
