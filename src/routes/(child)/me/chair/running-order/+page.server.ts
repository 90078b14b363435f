import type { PageServerLoad } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { agendaAsRead } from '$lib/server/agenda';
import { meetingForPreparing } from '$lib/server/meetings';
import { choicesFor } from '$lib/server/choices';
import { runningOrder } from '$lib/domain/agenda';
import { downloadsFor } from '$lib/server/downloads';

export const load: PageServerLoad = ({ locals }) => {
	const child = requireOwnChild();
	const preparing = meetingForPreparing(child.id);
	if (!preparing)
		return { meeting: null, chair: null, steps: [], itemCount: 0, downloads: downloadsFor(locals.lang) };
	const { meeting } = preparing;
	const chair = choicesFor(meeting.id)?.chair ?? null;
	const items = agendaAsRead(meeting.id, locals.t);
	// Item steps come in agenda order, so the nth item step is the nth item.
	let nth = 0;
	return {
		downloads: downloadsFor(locals.lang),
		meeting: { id: meeting.id, startsAt: meeting.startsAt },
		chair,
		itemCount: items.length,
		steps: runningOrder(chair ?? 'iro', items).map((step) => {
			const item = step.kind === 'item' ? items[nth++] : undefined;
			return { ...step, lang: item?.lang ?? null, private: item?.visibility === 'iro' };
		})
	};
};
