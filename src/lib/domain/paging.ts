/**
 * Lists that grow (threads, inboxes, caseloads) are sent a page at a time: the first page, and
 * "Show more" (a plain link, so it works without JavaScript) asks for one page more with `?shown=`
 * (or the list's own name, where a page has more than one list).
 *
 * Each list is one `PagedList`: its name in the address and its page size, held once and used by the
 * server (`shownFrom`), the rows (`pageStartId`) and the link (`moreHref`, `ShowMore`), so the three
 * cannot disagree about where "Show more" lands.
 */
export interface PagedList {
	/** The address's parameter for how many are shown (`?shown=`, `?iros=`, a report table's id). */
	readonly name: string;
	/** How many each page adds. */
	readonly size: number;
}

export const PAGE_SIZE = 50;

/** A list of `size` at a time, asked for with `?<name>=`. */
export const pagedList = (name: string, size = PAGE_SIZE): PagedList => ({ name, size });

/** Most lists: 50 at a time, `?shown=` (inboxes, the manager's children, allocations, failed emails). */
export const LIST = pagedList('shown');

/** The manager overview's IROs: a second list on the page, so it has its own name (`?iros=`). */
export const IROS = pagedList('iros');

/**
 * A thread's page is its latest 20 messages ("Show earlier messages" for more): a conversation is read
 * from its end, and on a phone with large print 50 messages are many screens to send and scroll.
 */
export const THREAD = pagedList('shown', 20);

/**
 * The IRO's caseload is sent 25 children at a time: each row is several lines tall (the next meeting,
 * who has been heard from, the pack, the timescale tags), and 50 of them made a page of 78 KB, a long
 * scroll on a phone with large print. A page past 65,535 characters is also slow to send: V8 copies
 * such a long string into fresh memory, about 0.7 ms of page faults each time on our machines.
 */
export const CASELOAD = pagedList('shown', 25);

/** How many rows the address asks for of `list`: a whole number of its pages, at least one. */
export function shownFrom(params: URLSearchParams, list: PagedList = LIST): number {
	const asked = Number(params.get(list.name));
	return Number.isInteger(asked) && asked > list.size ? Math.ceil(asked / list.size) * list.size : list.size;
}

/**
 * The same address asking for one page more of `list`, landing (`#`) on the first item it adds
 * (`pageStartId`), or on `anchor` where the new items come before the old (a thread's earlier messages).
 */
export function moreHref(url: URL, shown: number, list: PagedList = LIST, anchor = ''): string {
	const params = new URLSearchParams(url.searchParams);
	params.set(list.name, String(shown + list.size));
	return `${url.pathname}?${params}#${anchor || itemId(list, shown)}`;
}

/**
 * The id of the first item of each page after the first (`<list>-<n>`, n counted from 1), where "Show
 * more" lands: with or without JavaScript, the next Tab and a screen reader's reading start at the
 * first new item, not back at the top of the page.
 */
export function pageStartId(index: number, list: PagedList = LIST): string | undefined {
	return index > 0 && index % list.size === 0 ? itemId(list, index) : undefined;
}

const itemId = (list: PagedList, index: number) => `${list.name}-${index + 1}`;
