import { z } from 'zod';
import { message, requiredText, requiredAsSent } from './text';
import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/domain/password-rules';
import { isSingleScript, normaliseName } from '$lib/domain/confusables';

export const signInSchema = z.object({
	login: requiredText('errors:signIn.loginRequired', 254),
	password: z
		.string()
		.default('')
		.pipe(
			z
				.string()
				.min(1, message('errors:signIn.passwordRequired'))
				.max(PASSWORD_MAX, message('errors:signIn.wrong'))
		)
});

/** Passwords or passphrases: long ones welcome, no composition rules, paste allowed. */
export const newPassword = z
	.string()
	.default('')
	.pipe(
		z
			.string()
			.min(1, message('errors:password.required'))
			.min(PASSWORD_MIN, message('errors:password.tooShort', { count: PASSWORD_MIN }))
			.max(PASSWORD_MAX, message('errors:password.tooLong', { count: PASSWORD_MAX }))
	);

export const USERNAME = /^[\p{L}\p{N}._-]{3,40}$/u;

/** NFKC without invisible characters; letters of one writing system (not `sаm` with a Cyrillic а). */
export const username = requiredText('errors:username.required', 40)
	.transform(normaliseName)
	.pipe(
		z
			.string()
			.min(3, message('errors:username.format'))
			.regex(USERNAME, message('errors:username.format'))
			.refine(isSingleScript, message('errors:username.mixedScript'))
	);

export const inviteCodeSchema = z.object({
	code: requiredText('errors:join.codeRequired', 64)
});

export const changePasswordSchema = z.object({
	current: requiredAsSent('errors:password.currentRequired', PASSWORD_MAX),
	password: newPassword
});
