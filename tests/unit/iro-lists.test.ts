import { describe, expect, it, vi } from 'vitest';

/**
 * A service with more IROs than fit a page (a national one has hundreds): the manager's overview and
 * the reports' tables with a row per IRO show a page of IROs, and "show more" (`?iros=`,
 * `?caseloads=`, `?trendByIro=`) one page more. The CSV download still has every IRO.
 */
const request = vi.hoisted(() => ({ event: {} as Record<string, unknown> }));
vi.mock('$app/server', () => ({ getRequestEvent: () => request.event }));

const { newAccount, newIro, newChild } = await import('./support/people');
const { getUser } = await import('../../src/lib/server/accounts');
const { translator } = await import('../../src/lib/server/i18n');
const { reportPage, reportCsv } = await import('../../src/lib/server/report-page');
const { PAGE_SIZE } = await import('../../src/lib/domain/paging');
const overview = await import('../../src/routes/(staff)/manage/+page.server');

const IROS = PAGE_SIZE + 7;
const iroIds: string[] = [];
for (let i = 0; i < IROS; i++) iroIds.push(await newIro(`iro${i}`, `IRO ${String(i).padStart(3, '0')}`));
for (const iroId of iroIds) newChild(iroId);
const manager = { ...getUser(await newAccount('manager', 'mona'))!, pictureVersion: false };

/** Signs the manager in for one request to `path`. */
function as(path: string) {
	const url = new URL(`http://localhost${path}`);
	request.event = { url, locals: { user: manager, lang: 'en', t: translator('en') } };
	return url;
}

type Overview = { iros: { displayName: string }[]; iroTotal: number };
const loadOverview = (path: string) =>
	(overview.load as unknown as (e: { url: URL }) => Promise<Overview>)({ url: as(path) });

describe('more IROs than a page', () => {
	it('the overview lists the first page of IROs, by name, and "show more" adds a page', async () => {
		const first = await loadOverview('/manage');
		expect(first.iroTotal).toBe(IROS);
		expect(first.iros).toHaveLength(PAGE_SIZE);
		expect(first.iros[0].displayName).toBe('IRO 000');
		const more = await loadOverview(`/manage?iros=${PAGE_SIZE * 2}`);
		expect(more.iros).toHaveLength(IROS);
		expect(more.iros.at(-1)?.displayName).toBe(`IRO ${String(IROS - 1).padStart(3, '0')}`);
	});

	it('the reports show a page of the per-IRO tables, each with its own "show more"; the CSV has every IRO', async () => {
		const tablesOf = async (path: string) =>
			(await reportPage(manager, as(path))).tables.filter(
				(t) => t.id === 'caseloads' || t.id === 'trendByIro'
			);
		const first = await tablesOf('/manage/reports');
		expect(first.map((t) => t.id)).toEqual(['caseloads', 'trendByIro']);
		for (const table of first) {
			expect(table.rows).toHaveLength(PAGE_SIZE);
			expect(table.total).toBe(IROS);
		}
		const more = await tablesOf(`/manage/reports?caseloads=${PAGE_SIZE * 2}`);
		expect(more.find((t) => t.id === 'caseloads')?.rows).toHaveLength(IROS);
		expect(more.find((t) => t.id === 'trendByIro')?.rows).toHaveLength(PAGE_SIZE);
		const csv = await (await reportCsv(manager, as('/manage/reports/caseloads'), 'caseloads')).text();
		// The caption, the heading row, then a row for each IRO.
		const lines = csv.trim().split('\n');
		expect(lines).toHaveLength(IROS + 2);
		expect(lines.at(-1)).toMatch(new RegExp(`^IRO ${String(IROS - 1).padStart(3, '0')},`));
	});
});
