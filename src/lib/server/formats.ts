import { aliasedTable, and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { getRequestEvent } from '$app/server';
import type { RequestEvent } from '@sveltejs/kit';
import { db, keptQuery, tables, write } from './db';
import { afterPost, done, parseForm } from './forms';
import { storeOnce, submissionToken } from './submissions';
import { formatRequestSchema } from '$lib/forms/formats';
import { newId } from './ids';
import { recordAudit } from './audit';
import { londonDate, compareDates } from '$lib/domain/dates';
import {
	countBy,
	FORMAT_KINDS,
	languageLabel,
	needsDocument,
	REQUEST_LANGUAGES,
	type FormatDocument,
	type FormatKind
} from '$lib/domain/formats';
import type { Period } from '$lib/domain/reports';
import { localeInfo, type Locale } from '$lib/i18n/locales';
import type { Translate } from '$lib/i18n/translate';

/**
 * Asking for a document in another format or language (issue 13). A child (their own record) or a
 * linked carer asks; the child's IRO sees the open requests on the caseload and the child's page and
 * marks each done. No email is sent. All SQL for format_requests lives here.
 */
const { formatRequests, children, users } = tables;

export type FormatRequest = typeof formatRequests.$inferSelect;

export interface NewFormatRequest {
	childId: string;
	by: { id: string; role: 'child' | 'carer' };
	kind: FormatKind;
	document: FormatDocument;
	language: string | null;
	languageTyped: string | null;
	note: string;
	noteLang: string | null;
}

/** Stores a request (audited) and returns its id. An interpreter's request is about the meeting. */
export function askForFormat(r: NewFormatRequest, now = Date.now()): string {
	const id = newId();
	write((tx) => {
		tx.insert(formatRequests)
			.values({
				id,
				childId: r.childId,
				requestedBy: r.by.id,
				requestedByRole: r.by.role,
				kind: r.kind,
				document: needsDocument(r.kind) ? r.document : 'meeting',
				language: r.language,
				languageTyped: r.language ? null : r.languageTyped || null,
				note: r.note,
				noteLang: r.note ? r.noteLang : null,
				createdAt: now
			})
			.run();
		recordAudit(
			{ userId: r.by.id, action: 'format.asked', subjectId: id, childId: r.childId, detail: r.kind },
			now,
			tx
		);
	});
	return id;
}

const asker = aliasedTable(users, 'asker');
const doer = aliasedTable(users, 'doer');

/** A child's requests, open ones first, newest first, with who asked and who marked them done. */
export function formatRequestsOf(childId: string, who?: { requestedBy: string }) {
	return db()
		.select({
			id: formatRequests.id,
			kind: formatRequests.kind,
			document: formatRequests.document,
			language: formatRequests.language,
			languageTyped: formatRequests.languageTyped,
			note: formatRequests.note,
			noteLang: formatRequests.noteLang,
			createdAt: formatRequests.createdAt,
			requestedByRole: formatRequests.requestedByRole,
			askedBy: asker.displayName,
			doneAt: formatRequests.doneAt,
			doneNote: formatRequests.doneNote,
			doneBy: doer.displayName
		})
		.from(formatRequests)
		.leftJoin(asker, eq(asker.id, formatRequests.requestedBy))
		.leftJoin(doer, eq(doer.id, formatRequests.doneBy))
		.where(
			and(
				eq(formatRequests.childId, childId),
				who ? eq(formatRequests.requestedBy, who.requestedBy) : undefined
			)
		)
		.orderBy(desc(isNull(formatRequests.doneAt)), desc(formatRequests.createdAt))
		.all();
}

/** How many requests about this child are still open (the child's page). */
export function openFormatCount(childId: string): number {
	return (
		db()
			.select({ n: count() })
			.from(formatRequests)
			.where(and(eq(formatRequests.childId, childId), isNull(formatRequests.doneAt)))
			.get()?.n ?? 0
	);
}

/** Open requests per child of this IRO's caseload (children with none are left out). */
export function openFormatCounts(iroId: string): Record<string, number> {
	return Object.fromEntries(
		openFormatsQuery()
			.all({ iroId })
			.map((r) => [r.childId, r.n])
	);
}

const openFormatsQuery = keptQuery((db) =>
	db
		.select({ childId: formatRequests.childId, n: count() })
		.from(formatRequests)
		.innerJoin(children, eq(children.id, formatRequests.childId))
		.where(and(eq(children.iroId, sql.placeholder('iroId')), isNull(formatRequests.doneAt)))
		.groupBy(formatRequests.childId)
		.prepare()
);

/**
 * The IRO marks an open request of this child done (audited). False if it is not this child's, or
 * already done (a second click changes nothing).
 */
export function markFormatDone(
	childId: string,
	requestId: string,
	userId: string,
	note: string,
	now = Date.now()
): boolean {
	return write((tx) => {
		const changed = tx
			.update(formatRequests)
			.set({ doneAt: now, doneBy: userId, doneNote: note })
			.where(
				and(
					eq(formatRequests.id, requestId),
					eq(formatRequests.childId, childId),
					isNull(formatRequests.doneAt)
				)
			)
			.run().changes;
		if (changed) recordAudit({ userId, action: 'format.done', subjectId: requestId, childId }, now, tx);
		return changed > 0;
	});
}

/** Is this request one of this child's? (for access: another child's request answers 404). */
export function formatRequestOfChild(childId: string, requestId: string): boolean {
	return Boolean(
		db()
			.select({ id: formatRequests.id })
			.from(formatRequests)
			.where(and(eq(formatRequests.id, requestId), eq(formatRequests.childId, childId)))
			.get()
	);
}

/**
 * The reports' figure: requests made in the period (London dates), by format and by language (a
 * listed language's code, or the words typed), for the whole service or one IRO's caseload.
 */
export function formatRequestFigures(scope: { iroId: string | null }, p: Period) {
	const rows = db()
		.select({
			kind: formatRequests.kind,
			language: formatRequests.language,
			languageTyped: formatRequests.languageTyped,
			createdAt: formatRequests.createdAt
		})
		.from(formatRequests)
		.innerJoin(children, eq(children.id, formatRequests.childId))
		.where(scope.iroId ? eq(children.iroId, scope.iroId) : undefined)
		.all()
		.filter((r) => {
			const day = londonDate(r.createdAt);
			return compareDates(day, p.from) >= 0 && compareDates(day, p.to) <= 0;
		});
	const kinds = new Map(countBy(rows, (r) => r.kind));
	return {
		total: rows.length,
		byKind: FORMAT_KINDS.map((k) => [k, kinds.get(k) ?? 0] as const),
		byLanguage: countBy(
			rows.filter((r) => r.language || r.languageTyped),
			(r) => r.language ?? `typed:${r.languageTyped}`
		)
	};
}

/** The language list for the form, named in the reader's language (and in each language's own). */
export function languageOptions(lng: Locale, t: Translate) {
	const intl = localeInfo(lng).intl;
	const sign = t('formats:signLanguage');
	return REQUEST_LANGUAGES.map((code) => ({ value: code, label: languageLabel(code, intl, sign) }));
}

/**
 * A child's requests as a page shows them, with the language named in the reader's language;
 * `requestedBy` keeps to one person's own requests (the child's or a carer's page).
 */
export function requestsAsShown(childId: string, lng: Locale, t: Translate, requestedBy?: string) {
	const intl = localeInfo(lng).intl;
	const sign = t('formats:signLanguage');
	return formatRequestsOf(childId, requestedBy ? { requestedBy } : undefined).map((r) => ({
		...r,
		languageName: r.language ? languageLabel(r.language, intl, sign) : r.languageTyped
	}));
}

/** The asking page of a child or a carer: the form and this person's own requests. */
export function askingPage(childId: string) {
	const { locals, url } = getRequestEvent();
	return {
		submission: submissionToken(),
		sent: url.searchParams.get('done') === 'asked',
		languages: languageOptions(locals.lang, locals.t),
		requests: requestsAsShown(childId, locals.lang, locals.t, locals.user!.id)
	};
}

/** The asking form posted (access already checked by the route): stored once, then the page again. */
export async function askPosted(event: RequestEvent, childId: string, role: 'child' | 'carer') {
	const user = event.locals.user!;
	const form = await event.request.formData();
	const parsed = parseForm(formatRequestSchema, form);
	if (parsed.failure) return parsed.failure;
	storeOnce(form, user.id, () =>
		askForFormat({ ...parsed.data, childId, by: { id: user.id, role }, noteLang: event.locals.lang })
	);
	return afterPost(event, done('asked'));
}
