import type { Statement } from 'better-sqlite3';
import { db } from './db';
import type { Db } from './db/client';
import { londonDate } from '$lib/domain/dates';

/**
 * Figures kept between requests (the reports, the caseloads): the one place that decides when a
 * figure counted before may be given again instead of counting it anew.
 *
 * Kept figures are given again only while nothing they are counted from changed: SQLite triggers
 * (migration 0009, listed in `FIGURE_TRIGGERS`) add one to `figure_changes.count` on every write to
 * a table the figures read, whichever code or server process wrote it; reading that count is one tiny
 * prepared query. They are also given only on the London day they were counted on (due dates, ages
 * and the caseload trend move with the day) and, when the figures say so (`until`), before the instant
 * they would change by the clock alone (a meeting starting, which then waits to be written up).
 *
 * At most `KEPT` sets of figures are kept, the least recently used going first. What is given is
 * shared between requests: its readers never change it.
 */
export const KEPT = 48;

/**
 * Every trigger that counts a change (migration 0009), by table: a table rebuilt by a later migration
 * loses its triggers, and `tests/unit/figure-cache.test.ts` fails when one is missing.
 */
export const FIGURE_TRIGGERS = {
	children: ['insert', 'update', 'delete'],
	past_allocations: ['insert', 'update', 'delete'],
	meetings: ['insert', 'update', 'delete'],
	review_participation: ['insert', 'update', 'delete'],
	feedback: ['insert', 'update', 'delete'],
	concerns: ['insert', 'update', 'delete'],
	format_requests: ['insert', 'update', 'delete'],
	// Only the columns the figures read: names, usernames and email addresses, role, language and
	// display settings, a closed account.
	users: ['insert', 'update', 'delete'],
	// Sent or not, and which meeting: not the words of a draft.
	consultations: ['insert', 'update', 'delete'],
	support_requests: ['insert', 'update', 'delete'],
	// Only urgent messages (the reports' urgent figures, the caseload's unread urgent flag).
	messages: ['insert', 'update', 'delete'],
	// A conversation moved to another child, or deleted with its messages.
	conversations: ['update', 'delete']
} as const;

interface Entry {
	changes: number;
	today: string;
	/** The figures hold for instants from `from` (inclusive) to `until` (exclusive). */
	from: number;
	until: number;
	value: unknown;
}

let kept = new Map<string, Entry>();
/** Figures being counted now, by the same id: a second request for them waits for the first count. */
let inFlight = new Map<string, { changes: number; today: string; value: Promise<unknown> }>();
let counter: { db: Db; count: Statement<[], number> } | undefined;

/** How many changes the figures' tables have had: one prepared query of one row. */
export function figureChanges(): number {
	const current = db();
	if (counter?.db !== current) {
		// Another database (a test's): nothing kept is about it.
		counter = {
			db: current,
			count: current.$client.prepare<[], number>('select count from figure_changes where id = 1').pluck()
		};
		kept = new Map();
		inFlight = new Map();
	}
	return counter.count.get() ?? 0;
}

/** Where the figures for `what` and `key` are kept, and what is kept there if it still holds at `now`. */
function find<T>(what: string, key: readonly unknown[], now: number) {
	const today = londonDate(now);
	// Read before counting: a write while counting leaves these figures under the older count.
	const changes = figureChanges();
	const id = `${what} ${JSON.stringify(key)}`;
	const entry = kept.get(id);
	const holds =
		entry !== undefined &&
		entry.changes === changes &&
		entry.today === today &&
		entry.from <= now &&
		now < entry.until;
	if (holds) {
		kept.delete(id);
		kept.set(id, entry);
	}
	return { id, changes, today, now, held: holds ? { value: entry.value as T } : null };
}

/** Keeps figures just counted where `find` looked for them; the least recently used go beyond `KEPT`. */
function keep<T>(at: ReturnType<typeof find<T>>, counted: T, until?: (value: T) => number | null) {
	const { id, changes, today, now } = at;
	kept.delete(id);
	kept.set(id, {
		changes,
		today,
		from: until ? now : -Infinity,
		until: until ? (until(counted) ?? Infinity) : Infinity,
		value: counted
	});
	while (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
}

type KeepOptions<T> = { now?: number; until?: (value: T) => number | null };

/**
 * The figures `compute` counts for `what` and `key` (made into text with JSON), kept for the next
 * request as long as they hold. `until`: the first instant after `now` at which the figures would
 * change by the clock alone, if before the end of the day. `compute` may count elsewhere (a worker
 * thread, `kept-figures.ts`): requests that ask for the same figures meanwhile wait for that one count.
 */
export async function keptFigures<T>(
	what: string,
	key: readonly unknown[],
	compute: () => T | Promise<T>,
	opts: KeepOptions<T> = {}
): Promise<T> {
	const at = find<T>(what, key, opts.now ?? Date.now());
	if (at.held) return at.held.value;
	const counting = inFlight.get(at.id);
	if (counting && counting.changes === at.changes && counting.today === at.today)
		return counting.value as Promise<T>;
	const value = Promise.resolve().then(compute);
	inFlight.set(at.id, { changes: at.changes, today: at.today, value });
	try {
		const counted = await value;
		keep(at, counted, opts.until);
		return counted;
	} finally {
		if (inFlight.get(at.id)?.value === value) inFlight.delete(at.id);
	}
}

/** `keptFigures` for figures counted here and now, inside a transaction (the worker's whole caseload). */
export function keptFiguresNow<T>(
	what: string,
	key: readonly unknown[],
	compute: () => T,
	opts: KeepOptions<T> = {}
): T {
	const at = find<T>(what, key, opts.now ?? Date.now());
	if (at.held) return at.held.value;
	const counted = compute();
	keep(at, counted, opts.until);
	return counted;
}

/** How many sets of figures are kept now (for tests). */
export function keptCount(): number {
	return kept.size;
}
