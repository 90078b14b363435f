import { stringify } from 'csv-stringify/sync';
import type { Translate } from '$lib/i18n/translate';
import { CHILD_STATUSES } from '$lib/domain/timescales';
import { PARTICIPATION_CODES } from '$lib/domain/participation';
import { CONCERN_STAGES, CONCERN_SUBJECTS } from '$lib/domain/oversight';
import { CARER_QUESTIONS, CHILD_QUESTIONS, FEEDBACK_ANSWERS } from '$lib/domain/feedback';
import {
	ACK_BANDS,
	CASELOAD_HIGH,
	CASELOAD_LOW,
	caseloadBand,
	exportedCount,
	percent,
	type Cell,
	type ReportTable
} from '$lib/domain/reports';
export type { Cell, ReportTable };
import { isLocale, localeInfo, type Locale } from '$lib/i18n/locales';
import { languageLabel } from '$lib/domain/formats';
import type { formatRequestFigures } from './formats';
import type { ServiceReport } from './reports';

/**
 * The report's figures as tables: one definition that the page shows (with its charts) and that
 * downloads as CSV. A cell is text, a count, or a percentage of a count; in a CSV a count under 5
 * (and its percentage) reads "fewer than 5", and text that a spreadsheet would run as a formula is
 * made inert.
 */
export const REPORT_TABLES = [
	'timescales',
	'late',
	'participation',
	'shares',
	'feedbackChild',
	'feedbackCarer',
	'changes',
	'caseloads',
	'trend',
	'trendByIro',
	'urgent',
	'oversightSubject',
	'oversightStage',
	'languages',
	'formatRequests'
] as const;

const n = (value: number): Cell => ({ n: value });
const pct = (part: number, whole: number): Cell => ({ pct: percent(part, whole), of: part });

/** A time in minutes as the reader's language writes it: minutes, hours under two days, else days. */
export function duration(minutes: number, intl: string): string {
	const [unit, value] =
		minutes < 120
			? ['minute', minutes]
			: minutes < 48 * 60
				? ['hour', minutes / 60]
				: ['day', minutes / 1440];
	return new Intl.NumberFormat(intl, {
		style: 'unit',
		unit,
		unitDisplay: 'long',
		maximumFractionDigits: 1
	}).format(value as number);
}

/** How many rows of each table with a row per IRO to make: all when not given (the CSV download). */
export type IrosShown = { caseloads: number; trendByIro: number };

/**
 * The report's tables in the reader's language. The tables with a row per IRO are made only for the
 * rows shown (`irosShown`), with `total` saying how many there are: a national service's trend by
 * IRO is a thousand IROs by 120 dates.
 */
export function reportTables(
	r: ServiceReport,
	t: Translate,
	opts: { manager: boolean; intl?: string; irosShown?: IrosShown }
): ReportTable[] {
	const status = (s: string) => t(`staff:status.${s}`);
	const statusHeads = CHILD_STATUSES.flatMap((s) => [status(s), t('reports:percentOf', { what: status(s) })]);
	const shareRow = (key: string, pick: (s: (typeof r.shares)['cared_for']) => number) => [
		t(`reports:shares.${key}`),
		...CHILD_STATUSES.flatMap((s) => [n(pick(r.shares[s])), pct(pick(r.shares[s]), r.shares[s].held)])
	];
	const answers = FEEDBACK_ANSWERS.map((a) => t(`reports:answer.${a}`));
	const band = t('reports:caseloads.band', { low: CASELOAD_LOW, high: CASELOAD_HIGH });
	const against = (children: number) => t(`reports:caseloads.${caseloadBand(children)}`);
	// Each IRO's caseload on each of the trend's dates, in the order of `r.caseloads`, looked up once.
	const noLoads = new Array<number>(r.trend.dates.length).fill(0);
	const iroLoads = r.caseloads.map((c) => r.trend.byIro[c.iroId] ?? noLoads);
	const perIro = (list: keyof IrosShown, row: (c: (typeof r.caseloads)[number], k: number) => Cell[]) => {
		const shown = opts.irosShown?.[list] ?? Infinity;
		return {
			rows: r.caseloads.slice(0, shown).map(row),
			...(r.caseloads.length > shown && { total: r.caseloads.length })
		};
	};
	const minutes = (m: number | null) =>
		m === null ? t('reports:urgent.none') : duration(m, opts.intl ?? 'en-GB');
	const tables: ReportTable[] = [
		{
			id: 'timescales',
			caption: t('reports:timescales.caption'),
			head: [
				t('reports:timescales.status'),
				t('reports:timescales.held'),
				t('reports:timescales.inTime'),
				t('reports:percent')
			],
			rows: CHILD_STATUSES.map((s) => [
				status(s),
				n(r.timescales[s].held),
				n(r.timescales[s].inTimescale),
				pct(r.timescales[s].inTimescale, r.timescales[s].held)
			])
		},
		{
			id: 'late',
			caption: t('reports:late.caption'),
			head: [
				t('reports:timescales.status'),
				t('reports:late.heldOn'),
				t('reports:late.due'),
				t('reports:late.daysLate'),
				t('reports:late.iro')
			],
			total: r.late.total,
			rows: r.late.list.map((l) => [
				status(l.status),
				l.heldOn,
				l.due,
				n(l.daysLate),
				r.caseloads.find((c) => c.iroId === l.iroId)?.name ?? '–'
			])
		},
		{
			id: 'participation',
			caption: t('reports:participation.caption'),
			head: [t('reports:participation.code'), ...statusHeads, t('reports:participation.yearBefore')],
			chart: [1, 3],
			rows: PARTICIPATION_CODES.map((code) => {
				const total = (c: typeof r.participation) =>
					CHILD_STATUSES.map((s) => c[s][code]).reduce((a, b) => a + b, 0);
				return [
					`${code}: ${t(`review:code.${code}`)}`,
					...CHILD_STATUSES.flatMap((s) => {
						const all = Object.values(r.participation[s]).reduce((a, b) => a + b, 0);
						return [n(r.participation[s][code]), pct(r.participation[s][code], all)];
					}),
					n(total(r.participationBefore))
				];
			})
		},
		{
			id: 'shares',
			caption: t('reports:shares.caption'),
			head: [t('reports:shares.what'), ...statusHeads],
			chart: [2, 4],
			rows: [
				shareRow('held', (s) => s.held),
				shareRow('sentMySay', (s) => s.sentMySay),
				shareRow('chaired', (s) => s.chaired),
				shareRow('advocate', (s) => s.advocate),
				shareRow('spokeBefore', (s) => s.spokeBefore)
			]
		},
		{
			id: 'feedbackChild',
			caption: t('reports:feedback.child', { count: r.feedback.counts.given.child }),
			head: [t('reports:feedback.question'), ...answers],
			chart: answers.map((_, i) => i + 1),
			rows: CHILD_QUESTIONS.map((q) => [
				t(`feedback:iro.q.child.${q}`),
				...FEEDBACK_ANSWERS.map((a) => n(r.feedback.counts.answers.child[q][a]))
			])
		},
		{
			id: 'feedbackCarer',
			caption: t('reports:feedback.carer', { count: r.feedback.counts.given.carer }),
			head: [t('reports:feedback.question'), ...answers],
			chart: answers.map((_, i) => i + 1),
			rows: CARER_QUESTIONS.map((q) => [
				t(`feedback:iro.q.carer.${q}`, { child: t('reports:feedback.theChild') }),
				...FEEDBACK_ANSWERS.map((a) => n(r.feedback.counts.answers.carer[q][a]))
			])
		},
		{
			id: 'changes',
			caption: t('reports:feedback.changes'),
			head: [t('reports:feedback.who'), t('reports:feedback.said')],
			total: r.feedback.changesTotal,
			rows: r.feedback.changes.map((c) => [
				t(`reports:feedback.respondent.${c.respondent}`),
				{ written: c.text, lang: c.lang }
			])
		},
		...(opts.manager
			? [
					{
						id: 'caseloads',
						caption: t('reports:caseloads.caption'),
						head: [
							t('reports:caseloads.iro'),
							t('reports:caseloads.children'),
							t('reports:caseloads.against')
						],
						chart: 1,
						note: band,
						...perIro('caseloads', (c) => [c.name, n(c.children), against(c.children)])
					}
				]
			: []),
		{
			id: 'trend',
			caption: t(opts.manager ? 'reports:trend.captionService' : 'reports:trend.captionCaseload'),
			head: [
				t('reports:trend.on'),
				t('reports:caseloads.children'),
				...(opts.manager
					? [
							t('reports:trend.iros'),
							t('reports:trend.average'),
							t('reports:trend.within'),
							t('reports:trend.over'),
							t('reports:trend.under')
						]
					: [t('reports:caseloads.against')])
			],
			chart: opts.manager ? 3 : 1,
			note: band,
			rows: r.trend.dates.map((on, i) => {
				const loads = iroLoads.map((l) => l[i]);
				const total = loads.reduce((a, b) => a + b, 0);
				const active = loads.filter((x) => x > 0);
				const count = (b: string) => active.filter((x) => caseloadBand(x) === b).length;
				return opts.manager
					? [
							on,
							n(total),
							n(active.length),
							n(active.length ? Math.round(total / active.length) : 0),
							n(count('within')),
							n(count('over')),
							n(count('under'))
						]
					: [on, n(total), against(total)];
			})
		},
		...(opts.manager
			? [
					{
						id: 'trendByIro',
						caption: t('reports:trend.captionByIro'),
						head: [t('reports:caseloads.iro'), ...r.trend.dates],
						note: band,
						...perIro('trendByIro', (c, k) => [c.name, ...iroLoads[k].map(n)])
					}
				]
			: []),
		{
			id: 'urgent',
			caption: t('reports:urgent.caption', {
				sent: r.urgent.sent,
				median: minutes(r.urgent.medianMinutes),
				longest: minutes(r.urgent.longestMinutes)
			}),
			head: [t('reports:urgent.when'), t('reports:urgent.messages'), t('reports:percent')],
			chart: 1,
			rows: ACK_BANDS.map((b) => [
				t(`reports:urgent.band.${b}`),
				n(r.urgent.bands[b]),
				pct(r.urgent.bands[b], r.urgent.sent)
			])
		},
		{
			id: 'oversightSubject',
			caption: t('reports:oversight.bySubject', {
				raised: r.oversight.raised,
				resolved: r.oversight.resolved,
				inTime: r.oversight.resolvedInTime
			}),
			head: [t('oversight:field.subject'), t('reports:oversight.raised')],
			chart: 1,
			rows: CONCERN_SUBJECTS.map((s) => [t(`oversight:subject.${s}`), n(r.oversight.bySubject[s])])
		},
		{
			id: 'oversightStage',
			caption: t('reports:oversight.byStage'),
			head: [t('oversight:field.stage'), t('reports:oversight.raised')],
			chart: 1,
			rows: CONCERN_STAGES.map((s) => [t(`oversight:stage.${s}`), n(r.oversight.byStage[s])])
		},
		{
			id: 'languages',
			caption: t('reports:formats.caption', { count: r.formats.withAccount }),
			head: [t('reports:formats.what'), t('reports:formats.children')],
			chart: 1,
			rows: [
				...Object.entries(r.formats.languages)
					.sort((a, b) => b[1] - a[1])
					.map(([lng, count]) => [isLocale(lng) ? localeInfo(lng).name : lng, n(count)]),
				[t('reports:formats.largePrint'), n(r.formats.largePrint)],
				[t('reports:formats.highContrast'), n(r.formats.highContrast)]
			]
		}
	];
	return tables;
}

/**
 * Documents asked for in another format or language in the period (issue 13): by format, then by
 * language (named in the reader's language; a language typed in is shown as typed). Its own table.
 */
export function formatRequestsTable(
	f: ReturnType<typeof formatRequestFigures>,
	t: Translate,
	lng: Locale
): ReportTable {
	const intl = localeInfo(lng).intl;
	const language = (key: string) =>
		key.startsWith('typed:') ? key.slice(6) : languageLabel(key, intl, t('formats:signLanguage'));
	return {
		id: 'formatRequests',
		caption: t('formats:report.caption'),
		head: [t('formats:report.what'), t('formats:report.requests')],
		chart: 1,
		rows: [
			...f.byKind.map(([kind, count]) => [t(`formats:kind.carer.${kind}`), n(count)]),
			...f.byLanguage.map(([key, count]) => [
				t('formats:report.language', { language: language(key) }),
				n(count)
			])
		]
	};
}

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, return first) is made inert with a leading '. */
export function inert(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A table as CSV: small counts read "fewer than 5" (given in the reader's language). */
export function tableCsv(table: ReportTable, fewer: string): string {
	const cell = (c: Cell): string => {
		if (typeof c === 'string') return inert(c);
		if ('written' in c) return inert(c.written);
		if ('n' in c) return String(exportedCount(c.n) ?? fewer);
		return exportedCount(c.of) === null ? fewer : c.pct === null ? '' : `${c.pct}%`;
	};
	return stringify([[table.caption], table.head.map(inert), ...table.rows.map((row) => row.map(cell))], {
		bom: true
	});
}
