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
