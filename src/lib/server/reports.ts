import { and, count, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { db, tables } from './db';
import { parseDisplay } from '$lib/display';
import { CHILD_STATUSES, type ChildStatus } from '$lib/domain/timescales';
import { PARTICIPATION_CODES, type ParticipationCode } from '$lib/domain/participation';
import { CONCERN_STAGES, CONCERN_SUBJECTS } from '$lib/domain/oversight';
import { feedbackCounts, type FeedbackFacts } from '$lib/domain/feedback';
import {
	reviewsInTimescale,
	yearBefore,
	type Period,
	type ReviewsOfChild,
	type TimescaleFigures
} from '$lib/domain/reports';

/**
 * The service's figures for a period, counted in SQL: for the whole service (managers) or one IRO's
 * caseload. Never a child's name. The shapes follow the IRO annual reports (seeds/).
 */
const { meetings, children, reviewParticipation, consultations, supportRequests, feedback, concerns, users } =
	tables;

export type Scope = { iroId: string | null };

const inScope = (scope: Scope): SQL | undefined =>
	scope.iroId ? eq(children.iroId, scope.iroId) : undefined;
const heldIn = (p: Period) =>
	and(isNotNull(meetings.heldOn), gte(meetings.heldOn, p.from), lte(meetings.heldOn, p.to));
const byStatus = <T>(make: () => T) =>
	Object.fromEntries(CHILD_STATUSES.map((s) => [s, make()])) as Record<ChildStatus, T>;

/** Reviews held in the period, in timescale or not, for cared-for children and child protection plans. */
function timescales(scope: Scope, p: Period) {
	const rows = db()
		.select({
			childId: children.id,
			status: children.status,
			startDate: children.startDate,
			heldOn: meetings.heldOn,
			iroId: meetings.writtenUpBy
		})
		.from(meetings)
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(and(isNotNull(meetings.heldOn), lte(meetings.heldOn, p.to), inScope(scope)))
		.all();
	const byChild = new Map<string, ReviewsOfChild>();
	for (const r of rows) {
		const child = byChild.get(r.childId) ?? { status: r.status, startDate: r.startDate, held: [] };
		child.held.push({ heldOn: r.heldOn!, iroId: r.iroId });
		byChild.set(r.childId, child);
	}
	const all = [...byChild.values()];
	return Object.fromEntries(
		CHILD_STATUSES.map((s) => [
			s,
			reviewsInTimescale(
				all.filter((c) => c.status === s),
				p
			)
		])
	) as Record<ChildStatus, TimescaleFigures>;
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

/** "How was my meeting?" about reviews held in the period: counts per answer, and what people said should change. */
function feedbackOf(scope: Scope, p: Period) {
	const rows = db()
		.select({
			respondent: feedback.respondent,
			answers: feedback.answers,
			skippedAt: feedback.skippedAt,
			change: feedback.change,
			changeLang: feedback.changeLang
		})
		.from(feedback)
		.innerJoin(meetings, eq(meetings.id, feedback.meetingId))
		.innerJoin(children, eq(children.id, meetings.childId))
		.where(and(heldIn(p), inScope(scope)))
		.all();
	const facts: FeedbackFacts[] = rows.map((r) => ({
		respondent: r.respondent,
		answers: safeJson(r.answers),
		skippedAt: r.skippedAt
	}));
	return {
		counts: feedbackCounts(facts),
		changes: rows
			.filter((r) => r.change.trim())
			.map((r) => ({ respondent: r.respondent, text: r.change, lang: r.changeLang }))
	};
}

function safeJson(text: string): FeedbackFacts['answers'] {
	try {
		const value = JSON.parse(text);
		return value && typeof value === 'object' ? value : {};
	} catch {
		return {};
	}
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

/** The languages and display settings children with an account use today. */
function formats(scope: Scope) {
	const rows = db()
		.select({ language: users.language, display: users.display })
		.from(children)
		.innerJoin(users, eq(users.id, children.userId))
		.where(inScope(scope))
		.all();
	const languages: Record<string, number> = {};
	let largePrint = 0,
		highContrast = 0;
	for (const r of rows) {
		const lng = r.language ?? 'en';
		languages[lng] = (languages[lng] ?? 0) + 1;
		const d = parseDisplay(r.display);
		if (d.text !== 'normal') largePrint += 1;
		if (d.contrast === 'high') highContrast += 1;
	}
	return { withAccount: rows.length, languages, largePrint, highContrast };
}

/** Every figure of the report for a period, with participation for the year before too. */
export function serviceReport(scope: Scope, p: Period) {
	return {
		timescales: timescales(scope, p),
		participation: participation(scope, p),
		participationBefore: participation(scope, yearBefore(p)),
		shares: shares(scope, p),
		feedback: feedbackOf(scope, p),
		caseloads: caseloads(scope),
		oversight: oversight(scope, p),
		formats: formats(scope)
	};
}

export type ServiceReport = ReturnType<typeof serviceReport>;
