import type { Actions, PageServerLoad } from './$types';
import { requireOwnChild, requireRole } from '$lib/server/access';
import { done, keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { sendUrgent } from '$lib/server/urgent';
import { config } from '$lib/server/config';
import { urgentSchema } from '$lib/forms/messages';

export const load: PageServerLoad = () => {
	requireRole('child');
	return { emergencyDutyPhone: config().emergencyDutyPhone, submission: submissionToken() };
};

export const actions: Actions = {
	/** An urgent message: flagged for the IRO and emailed at once; the child is told who was told. */
	default: keepTyped('body', async ({ request, url, locals }) => {
		const user = requireRole('child');
		const child = requireOwnChild();
		const form = await request.formData();
		const parsed = parseForm(urgentSchema, form);
		if (parsed.failure) return parsed.failure;
		const receipt = storeOnce(form, user.id, () =>
			sendUrgent({
				childId: child.id,
				author: user,
				body: parsed.data.body,
				lang: locals.lang,
				origin: url.origin
			})
		);
		return done('sent', { receipt });
	})
};
