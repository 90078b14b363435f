import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { env } from '$env/dynamic/private';
import { databasePath, db, useDatabase } from './db';
import { openReader } from './db/client';
import { keptFigures, keptFiguresNow } from './figure-cache';
import { answerJobs, workerJobs } from './worker-jobs';
import { caseload, caseloadTableRow } from './children';
import { listIros } from './accounts';
import { serviceReport, type Scope } from './reports';
import { formatRequestFigures } from './formats';
import { caseloadCounts } from '$lib/domain/timescales';
import { PAGE_SIZE } from '$lib/domain/paging';
import type { Period } from '$lib/domain/reports';

/**
 * The figures that grow with the service (the reports, the caseloads, the manager's overview, the
 * IROs): kept between requests (`figure-cache.ts` decides for how long) and, in the built server,
 * counted on a worker thread of their own with a read-only connection, so that counting them (seconds
 * for a national service's report) never holds up the one thread that answers every other page. The
 * worker runs this same file; where it cannot (the dev server and the unit tests load it as
 * TypeScript, an in-memory database is not shared) the figures are counted on the server's thread.
 */
const JOBS = {
	caseload: (iroId: string, now: number) => caseload(iroId, now),
	overview: (closed: boolean, shown: number, now: number) => serviceOverview(closed, shown, now),
	allocations: (shown: number, now: number) => allocationList(shown, now),
	report: (scope: Scope, p: Period, lateShown: number | null, changesShown: number | null) => ({
		report: serviceReport(scope, p, { lateShown, changesShown }),
		formatRequests: formatRequestFigures(scope, p)
	}),
	iros: () => listIros()
};
type Jobs = typeof JOBS;
type Job = keyof Jobs;

/** Marks the worker's own data, so that loading this file elsewhere starts nothing. */
const ROLE = 'voicebox kept figures';

/**
 * The whole service's caseload, kept where it is counted (the worker) between jobs: the overview and
 * the allocations page are made from it, and only the page of rows they show leaves the worker.
 */
function wholeCaseload(now: number) {
	return keptFiguresNow('whole caseload', [], () => caseload(null, now), { now, until: firstStart });
}

/**
 * The whole caseload's open records, and whether each record's IRO has a closed account (from the
 * IROs kept beside the caseload, as `keptIros` keeps them for the page: listed once until a change).
 */
function openRecords(now: number) {
	const all = wholeCaseload(now);
	const closedIros = new Set(
		keptFiguresNow('iros', [], listIros, { now })
			.filter((i) => i.deactivatedAt !== null)
			.map((i) => i.id)
	);
	return {
		all,
		open: all.filter((r) => r.child.closedAt === null),
		needsNewIro: (r: (typeof all)[number]) => closedIros.has(r.child.iroId ?? '')
	};
}

/**
 * The manager's overview of open or closed records: the counts of all of them, the first `shown`
 * rows, the open records without an IRO and those whose IRO's account is closed (they need a new IRO).
 */
function serviceOverview(closed: boolean, shown: number, now: number) {
	const { all, open, needsNewIro } = openRecords(now);
	const rows = closed ? all.filter((r) => r.child.closedAt !== null) : open;
	return {
		rows: rows.slice(0, shown).map(caseloadTableRow),
		total: rows.length,
		counts: caseloadCounts(rows),
		unallocated: open.filter((r) => !r.child.iroId).length,
		needNewIro: open.filter(needsNewIro).length,
		next: firstStart(all)
	};
}

/** The first `shown` open records to allocate, in the caseload's order, and whether there are more. */
function allocationList(shown: number, now: number) {
	const { all, open, needsNewIro } = openRecords(now);
	return {
		children: open.slice(0, shown).map((r) => ({
			id: r.child.id,
			name: r.child.fullName,
			iroId: r.child.iroId,
			needsNewIro: needsNewIro(r)
		})),
		more: open.length > shown,
		next: firstStart(all)
	};
}

/** When the first upcoming meeting in these rows starts (the rows then change by the clock alone). */
function firstStart(rows: ReadonlyArray<{ next: { startsAt: number } | null }>): number {
	return rows.reduce((first, r) => Math.min(first, r.next?.startsAt ?? Infinity), Infinity);
}

/**
 * An IRO's caseload, counted again only after a write that changes it, on a new day, or once the
 * first upcoming meeting in it has started (it then waits to be written up, and another meeting is
 * next). The rows are shared: their readers never change them.
 */
export function keptCaseload(iroId: string, now = Date.now()) {
	return keptFigures('caseload', [iroId], () => count('caseload', iroId, now), { now, until: firstStart });
}

/** The manager's overview of the whole service's open or closed records (`serviceOverview`). */
export function keptServiceOverview(closed: boolean, shown: number, now = Date.now()) {
	return keptFigures('service overview', [closed, shown], () => count('overview', closed, shown, now), {
		now,
		until: (overview) => overview.next
	});
}

/** The open records the allocations page shows (`allocationList`). */
export function keptAllocations(shown: number, now = Date.now()) {
	return keptFigures('allocations', [shown], () => count('allocations', shown, now), {
		now,
		until: (list) => list.next
	});
}

/**
 * The report's figures and those of documents asked for in another format (`formats.ts`), as the
 * reports page and its downloads show them. `lateShown` and `changesShown`: how many late reviews
 * and things people said to list (all when null).
 */
export function keptReport(
	scope: Scope,
	p: Period,
	opts: { lateShown?: number | null; changesShown?: number | null } = {}
) {
	const lateShown = opts.lateShown === undefined ? PAGE_SIZE : opts.lateShown;
	const changesShown = opts.changesShown === undefined ? PAGE_SIZE : opts.changesShown;
	return keptFigures('report', [scope.iroId, p.kind, p.from, p.to, lateShown, changesShown], () =>
		count('report', scope, p, lateShown, changesShown)
	);
}

/** The IROs with the size of their caseload (`listIros`). */
export function keptIros() {
	return keptFigures('iros', [], () => count('iros'));
}

// The server's side: one worker, started on first use.

const FILE = fileURLToPath(import.meta.url);
/** Set when the worker failed: the figures are counted on this thread from then on. */
let broken = false;
const counter = workerJobs<{ job: Job; args: unknown[] }, unknown>(
	// The worker reads the server's settings (its database, the council's time limits) as the server does.
	() => new Worker(FILE, { workerData: { role: ROLE, env: { ...env, DATABASE_PATH: databasePath() } } }),
	(error) => {
		// Not expected: say so, and count on this thread rather than fail every report.
		console.error('The figures worker failed; figures are counted on the main thread from now on.', error);
		broken = true;
	}
);

/** Whether this server can count on a worker: built (this file is JavaScript) on a database file. */
function canUseWorker(): boolean {
	return !broken && FILE.endsWith('.js') && databasePath() !== ':memory:';
}

async function count<J extends Job>(job: J, ...args: Parameters<Jobs[J]>): Promise<ReturnType<Jobs[J]>> {
	if (!canUseWorker()) return (JOBS[job] as (...a: unknown[]) => ReturnType<Jobs[J]>)(...args);
	return (await counter({ job, args })) as ReturnType<Jobs[J]>;
}

// The worker's side: the same file, loaded by `new Worker` with ROLE in its data.

if (!isMainThread && workerData?.role === ROLE && parentPort) {
	Object.assign(env, workerData.env);
	useDatabase(openReader(databasePath()));
	// One read transaction a job: every figure of a report from the same moment of the database.
	const inSnapshot = db().$client.transaction((run: () => unknown) => run());
	answerJobs<{ job: Job; args: unknown[] }>(parentPort, ({ job, args }) =>
		inSnapshot(() => (JOBS[job] as (...a: unknown[]) => unknown)(...args))
	);
}
