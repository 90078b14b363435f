/**
 * Lists that grow (threads, inboxes, caseloads) are sent a page at a time: the first page, and
 * "Show more" (a plain link, so it works without JavaScript) asks for one page more with `?shown=`
 * (or the list's own name, where a page has more than one list).
 */
export const PAGE_SIZE = 50;

/** How many rows `?shown=` (or `?<list>=`) asks for: a whole number of pages, at least one. */
export function shownFrom(params: URLSearchParams, list = 'shown'): number {
	const asked = Number(params.get(list));
	return Number.isInteger(asked) && asked > PAGE_SIZE ? Math.ceil(asked / PAGE_SIZE) * PAGE_SIZE : PAGE_SIZE;
}

/** The same address asking for one page more (`#anchor` to land where the new rows are). */
export function moreHref(url: URL, shown: number, anchor = '', list = 'shown'): string {
	const params = new URLSearchParams(url.searchParams);
	params.set(list, String(shown + PAGE_SIZE));
	return `${url.pathname}?${params}${anchor ? `#${anchor}` : ''}`;
}
