import type { Actions, PageServerLoad } from './$types';
import { notFound, requireOwnChild } from '$lib/server/access';
import { done, failWith, parseForm } from '$lib/server/forms';
import { requestSupport, supportRequestById, supportRequestsOf, withdrawSupport } from '$lib/server/support';
import { supportRequestSchema, withdrawSchema } from '$lib/forms/prepare';
import { message } from '$lib/forms/text';

/**
 * Asking for an advocate or an independent visitor. The page is about the child; each request is
 * kept with the meeting they are getting ready for (see requestSupport), whose pack shows it.
 */
export const load: PageServerLoad = () => {
	const child = requireOwnChild();
	return {
		requests: supportRequestsOf(child.id).map(({ id, kind, status, createdAt, updatedAt }) => ({
			id,
			kind,
			status,
			createdAt,
			updatedAt
		}))
	};
};

export const actions: Actions = {
	request: async ({ request }) => {
		const child = requireOwnChild();
		const form = await request.formData();
		const parsed = parseForm(supportRequestSchema, form);
		if (parsed.failure) return parsed.failure;
		const { kind, note } = parsed.data;
		const result = requestSupport(child.id, kind, note);
		if (!result.ok) return failWith(form, { [`ask-${kind}`]: message('prepare:errors.alreadyOpen') }, 409);
		return done('requested', { support: kind });
	},
	withdraw: async ({ request }) => {
		const child = requireOwnChild();
		const form = await request.formData();
		const parsed = parseForm(withdrawSchema, form);
		if (parsed.failure) return parsed.failure;
		const found = supportRequestById(parsed.data.requestId);
		if (!found || found.childId !== child.id) notFound();
		withdrawSupport(child.id, found.id);
		return done('withdrawn', { support: found.kind });
	}
};
