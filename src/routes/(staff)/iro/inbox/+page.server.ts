import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { inbox } from '$lib/server/messages';
import { childrenToFilter } from '$lib/server/children';
import { shownFrom } from '$lib/domain/paging';

export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('iro', 'manager');
	const scope = user.role === 'iro' ? user.id : null;
	const wanted = url.searchParams.get('child');
	// An IRO filters by the children of their caseload; a manager by a child named in the address
	// (the caseload's links) or one of those on the page: never a list of the whole council.
	const known = childrenToFilter(scope, wanted);
	const childId = known.some((c) => c.id === wanted) ? wanted : null;
	// A page of conversations; "Show more" asks for the next.
	const shown = shownFrom(url.searchParams);
	const rows = inbox(scope, childId, shown + 1);
	const conversations = rows.slice(0, shown);
	const children = scope
		? known
		: [
				...new Map(
					[...known, ...conversations.map((c) => ({ id: c.childId, name: c.childName }))].map((c) => [
						c.id,
						c
					])
				).values()
			].sort((a, b) => a.name.localeCompare(b.name));
	return { children, childId, conversations, shown, more: rows.length > shown };
};
