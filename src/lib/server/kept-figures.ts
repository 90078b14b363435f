import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { env } from '$env/dynamic/private';
import { databasePath, db, useDatabase } from './db';
import { openReader } from './db/client';
import { keptFigures } from './figure-cache';
import { caseload } from './children';
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
	caseload: (iroId: string | null, now: number) => caseload(iroId, now),
	overview: (closed: boolean, now: number) => serviceOverview(closed, now),
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

/** The manager's overview of open or closed records, counted from the whole caseload. */
function serviceOverview(closed: boolean, now: number) {
	const all = caseload(null, now);
	const closedIros = new Set(
		listIros()
			.filter((i) => i.deactivatedAt !== null)
			.map((i) => i.id)
	);
	const open = all.filter((r) => r.child.closedAt === null);
	const rows = closed ? all.filter((r) => r.child.closedAt !== null) : open;
	return {
		rows,
		counts: caseloadCounts(rows),
		unallocated: open.filter((r) => !r.child.iroId).length,
		needNewIro: open.filter((r) => closedIros.has(r.child.iroId ?? '')).length,
		next: firstStart(all)
	};
}

/** When the first upcoming meeting in these rows starts (the rows then change by the clock alone). */
function firstStart(rows: ReadonlyArray<{ next: { startsAt: number } | null }>): number {
	return rows.reduce((first, r) => Math.min(first, r.next?.startsAt ?? Infinity), Infinity);
}

/**
 * An IRO's caseload, or the whole service's (null), counted again only after a write that changes it,
 * on a new day, or once the first upcoming meeting in it has started (it then waits to be written up,
 * and another meeting is next). The rows are shared: their readers never change them.
 */
export function keptCaseload(iroId: string | null, now = Date.now()) {
	return keptFigures('caseload', [iroId], () => count('caseload', iroId, now), { now, until: firstStart });
}

/**
 * The manager's overview of the whole service, of open or of closed records: the rows, their counts,
 * the open records without an IRO and those whose IRO's account is closed (they need a new IRO).
 */
export function keptServiceOverview(closed: boolean, now = Date.now()) {
	return keptFigures('service overview', [closed], () => count('overview', closed, now), {
		now,
		until: (overview) => overview.next
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

// The server's side: one worker, started on first use; each job answered by its number.

const FILE = fileURLToPath(import.meta.url);
let worker: Worker | null = null;
/** Set when the worker could not start: the figures are counted on this thread from then on. */
let broken = false;
let nextId = 0;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

/** Whether this server can count on a worker: built (this file is JavaScript) on a database file. */
function canUseWorker(): boolean {
	return !broken && FILE.endsWith('.js') && databasePath() !== ':memory:';
}

function count<J extends Job>(job: J, ...args: Parameters<Jobs[J]>): Promise<ReturnType<Jobs[J]>> {
	if (!canUseWorker())
		return Promise.resolve((JOBS[job] as (...a: unknown[]) => ReturnType<Jobs[J]>)(...args));
	const id = nextId++;
	return new Promise((resolve, reject) => {
		waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
		counter().postMessage({ id, job, args });
	});
}

function counter(): Worker {
	if (worker) return worker;
	// The worker reads the server's settings (its database, the council's time limits) as the server does.
	const w = new Worker(FILE, { workerData: { role: ROLE, env: { ...env, DATABASE_PATH: databasePath() } } });
	w.unref();
	w.on('message', ({ id, value, error }: { id: number; value?: unknown; error?: string }) => {
		const job = waiting.get(id);
		waiting.delete(id);
		if (error === undefined) job?.resolve(value);
		else job?.reject(new Error(error));
	});
	const stop = (error: Error) => {
		if (worker !== w) return;
		worker = null;
		for (const job of waiting.values()) job.reject(error);
		waiting.clear();
	};
	w.on('error', (error) => {
		// Not expected: say so, and count on this thread rather than fail every report.
		console.error('The figures worker failed; figures are counted on the main thread from now on.', error);
		broken = true;
		stop(error);
	});
	w.on('exit', () => stop(new Error('The figures worker stopped')));
	worker = w;
	return w;
}

// The worker's side: the same file, loaded by `new Worker` with ROLE in its data.

if (!isMainThread && workerData?.role === ROLE && parentPort) {
	const port = parentPort;
	Object.assign(env, workerData.env);
	useDatabase(openReader(databasePath()));
	// One read transaction a job: every figure of a report from the same moment of the database.
	const inSnapshot = db().$client.transaction((run: () => unknown) => run());
	port.on('message', ({ id, job, args }: { id: number; job: Job; args: unknown[] }) => {
		try {
			const run = JOBS[job] as (...a: unknown[]) => unknown;
			port.postMessage({ id, value: inSnapshot(() => run(...args)) });
		} catch (error) {
			port.postMessage({
				id,
				error: error instanceof Error ? (error.stack ?? error.message) : String(error)
			});
		}
	});
}
