import type { Actions, PageServerLoad } from './$types';
import { requireResetTarget } from '$lib/server/access';
import { accountOfPerson, issuePasswordReset } from '$lib/server/password-reset';
import { auditOf } from '$lib/server/audit';
import { carerOfChild } from '$lib/server/carers';
import { letterLanguage, resetNote } from '$lib/server/welcome-letters';
import { INVITE_LIFETIME_MS } from '$lib/domain/invite-code';
import { notFound } from '$lib/server/access';
import { callName } from '$lib/domain/names';
import { done } from '$lib/server/forms';

/**
 * Reset a password: the child's own IRO or a manager for a child; a manager for a parent or carer
 * (requireResetTarget answers 404 to anyone else). It issues a one-time reset code; the password
 * only changes when the holder uses it. Recorded in the audit trail; the holder is told.
 */
export const load: PageServerLoad = ({ params, url }) => {
	const forId = url.searchParams.get('for') ?? 'child';
	const { child, target, name } = requireResetTarget(params.childId, forId);
	const account = accountOfPerson(target);
	if (!account) notFound();
	return {
		child: { id: child.id, name: callName(child) },
		person: { id: forId, name, hasEmail: Boolean(account.emailTo) },
		history: auditOf(account.id, 'password.reset_issued', 10).map((e) => ({
			id: e.id,
			name: e.name,
			at: e.at
		}))
	};
};

export const actions: Actions = {
	default: async ({ params, request, locals, url }) => {
		const forId = String((await request.formData()).get('for') ?? '');
		const { child, target, name } = requireResetTarget(params.childId, forId);
		const now = Date.now();
		const issued = issuePasswordReset(target, locals.user!, now, child.id);
		const account = accountOfPerson(target);
		if (!issued || !account) notFound();
		const carer = target.carerId ? carerOfChild(child.id, target.carerId) : undefined;
		return done('reset', {
			emailed: issued.emailed,
			note: resetNote({
				name,
				username: account.username,
				lang: letterLanguage(child, carer),
				code: issued.code,
				expiresAt: now + INVITE_LIFETIME_MS,
				origin: url.origin
			})
		});
	}
};
