import type { Actions, PageServerLoad } from './$types';
import { notFound, requireChild } from '$lib/server/access';
import { afterPost, done, parseForm } from '$lib/server/forms';
import { auditRead } from '$lib/server/audit';
import { formatRequestOfChild, markFormatDone, requestsAsShown } from '$lib/server/formats';
import { formatDoneSchema } from '$lib/forms/formats';

/**
 * What the child and their carers asked for in another format or language (issue 13): the child's
 * IRO marks each done; managers read. Anyone else gets 404.
 */
export const load: PageServerLoad = ({ params, locals, url }) => {
	const child = requireChild(params.childId, 'view', 'iro', 'manager');
	auditRead(locals.user!, 'format_requests', { childId: child.id });
	return {
		child: { id: child.id, fullName: child.fullName },
		requests: requestsAsShown(child.id, locals.lang, locals.t),
		canMark: locals.user!.role === 'iro' && child.closedAt === null,
		marked: url.searchParams.get('done') === 'marked'
	};
};

export const actions: Actions = {
	done: async (event) => {
		const child = requireChild(event.params.childId, 'manage', 'iro');
		const form = await event.request.formData();
		const parsed = parseForm(formatDoneSchema, form);
		if (parsed.failure) return parsed.failure;
		if (!formatRequestOfChild(child.id, parsed.data.requestId)) notFound();
		markFormatDone(child.id, parsed.data.requestId, event.locals.user!.id, parsed.data.doneNote);
		return afterPost(event, done('marked'));
	}
};
