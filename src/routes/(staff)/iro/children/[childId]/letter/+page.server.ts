import type { Actions, PageServerLoad } from './$types';
import { requireChild } from '$lib/server/access';
import { carerOfChild, carersOfChild } from '$lib/server/carers';
import { failWith } from '$lib/server/forms';
import { issueInvite } from '$lib/server/auth/invites';
import { getUser, iroCard } from '$lib/server/accounts';
import { translator } from '$lib/server/i18n';
import { config } from '$lib/server/config';
import { isLocale, localeInfo, LOCALES, type Locale } from '$lib/i18n/locales';
import { formatDate } from '$lib/format';
import { londonDate } from '$lib/domain/dates';
import { INVITE_LIFETIME_MS } from '$lib/domain/invite-code';

export const load: PageServerLoad = ({ params }) => {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	const childUser = child.userId ? getUser(child.userId) : undefined;
	return {
		child: { id: child.id, name: child.preferredName ?? child.fullName },
		people: [
			{ id: 'child', name: child.preferredName ?? child.fullName, language: childUser?.language ?? 'en' },
			...carersOfChild(child.id).map(({ carer }) => ({
				id: carer.id,
				name: carer.fullName,
				language: carer.language ?? 'en'
			}))
		],
		languages: LOCALES.map(({ code, name }) => ({ code, name }))
	};
};

export const actions: Actions = {
	/** Issues a new code (the old one stops working) and returns the letter, written in the chosen language. */
	default: async ({ params, request, url, locals }) => {
		const child = requireChild(params.childId, 'manage', 'iro', 'manager');
		const form = await request.formData();
		const target = String(form.get('for') ?? '');
		const chosen = form.get('language');
		const carer = target === 'child' ? undefined : carerOfChild(child.id, target);
		if (target !== 'child' && !carer) return failWith(form, { for: 'errors:invite.forRequired' });
		const known = carer ? carer.language : child.userId ? getUser(child.userId)?.language : null;
		const lang: Locale = isLocale(chosen) ? chosen : isLocale(known) ? known : locals.lang;

		const now = Date.now();
		const code = issueInvite(carer ? { carerId: carer.id } : { childId: child.id }, locals.user!.id, now);
		const t = translator(lang);
		const { intl, dir } = localeInfo(lang);
		const iro = iroCard(child.iroId);
		const childName = child.preferredName ?? child.fullName;
		const audience = carer ? 'carer' : 'child';
		const values = {
			name: carer ? carer.fullName : childName,
			child: childName,
			iro: iro?.displayName ?? '',
			council: config().councilName,
			url: `${url.origin}/join`,
			date: formatDate(londonDate(now + INVITE_LIFETIME_MS), intl)
		};
		return {
			letter: {
				lang,
				dir,
				code,
				title: t(`letter:${audience}.title`, values),
				intro: t(`letter:${audience}.intro`, values),
				iroLine: iro ? t('letter:iroLine', values) : '',
				iroAbout: t('letter:iroAbout'),
				stepsTitle: t('letter:stepsTitle'),
				steps: [t('letter:step1', values), t('letter:step2'), t('letter:step3')],
				codeLabel: t('letter:codeLabel'),
				expiry: t('letter:expiry', values),
				contactTitle: t('letter:contactTitle', values),
				phone: iro?.phone ? t('letter:phone', { phone: iro.phone }) : '',
				help: t('letter:help'),
				signOff: t('letter:signOff', values),
				url: values.url
			}
		};
	}
};
