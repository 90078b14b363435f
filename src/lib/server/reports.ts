import { and, count, eq, gte, isNotNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { PAGE_SIZE } from '$lib/domain/paging';
import { db, tables } from './db';
import { parseDisplay } from '$lib/display';
import {
	CHILD_STATUSES,
	LATER_MEETING_MONTHS,
	SECOND_MEETING_MONTHS,
	type ChildStatus
} from '$lib/domain/timescales';
import { addDays, londonDate } from '$lib/domain/dates';
import { londonInstant } from '$lib/domain/london-time';
import { PARTICIPATION_CODES, type ParticipationCode } from '$lib/domain/participation';
import { CONCERN_STAGES, CONCERN_SUBJECTS } from '$lib/domain/oversight';
import { feedbackCounts } from '$lib/domain/feedback';
import { firstReviewDue, trendDates, urgentFigures, yearBefore, type Period } from '$lib/domain/reports';

/**
 * The service's figures for a period, counted in SQL: for the whole service (managers) or one IRO's
 * caseload. Never a child's name. The shapes follow the IRO annual reports (seeds/).
 */
const {
	meetings,
	children,
	reviewParticipation,
	consultations,
	supportRequests,
	feedback,
	concerns,
	users,
	messages,
	conversations,
	pastAllocations
} = tables;

export type Scope = { iroId: string | null };

const inScope = (scope: Scope): SQL | undefined =>
	scope.iroId ? eq(children.iroId, scope.iroId) : undefined;
const heldIn = (p: Period) =>
	and(isNotNull(meetings.heldOn), gte(meetings.heldOn, p.from), lte(meetings.heldOn, p.to));
const byStatus = <T>(make: () => T) =>
	Object.fromEntries(CHILD_STATUSES.map((s) => [s, make()])) as Record<ChildStatus, T>;

/**
 * Each review held in the period with what its due date needs: the child's status and start date,
 * the review held before it and how many were (0, 1, or 2 meaning "2 or more"), found through the
 * index of each child's held dates, never by loading every review. Two reviews on the same day are
 * ordered by id, as one after the other.
 */
function reviewsHeld(scope: Scope, p: Period) {
	const earlier = sql`from ${meetings} as earlier
		where earlier.child_id = ${meetings.childId} and earlier.held_on <= ${meetings.heldOn}
			and (earlier.held_on < ${meetings.heldOn} or earlier.id < ${meetings.id})`;
	return sql`select ${meetings.id} as id, ${meetings.heldOn} as held_on, ${meetings.writtenUpBy} as iro_id,
			${children.status} as status, ${children.startDate} as start_date,
			(select max(earlier.held_on) ${earlier}) as prev,
			(select count(*) from (select 1 ${earlier} limit 2)) as before
		from ${meetings} join ${children} on ${children.id} = ${meetings.childId}
		where ${meetings.heldOn} >= ${p.from} and ${meetings.heldOn} <= ${p.to}
			${scope.iroId ? sql`and ${children.iroId} = ${scope.iroId}` : sql``}`;
}

/**
 * The same reviews with their due dates: a first review's from the child's start date in working
 * days (worked out once for each start date in `domain/`, as bank holidays are not in the
 * database), a second 3 months after the first, later ones 6 months after the one before (SQLite's
 * `floor` keeps the 31st to the month's last day, as `addMonths` does). No due date: in timescale.
 */
function reviewsWithDue(scope: Scope, p: Period) {
	const firsts = db()
		.all<{ status: ChildStatus; start_date: string }>(
			sql`select distinct status, start_date from (${reviewsHeld(scope, p)}) where before = 0 and start_date is not null`
		)
		.map((r) => [`${r.status} ${r.start_date}`, firstReviewDue(r.status, r.start_date)]);
	return sql`with held as materialized (${reviewsHeld(scope, p)}),
		dued as (select *, case
			when before = 0 then (select value from json_each(${JSON.stringify(Object.fromEntries(firsts))}) where key = status || ' ' || start_date)
			when before = 1 then date(prev, ${`+${SECOND_MEETING_MONTHS} months`}, 'floor')
			else date(prev, ${`+${LATER_MEETING_MONTHS} months`}, 'floor') end as due from held)
		select * from dued`;
}

/** Reviews held in the period, in timescale or not, for cared-for children and child protection plans. */
function timescales(scope: Scope, p: Period) {
	const out = byStatus(() => ({ held: 0, inTimescale: 0 }));
	const rows = db().all<{ status: ChildStatus; held: number; in_time: number }>(
		sql`select status, count(*) as held, sum(due is null or held_on <= due) as in_time
			from (${reviewsWithDue(scope, p)}) group by status`
	);
	for (const r of rows) out[r.status] = { held: r.held, inTimescale: Number(r.in_time ?? 0) };
	return out;
}

export interface LateReview {
	status: ChildStatus;
	heldOn: string;
	due: string;
	daysLate: number;
	iroId: string | null;
}

/** Reviews held in the period that were late, latest first: the first `limit` (all when null), and how many. */
export function lateReviews(scope: Scope, p: Period, limit: number | null) {
	const late = sql`from (${reviewsWithDue(scope, p)}) where due is not null and held_on > due`;
	const total = db().get<{ n: number }>(sql`select count(*) as n ${late}`)?.n ?? 0;
	const rows = db().all<{
		status: ChildStatus;
		held_on: string;
		due: string;
		days_late: number;
		iro_id: string | null;
	}>(
		sql`select status, held_on, due, cast(julianday(held_on) - julianday(due) as integer) as days_late, iro_id ${late}
			order by days_late desc, held_on, id ${limit === null ? sql`` : sql`limit ${limit}`}`
	);
	const list: LateReview[] = rows.map((r) => ({
		status: r.status,
		heldOn: r.held_on,
		due: r.due,
		daysLate: r.days_late,
		iroId: r.iro_id
	}));
	return { total, list };
}

/** How children took part (PN0–PN7) in reviews held in the period. */
function participation(scope: Scope, p: Period) {
	const out = byStatus(
		() => Object.fromEntries(PARTICIPATION_CODES.map((c) => [c, 0])) as Record<ParticipationCode, number>
	);
	const rows = db()
		.select({ status: children.status, code: reviewParticipation.code, n: count() })
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.innerJoin(reviewParticipation, eq(reviewParticipation.meetingId, meetings.id))
		.where(and(heldIn(p), inScope(scope)))
		.groupBy(children.status, reviewParticipation.code)
		.all();
	for (const r of rows) out[r.status][r.code] = r.n;
	return out;
}

/** Of the reviews held: how many children sent My say, chaired or co-chaired, asked for an advocate, met their IRO first. */
function shares(scope: Scope, p: Period) {
	const out = byStatus(() => ({ held: 0, sentMySay: 0, chaired: 0, advocate: 0, spokeBefore: 0 }));
	const rows = db()
		.select({
			status: children.status,
			held: count(),
			sentMySay: sql<number>`sum(exists (select 1 from ${consultations} where ${consultations.meetingId} = ${meetings.id} and ${consultations.sentAt} is not null))`,
			chaired: sql<number>`sum(${reviewParticipation.chaired} in ('chaired', 'co_chaired'))`,
			advocate: sql<number>`sum(exists (select 1 from ${supportRequests} where ${supportRequests.meetingId} = ${meetings.id} and ${supportRequests.kind} = 'advocate'))`,
			spokeBefore: sql<number>`sum(${reviewParticipation.spokeBeforeOn} is not null)`
		})
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.leftJoin(reviewParticipation, eq(reviewParticipation.meetingId, meetings.id))
		.where(and(heldIn(p), inScope(scope)))
		.groupBy(children.status)
		.all();
	for (const r of rows)
		out[r.status] = {
			held: r.held,
			sentMySay: Number(r.sentMySay ?? 0),
			chaired: Number(r.chaired ?? 0),
			advocate: Number(r.advocate ?? 0),
			spokeBefore: Number(r.spokeBefore ?? 0)
		};
	return out;
}

/**
 * "How was my meeting?" about reviews held in the period: counts per answer (counted in SQL from
 * each stored set of answers), and what people said should change.
 */
function feedbackOf(scope: Scope, p: Period, changesShown: number | null) {
	const about = and(heldIn(p), inScope(scope));
	const counts = feedbackCounts([]);
	const given = db()
		.select({
			respondent: feedback.respondent,
			given: sql<number>`sum(${feedback.skippedAt} is null)`,
			skipped: sql<number>`sum(${feedback.skippedAt} is not null)`
		})
		.from(feedback)
		.innerJoin(meetings, eq(meetings.id, feedback.meetingId))
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(about)
		.groupBy(feedback.respondent)
		.all();
	for (const r of given) {
		counts.given[r.respondent] = Number(r.given ?? 0);
		counts.skipped[r.respondent] = Number(r.skipped ?? 0);
	}
	const answers = db().all<{ respondent: 'child' | 'carer'; question: string; answer: string; n: number }>(
		sql`select ${feedback.respondent} as respondent, answer.key as question, answer.value as answer, count(*) as n
			from ${feedback} join ${meetings} on ${meetings.id} = ${feedback.meetingId}
				join ${children} on ${children.id} = ${meetings.childId},
				json_each(case when json_valid(${feedback.answers}) and json_type(${feedback.answers}) = 'object'
					then ${feedback.answers} else '{}' end) as answer
			where ${feedback.skippedAt} is null and ${about}
			group by 1, 2, 3`
	);
	for (const r of answers) {
		const table: Record<string, Record<string, number>> = counts.answers[r.respondent];
		if (table?.[r.question] && typeof r.answer === 'string' && r.answer in table[r.question])
			table[r.question][r.answer] += r.n;
	}
	const said = and(about, sql`trim(${feedback.change}) <> ''`);
	const changesTotal =
		db()
			.select({ n: count() })
			.from(feedback)
			.innerJoin(meetings, eq(meetings.id, feedback.meetingId))
			.innerJoin(children, eq(children.id, meetings.childId))
			.where(said)
			.get()?.n ?? 0;
	const listed = db()
		.select({ respondent: feedback.respondent, text: feedback.change, lang: feedback.changeLang })
		.from(feedback)
		.innerJoin(meetings, eq(meetings.id, feedback.meetingId))
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(said)
		.orderBy(meetings.heldOn, feedback.createdAt)
		.$dynamic();
	const changes = changesShown === null ? listed.all() : listed.limit(changesShown).all();
	return { counts, changes, changesTotal };
}

/** Children per IRO today, against the IRO Handbook's 50 to 70. */
function caseloads(scope: Scope) {
	return db()
		.select({ iroId: users.id, name: users.displayName, children: sql<number>`count(${children.id})` })
		.from(users)
		.leftJoin(children, eq(children.iroId, users.id))
		.where(and(eq(users.role, 'iro'), scope.iroId ? eq(users.id, scope.iroId) : undefined))
		.groupBy(users.id)
		.orderBy(users.displayName)
		.all();
}

/** Concerns raised in the period: by subject, by the stage they reached, and resolved within the stage's time. */
function oversight(scope: Scope, p: Period) {
	const rows = db()
		.select({
			subject: concerns.subject,
			stage: concerns.stage,
			n: count(),
			resolvedInTime: sql<number>`sum(${concerns.resolvedOn} is not null and ${concerns.resolvedOn} <= ${concerns.dueOn})`,
			resolved: sql<number>`sum(${concerns.resolvedOn} is not null)`
		})
		.from(concerns)
		.innerJoin(children, eq(children.id, concerns.childId))
		.where(and(gte(concerns.raisedOn, p.from), lte(concerns.raisedOn, p.to), inScope(scope)))
		.groupBy(concerns.subject, concerns.stage)
		.all();
	const bySubject = Object.fromEntries(CONCERN_SUBJECTS.map((s) => [s, 0])) as Record<
		(typeof CONCERN_SUBJECTS)[number],
		number
	>;
	const byStage = Object.fromEntries(CONCERN_STAGES.map((s) => [s, 0])) as Record<
		(typeof CONCERN_STAGES)[number],
		number
	>;
	let raised = 0,
		resolved = 0,
		resolvedInTime = 0;
	for (const r of rows) {
		bySubject[r.subject] += r.n;
		byStage[r.stage] += r.n;
		raised += r.n;
		resolved += Number(r.resolved ?? 0);
		resolvedInTime += Number(r.resolvedInTime ?? 0);
	}
	return { raised, resolved, resolvedInTime, bySubject, byStage };
}

/** The languages and display settings children with an account use today (counted per distinct setting). */
function formats(scope: Scope) {
	const rows = db()
		.select({ language: users.language, display: users.display, n: count() })
		.from(children)
		.innerJoin(users, eq(users.id, children.userId))
		.where(inScope(scope))
		.groupBy(users.language, users.display)
		.all();
	const languages: Record<string, number> = {};
	let withAccount = 0,
		largePrint = 0,
		highContrast = 0;
	for (const r of rows) {
		const lng = r.language ?? 'en';
		languages[lng] = (languages[lng] ?? 0) + r.n;
		withAccount += r.n;
		const d = parseDisplay(r.display);
		if (d.text !== 'normal') largePrint += r.n;
		if (d.contrast === 'high') highContrast += r.n;
	}
	return { withAccount, languages, largePrint, highContrast };
}

/**
 * Children per IRO on each day of `dates` (month or quarter ends): the IRO a child had that day (the
 * current one from the end of their last past allocation, or from their start date), while their
 * record was open (started, not yet closed). Counted in SQL, one row per IRO and day; given as each
 * IRO's counts in the order of `dates` (a national service's ten years: a thousand IROs by 120
 * dates, sent from the figures' worker as a thousand lists rather than 120,000 rows).
 */
function caseloadTrend(scope: Scope, dates: string[]): Record<string, number[]> {
	const byIro: Record<string, number[]> = {};
	if (!dates.length) return byIro;
	const at = new Map(dates.map((on, i) => [on, i]));
	const since = sql`coalesce((select max(${pastAllocations.untilOn}) from ${pastAllocations} where ${pastAllocations.childId} = ${children.id}), ${children.startDate}, '0000-01-01')`;
	const rows = db().all<{ on: string; iro_id: string; n: number }>(
		sql`with stints(child_id, iro_id, from_on, until_on) as (
				select ${pastAllocations.childId}, ${pastAllocations.iroId}, ${pastAllocations.fromOn}, ${pastAllocations.untilOn}
					from ${pastAllocations} where ${pastAllocations.iroId} is not null
				union all
				select ${children.id}, ${children.iroId}, ${since}, '9999-12-31' from ${children} where ${children.iroId} is not null)
			select day.value as "on", stints.iro_id as iro_id, count(*) as n
			from json_each(${JSON.stringify(dates)}) as day
				join stints on coalesce(stints.from_on, '0000-01-01') <= day.value and stints.until_on > day.value
				join ${children} on ${children.id} = stints.child_id
			where coalesce(${children.startDate}, '0000-01-01') <= day.value
				and (${children.closedOn} is null or ${children.closedOn} > day.value)
				${scope.iroId ? sql`and stints.iro_id = ${scope.iroId}` : sql``}
			group by day.value, stints.iro_id`
	);
	for (const row of rows)
		(byIro[row.iro_id] ??= new Array<number>(dates.length).fill(0))[at.get(row.on)!] = row.n;
	return byIro;
}

/**
 * Urgent messages from children and carers sent in the period, and how soon staff acknowledged them.
 * Only urgent messages are read (a partial index holds them apart from every other message), with
 * just their two instants: the bands need the working days, which live in `domain/`.
 */
function urgent(scope: Scope, p: Period) {
	const rows = db()
		.select({ sentAt: messages.createdAt, acknowledgedAt: messages.acknowledgedAt })
		.from(messages)
		.innerJoin(conversations, eq(conversations.id, messages.conversationId))
		.innerJoin(children, eq(children.id, conversations.childId))
		.where(
			and(
				sql`${messages.urgent} = 1 and ${messages.fromStaff} = 0`,
				gte(messages.createdAt, londonInstant(p.from, '00:00')),
				lt(messages.createdAt, londonInstant(addDays(p.to, 1), '00:00')),
				inScope(scope)
			)
		)
		.all();
	return urgentFigures(rows);
}

/**
 * Every figure of the report for a period, with participation for the year before too. `lateShown`
 * and `changesShown`: how many late reviews and things people said to list (all when null); `today`
 * ends the caseload trend.
 */
export function serviceReport(
	scope: Scope,
	p: Period,
	opts: { lateShown?: number | null; changesShown?: number | null; today?: string } = {}
) {
	const today = opts.today ?? londonDate(Date.now());
	return {
		timescales: timescales(scope, p),
		late: lateReviews(scope, p, opts.lateShown === undefined ? PAGE_SIZE : opts.lateShown),
		participation: participation(scope, p),
		participationBefore: participation(scope, yearBefore(p)),
		shares: shares(scope, p),
		feedback: feedbackOf(scope, p, opts.changesShown === undefined ? PAGE_SIZE : opts.changesShown),
		caseloads: caseloads(scope),
		trend: { dates: trendDates(p, today), byIro: caseloadTrend(scope, trendDates(p, today)) },
		oversight: oversight(scope, p),
		formats: formats(scope),
		urgent: urgent(scope, p)
	};
}

export type ServiceReport = ReturnType<typeof serviceReport>;
