import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { canResetPassword, requireChild, type Child } from '$lib/server/access';
import { carersOfChild, type Carer } from '$lib/server/carers';
import { done, failWith } from '$lib/server/forms';
import { latestInvite } from '$lib/server/auth/invites';
import {
	issueWelcomeCode,
	letterLanguage,
	postedWelcomeLetter,
	welcomeLanguage,
	welcomeLetter,
	welcomePerson
} from '$lib/server/welcome-letters';
import { downloadsFor } from '$lib/server/downloads';
import { LOCALES } from '$lib/i18n/locales';
import { INVITE_LIFETIME_MS } from '$lib/domain/invite-code';
import { callName } from '$lib/domain/names';
import { auditRead } from '$lib/server/audit';

/**
 * The welcome letter. Opening this page never issues a code: only the "Issue a code" action does
 * (and, when a code is waiting, it says that the old code stops working). A welcome letter is only
 * for someone without an account; for someone with one, the page offers a password reset instead.
 */
export const load: PageServerLoad = ({ params, url, locals }) => {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	const now = Date.now();
	auditRead(locals.user!, 'welcome_letter', { childId: child.id }, now);
	const childName = callName(child);
	const people = [
		{
			id: 'child',
			kind: 'child' as const,
			name: childName,
			hasAccount: child.userId !== null,
			language: letterLanguage(child),
			invite: latestInvite({ childId: child.id }, now)?.state ?? null
		},
		...carersOfChild(child.id).map(({ carer }) => ({
			id: carer.id,
			kind: 'carer' as const,
			name: carer.fullName,
			hasAccount: carer.userId !== null,
			language: letterLanguage(child, carer),
			invite: latestInvite({ carerId: carer.id }, now)?.state ?? null
		}))
	];
	const chosen = people.find((p) => p.id === url.searchParams.get('for')) ?? people[0];
	return {
		child: { id: child.id, name: childName },
		people: people.map(({ id, name }) => ({ id, name })),
		person: { ...chosen, canReset: canResetPassword(locals.user!, child, chosen.kind) },
		languages: LOCALES.map(({ code, name }) => ({ code, name, downloads: downloadsFor(code) }))
	};
};

/** The welcome letter for a code, in the language the form chose (or the person's). */
function letterOf(
	event: RequestEvent,
	form: FormData,
	about: { child: Child; carer?: Carer; code: string; expiresAt: number }
) {
	const lang = welcomeLanguage(form, about.child, about.carer);
	return welcomeLetter({ ...about, lang, origin: event.url.origin });
}

async function start({ params, request }: RequestEvent) {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	const form = await request.formData();
	return { child, form, person: welcomePerson(child, form) };
}

export const actions: Actions = {
	/** Issues a new code (any earlier one stops working) and shows the letter. Never for an account holder. */
	issue: async (event) => {
		const { child, form, person } = await start(event);
		if (!person) return failWith(form, { for: 'errors:invite.forRequired' });
		const { carer } = person;
		const now = Date.now();
		const code = issueWelcomeCode(child, carer, event.locals.user!.id, now);
		if (!code) return failWith(form, { for: 'errors:invite.hasAccount' });
		return done('issued', {
			letter: letterOf(event, form, { child, carer, code, expiresAt: now + INVITE_LIFETIME_MS })
		});
	},
	/** Shows the letter of the code waiting to be used again (e.g. in another language): issues nothing. */
	show: async (event) => {
		const { child, form, person } = await start(event);
		if (!person) return failWith(form, { for: 'errors:invite.forRequired' });
		const letter = postedWelcomeLetter(child, person.carer, form, event.url.origin);
		if (!letter) return failWith(form, { for: 'errors:invite.codeGone' });
		// "Print in large print": this letter only, without changing the IRO's settings.
		const print = form.get('print');
		return done('shown', { letter, print: print === 'large' || print === 'xlarge' ? print : null });
	}
};
