import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { inviteCodeSchema, newPassword, username } from '$lib/forms/auth';
import { done, failWith, parseForm } from '$lib/server/forms';
import { findUsableInvite } from '$lib/server/auth/invites';
import { checkThrottle, clientAddress, recordFailure } from '$lib/server/auth/throttle';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { inviteHolder, redeemInvite } from '$lib/server/join';
import { iroCard, usernameClash } from '$lib/server/accounts';
import { INVITE_ADDRESS, minutesToWait } from '$lib/domain/throttle';
import { homeOf } from '$lib/routes';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, homeOf(locals.user.role));
};

/** Checks the code under the per-address throttle; returns the invite or the failure to send. */
function checkCode(form: FormData, code: string, address: string) {
	const key = `invite-ip:${address}`;
	const now = Date.now();
	const blocked = checkThrottle(key, INVITE_ADDRESS, now);
	if (blocked) {
		return {
			failure: failWith(form, { code: `errors:join.tooMany|count=${minutesToWait(blocked, now)}` }, 429)
		};
	}
	const invite = findUsableInvite(code);
	const holder = invite && inviteHolder(invite);
	if (!invite || !holder) {
		recordFailure(key, INVITE_ADDRESS);
		return { failure: failWith(form, { code: 'errors:join.codeWrong' }) };
	}
	// An invite code never gets into an account that exists already (nor changes its password).
	if (holder.blocked) return { failure: failWith(form, { code: 'errors:join.hasAccount' }) };
	return { invite, holder };
}

function stepTwo(holder: NonNullable<ReturnType<typeof inviteHolder>>, code: string) {
	const iro = iroCard(holder.iroId);
	return {
		step: 'account' as const,
		code,
		name: holder.name,
		username: holder.username,
		reset: holder.reset,
		role: holder.role,
		iroName: iro?.displayName ?? null
	};
}

export const actions: Actions = {
	code: async (event) => {
		const form = await event.request.formData();
		const parsed = parseForm(inviteCodeSchema, form);
		if (parsed.failure) return parsed.failure;
		const checked = checkCode(form, parsed.data.code, clientAddress(event));
		if (checked.failure) return checked.failure;
		return done('account', stepTwo(checked.holder, parsed.data.code));
	},
	create: async (event) => {
		const { request, locals, cookies, url } = event;
		const form = await request.formData();
		const code = String(form.get('code') ?? '').slice(0, 64);
		const checked = checkCode(form, code, clientAddress(event));
		if (checked.failure) return checked.failure;
		const { invite, holder } = checked;
		// With a reset code, the account holder keeps their username and chooses a new password.
		const schema = z.object({
			username: holder.reset
				? z
						.unknown()
						.optional()
						.transform(() => null)
				: username,
			password: newPassword
		});
		const parsed = parseForm(schema, form);
		const again = stepTwo(holder, code);
		if (parsed.failure) return failWith(form, { ...parsed.failure.data.errors }, 400, again);
		const chosen = parsed.data.username;
		const clash = chosen && usernameClash(chosen);
		if (clash) return failWith(form, { username: `errors:username.${clash}` }, 400, again);
		const result = await redeemInvite(invite, {
			username: chosen,
			password: parsed.data.password,
			language: locals.lang
		});
		if (result.failure === 'username') {
			return failWith(form, { username: 'errors:username.taken' }, 400, again);
		}
		if (result.failure === 'hasAccount') return failWith(form, { code: 'errors:join.hasAccount' });
		if (result.failure) return failWith(form, { code: 'errors:join.codeWrong' });
		const token = await createSession(result.userId);
		setSessionCookie(cookies, url, token, holder.role);
		redirect(
			303,
			holder.reset ? `${homeOf(holder.role)}?passwordChanged=1` : `${homeOf(holder.role)}?welcome=1`
		);
	}
};
