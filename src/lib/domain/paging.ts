/**
 * Lists that grow (threads, inboxes, caseloads) are sent a page at a time: the first page, and
 * "Show more" (a plain link, so it works without JavaScript) asks for one page more with `?shown=`
 * (or the list's own name, where a page has more than one list).
 */
export const PAGE_SIZE = 50;

/**
 * A thread's page is its latest 20 messages ("Show earlier messages" for more): a conversation is read
 * from its end, and on a phone with large print 50 messages are many screens to send and scroll.
 */
export const THREAD_PAGE = 20;

/**
 * The IRO's caseload is sent 25 children at a time: each row is several lines tall (the next meeting,
 * who has been heard from, the pack, the timescale tags), and 50 of them made a page of 78 KB, a long
 * scroll on a phone with large print. A page past 65,535 characters is also slow to send: V8 copies
 * such a long string into fresh memory, about 0.7 ms of page faults each time on our machines.
 */
export const CASELOAD_PAGE = 25;

/** How many rows `?shown=` (or `?<list>=`) asks for: a whole number of pages of `size`, at least one. */
export function shownFrom(params: URLSearchParams, list = 'shown', size = PAGE_SIZE): number {
	const asked = Number(params.get(list));
	return Number.isInteger(asked) && asked > size ? Math.ceil(asked / size) * size : size;
}

/**
 * The same address asking for one page more, landing (`#`) on the first item it adds (`pageStartId`),
 * or on `anchor` where the new items come before the old (a thread's earlier messages).
 */
export function moreHref(url: URL, shown: number, anchor = '', list = 'shown', size = PAGE_SIZE): string {
	const params = new URLSearchParams(url.searchParams);
	params.set(list, String(shown + size));
	return `${url.pathname}?${params}#${anchor || itemId(list, shown)}`;
}

/**
 * The id of the first item of each page after the first (`<list>-<n>`, n counted from 1), where "Show
 * more" lands: with or without JavaScript, the next Tab and a screen reader's reading start at the
 * first new item, not back at the top of the page.
 */
export function pageStartId(index: number, size = PAGE_SIZE, list = 'shown'): string | undefined {
	return index > 0 && index % size === 0 ? itemId(list, index) : undefined;
}

const itemId = (list: string, index: number) => `${list}-${index + 1}`;
