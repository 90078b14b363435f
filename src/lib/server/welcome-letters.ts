import { getUser, iroCard } from './accounts';
import { translator } from './i18n';
import { config } from './config';
import { carerOfChild, type Carer } from './carers';
import type { Child } from './access';
import { formatDate } from '$lib/format';
import { londonDate } from '$lib/domain/dates';
import { localeFromLanguages } from '$lib/i18n/letter-language';
import { isLocale, localeInfo, type Locale } from '$lib/i18n/locales';
import { callName } from '$lib/domain/names';
import { write } from './db';
import { issueInvite, waitingInvite } from './auth/invites';
import { recordAudit } from './audit';

/**
 * The printed letters that carry a code: the welcome letter (an invite code, for someone without an
 * account) and the password reset note (a reset code). Written in the person's own language unless
 * the IRO chooses another.
 */

/**
 * Issues a welcome letter's invite code for the child or one of their carers (any earlier code
 * stops working) and records who did, in the child's audit trail; null for an account holder.
 */
export function issueWelcomeCode(child: Child, carer: Carer | undefined, byUserId: string, now = Date.now()) {
	return write((tx) => {
		const code = issueInvite(
			carer ? { carerId: carer.id } : { childId: child.id },
			byUserId,
			now,
			'invite',
			tx
		);
		if (code)
			recordAudit(
				{ userId: byUserId, action: 'invite.issued', subjectId: carer?.id ?? child.id, childId: child.id },
				now,
				tx
			);
		return code;
	});
}

/** The person's own language: their account's, else the carer record's or the child record's. */
export function letterLanguage(child: Child, carer?: Carer): Locale {
	const userId = carer ? carer.userId : child.userId;
	const own = userId ? getUser(userId)?.language : null;
	if (isLocale(own)) return own;
	if (carer) return isLocale(carer.language) ? carer.language : 'en';
	return localeFromLanguages(child.languages) ?? 'en';
}

export function welcomeLetter(input: {
	child: Child;
	carer?: Carer;
	lang: Locale;
	code: string;
	expiresAt: number;
	origin: string;
}) {
	const { child, carer, lang } = input;
	const t = translator(lang);
	const iro = iroCard(child.iroId);
	const childName = callName(child);
	const audience = carer ? 'carer' : 'child';
	const values = {
		name: carer ? carer.fullName : childName,
		child: childName,
		iro: iro?.displayName ?? '',
		council: config().councilName,
		url: `${input.origin}/join`,
		date: formatDate(londonDate(input.expiresAt), localeInfo(lang).intl)
	};
	return {
		lang,
		dir: localeInfo(lang).dir,
		code: input.code,
		title: t(`letter:${audience}.title`, values),
		intro: t(`letter:${audience}.intro`, values),
		iroLine: iro ? t(`letter:${audience}.iroLine`, values) : '',
		iroAbout: t(`letter:${audience}.iroAbout`, values),
		stepsTitle: t('letter:stepsTitle'),
		steps: [t('letter:step1', values), t('letter:step2'), t('letter:step3')],
		codeLabel: t('letter:codeLabel'),
		expiry: t('letter:expiry', values),
		contactTitle: t('letter:contactTitle', values),
		phone: iro?.phone ? t('letter:phone', { phone: iro.phone }) : '',
		help: t('letter:help'),
		signOff: t('letter:signOff', values),
		url: values.url
	};
}

/**
 * The welcome letter of a code that is still waiting to be used, in the chosen language: shown again
 * on its page, and downloaded in Braille or as audio. Issues nothing; null once the code is gone.
 */
export function waitingWelcomeLetter(input: {
	child: Child;
	carer?: Carer;
	code: string;
	lang: Locale;
	origin: string;
}) {
	const { child, carer } = input;
	const invite = waitingInvite(
		carer ? { carerId: carer.id } : { childId: child.id },
		input.code.slice(0, 64)
	);
	if (!invite || invite.purpose !== 'invite') return null;
	return welcomeLetter({ ...input, code: input.code.slice(0, 64), expiresAt: invite.expiresAt });
}

/** The person a welcome letter form is about: the child, or a carer linked to them; null if neither. */
export function welcomePerson(child: Child, form: FormData): { carer?: Carer } | null {
	const target = String(form.get('for') ?? '');
	if (target === 'child') return {};
	const carer = carerOfChild(child.id, target);
	return carer ? { carer } : null;
}

/** The language a welcome letter form chose, or the person's own. */
export function welcomeLanguage(form: FormData, child: Child, carer?: Carer): Locale {
	const chosen = form.get('language');
	return isLocale(chosen) ? chosen : letterLanguage(child, carer);
}

/** The letter of the waiting code a welcome letter form posted (its code and chosen language), or null. */
export function postedWelcomeLetter(child: Child, carer: Carer | undefined, form: FormData, origin: string) {
	return waitingWelcomeLetter({
		child,
		carer,
		code: String(form.get('code') ?? ''),
		lang: welcomeLanguage(form, child, carer),
		origin
	});
}

/** The short note that carries a password reset code, in the account holder's language. */
export function resetNote(input: {
	name: string;
	username: string;
	lang: Locale;
	code: string;
	expiresAt: number;
	origin: string;
}) {
	const t = translator(input.lang);
	const values = {
		name: input.name,
		username: input.username,
		url: `${input.origin}/join`,
		date: formatDate(londonDate(input.expiresAt), localeInfo(input.lang).intl)
	};
	return {
		lang: input.lang,
		dir: localeInfo(input.lang).dir,
		code: input.code,
		title: t('letter:reset.title', values),
		intro: t('letter:reset.intro'),
		steps: [t('letter:step1', values), t('letter:step2'), t('letter:reset.step3', values)],
		codeLabel: t('letter:codeLabel'),
		expiry: t('letter:reset.expiry', values)
	};
}
