import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { SessionUser } from './auth/session';
import { keptReport } from './kept-figures';
import { PAGE_SIZE, pagedList, shownFrom } from '$lib/domain/paging';
import { formatRequestsTable, REPORT_TABLES, reportTables, tableCsv } from './report-tables';
import { periodFrom, type Period } from '$lib/domain/reports';
import { londonDate } from '$lib/domain/dates';
import { localeInfo } from '$lib/i18n/locales';
import { readerAddress } from '$lib/domain/address';
import { keptFigures } from './figure-cache';

/**
 * The reports page for a manager (the whole service) or an IRO (their own caseload): the period asked
 * for in the address, every table, and each table as a CSV download. Access is decided by the route
 * (`requireRole`) before it calls these.
 */
async function build(user: SessionUser, url: URL, shown: Shown | null) {
	const { locals } = getRequestEvent();
	const { period, error: periodError } = periodFrom(url.searchParams, londonDate(Date.now()));
	const manager = user.role === 'manager';
	const scope = { iroId: manager ? null : user.id };
	const lateShown = shown && shown.late;
	const changesShown = shown && shown.changes;
	const irosShown = shown ? { caseloads: shown.caseloads, trendByIro: shown.trendByIro } : undefined;
	// The tables in the reader's language are kept too, as the figures are (`figure-cache.ts`).
	const tables = await keptFigures(
		'report tables',
		[
			scope.iroId,
			period,
			lateShown,
			changesShown,
			irosShown?.caseloads ?? null,
			irosShown?.trendByIro ?? null,
			locals.lang,
			readerAddress(user) ?? null
		],
		async () => {
			const { report, formatRequests } = await keptReport(scope, period, { lateShown, changesShown });
			const intl = localeInfo(locals.lang).intl;
			return [
				...reportTables(report, locals.t, { manager, intl, irosShown }),
				formatRequestsTable(formatRequests, locals.t, locals.lang)
			];
		}
	);
	return { period, periodError, tables };
}

/**
 * The lists that grow with the service, each shown a page at a time; the address names each by its
 * table. Late reviews and what people said are counted in SQL a page at a time; the tables with a row
 * per IRO (hundreds in a national service) are made only for the rows shown (`reportTables`).
 */
const LISTS = ['late', 'changes', 'caseloads', 'trendByIro'] as const;
type Shown = Record<(typeof LISTS)[number], number>;

/** How many rows of each list the page shows (`?late=`, `?changes=`, …): 50 at first, 50 more with each "show more". */
export function shownOf(params: URLSearchParams): Shown {
	// At most 100,000 rows: the figures kept for each length asked for stay few.
	const asked = (list: string) => Math.min(shownFrom(params, pagedList(list)), 100_000);
	return Object.fromEntries(LISTS.map((list) => [list, asked(list)])) as Shown;
}

/** What the page shows. */
export async function reportPage(user: SessionUser, url: URL) {
	const shown = shownOf(url.searchParams);
	const { period, periodError, tables } = await build(user, url, shown);
	return {
		period,
		periodError: periodError ?? null,
		tables,
		pageSize: PAGE_SIZE,
		query: periodQuery(period),
		forManager: user.role === 'manager',
		base: user.role === 'manager' ? '/manage/reports' : '/iro/reports'
	};
}

/** The period as an address query, for the download links and "print". */
export function periodQuery(p: Period): string {
	return p.kind === 'custom' ? `period=custom&from=${p.from}&to=${p.to}` : `period=${p.kind}`;
}

/** One table as a CSV file, or 404 for a table that does not exist. */
export async function reportCsv(user: SessionUser, url: URL, tableId: string): Promise<Response> {
	if (!(REPORT_TABLES as readonly string[]).includes(tableId)) error(404, 'Not found');
	const { locals } = getRequestEvent();
	const { period, tables } = await build(user, url, null);
	const table = tables.find((t) => t.id === tableId);
	if (!table) error(404, 'Not found');
	return new Response(tableCsv(table, locals.t('reports:fewerThan5')), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="voicebox-${tableId}-${period.from}-to-${period.to}.csv"`,
			'cache-control': 'no-store'
		}
	});
}
