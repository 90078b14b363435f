import type { Actions, PageServerLoad } from './$types';
import { notFound, requireRole } from '$lib/server/access';
import { childOfUser } from '$lib/server/children';
import { parseForm } from '$lib/server/forms';
import { sendUrgent } from '$lib/server/urgent';
import { config } from '$lib/server/config';
import { urgentSchema } from '$lib/forms/messages';

export const load: PageServerLoad = () => {
	requireRole('child');
	return { emergencyDutyPhone: config().emergencyDutyPhone };
};

export const actions: Actions = {
	/** An urgent message: flagged for the IRO and emailed at once; the child is told who was told. */
	default: async ({ request, url }) => {
		const user = requireRole('child');
		const child = childOfUser(user.id);
		if (!child) notFound();
		const parsed = parseForm(urgentSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		const receipt = sendUrgent({
			childId: child.id,
			author: user,
			body: parsed.data.body,
			origin: url.origin
		});
		return { sent: true, receipt };
	}
};
