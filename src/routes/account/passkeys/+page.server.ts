import type { Actions, PageServerLoad } from './$types';
import { addPasskeySchema, removePasskeySchema } from '$lib/forms/passkeys';
import { afterPost, done, failWith, parseForm } from '$lib/server/forms';
import { notFound, requirePasskeyOwner } from '$lib/server/access';
import { config } from '$lib/server/config';
import {
	addPasskey,
	newRecoveryCodes,
	passkeysOf,
	recoveryCodesLeft,
	registrationOptions,
	removePasskey,
	secondFactorStepOf
} from '$lib/server/passkeys';
import { mayRemovePasskey } from '$lib/domain/second-factor';
import { homeOf, safeReturnTo } from '$lib/routes';

/** A staff member's passkeys and recovery codes; also where one who must set a passkey up is sent. */
export const load: PageServerLoad = ({ url, locals }) => {
	const { user } = requirePasskeyOwner();
	const mode = config().staffSecondFactor;
	const passkeys = passkeysOf(user.id);
	return {
		passkeys,
		codesLeft: recoveryCodesLeft(user.id),
		setup: secondFactorStepOf(user, locals.secondFactorAt ?? null) === 'setup',
		required: mode === 'required',
		mayRemove: mayRemovePasskey(mode, passkeys.length),
		next: safeReturnTo(url.searchParams.get('returnTo'), url.origin, homeOf(user.role)),
		done: url.searchParams.get('done') ?? ''
	};
};

export const actions: Actions = {
	/** The options for the browser's passkey prompt (asked for by the page's script, just before). */
	options: async () => {
		const { user, sessionId } = requirePasskeyOwner();
		return done('options', { options: await registrationOptions(user, sessionId) });
	},
	add: async (event) => {
		const { user, sessionId } = requirePasskeyOwner();
		const form = await event.request.formData();
		const parsed = parseForm(addPasskeySchema, form);
		if (parsed.failure) return parsed.failure;
		const added = await addPasskey(user, sessionId, parsed.data.name, parsed.data.response);
		if (!added.ok) return failWith(form, { response: `passkeys:errors.${added.reason}` });
		// The first passkey comes with recovery codes, shown on this answer only (never in a link).
		if (added.codes) return done('added', { codes: added.codes });
		return afterPost(event, done('added'));
	},
	remove: async (event) => {
		const { user } = requirePasskeyOwner();
		const form = await event.request.formData();
		const parsed = parseForm(removePasskeySchema, form);
		if (parsed.failure) return parsed.failure;
		const removed = removePasskey(user.id, parsed.data.passkeyId);
		if (removed === 'notFound') notFound();
		if (removed === 'last') return failWith(form, { passkeys: 'passkeys:errors.last' });
		return afterPost(event, done('removed'));
	},
	/** A new set of recovery codes: the old ones stop working. Shown on this answer only. */
	codes: async () => {
		const { user } = requirePasskeyOwner();
		return done('codes', { codes: await newRecoveryCodes(user.id) });
	}
};
