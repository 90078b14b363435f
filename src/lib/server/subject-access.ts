import { and, asc, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { zipSync, strToU8 } from 'fflate';
import { formatRequestsOf } from './formats';
import { voicesOfChild } from './voice';
import { db, tables } from './db';
import { recordAudit } from './audit';
import { translator } from './i18n';
import { parseAnswers } from './consultation';
import { formatDate, formatDateTime } from '$lib/format';
import { isLocale, localeInfo, type Locale } from '$lib/i18n/locales';
import { localeFromLanguages } from '$lib/i18n/letter-language';
import { callName } from '$lib/domain/names';

/**
 * Subject access: everything Voicebox holds about a child, or about a parent or carer, as one zip
 * with a readable HTML document (the set words in the person's own language, every value escaped,
 * no scripts, readable offline) and a JSON file of the same. Producing it is audited. All its SQL
 * lives here; it reads across areas, like pack.ts.
 */
const t_ = tables;

const parseJson = (text: string | null | undefined): unknown => {
	try {
		return JSON.parse(text ?? 'null');
	} catch {
		return null;
	}
};

function auditAbout(where: ReturnType<typeof or>) {
	return db()
		.select({
			action: t_.auditLog.action,
			subjectId: t_.auditLog.subjectId,
			at: t_.auditLog.at,
			by: t_.users.displayName,
			role: t_.users.role
		})
		.from(t_.auditLog)
		.innerJoin(t_.users, eq(t_.users.id, t_.auditLog.userId))
		.where(where)
		.orderBy(desc(t_.auditLog.at), desc(t_.auditLog.id))
		.all();
}

function messagesOf(conversationIds: string[]) {
	if (!conversationIds.length) return [];
	return db()
		.select({
			from: t_.users.displayName,
			fromStaff: t_.messages.fromStaff,
			body: t_.messages.body,
			lang: t_.messages.lang,
			urgent: t_.messages.urgent,
			sentAt: t_.messages.createdAt,
			readAt: t_.messages.readAt
		})
		.from(t_.messages)
		.innerJoin(t_.users, eq(t_.users.id, t_.messages.authorId))
		.where(inArray(t_.messages.conversationId, conversationIds))
		.orderBy(asc(t_.messages.createdAt))
		.all();
}

function accountOf(userId: string | null) {
	if (!userId) return null;
	const u = db()
		.select({ username: t_.users.username, email: t_.users.email, language: t_.users.language })
		.from(t_.users)
		.where(eq(t_.users.id, userId))
		.get();
	return u ?? null;
}

function feedbackRows(where: ReturnType<typeof and>) {
	return db()
		.select()
		.from(t_.feedback)
		.where(where)
		.all()
		.map((f) => ({
			meetingId: f.meetingId,
			answers: parseJson(f.answers),
			change: f.change,
			changeLang: f.changeLang,
			skipped: f.skippedAt !== null,
			at: f.createdAt
		}));
}

function conversationIds(where: ReturnType<typeof and>) {
	return db()
		.select({ id: t_.conversations.id })
		.from(t_.conversations)
		.where(where)
		.all()
		.map((c) => c.id);
}

/** What a parent or carer wrote for a meeting, as both records show it. */
const viewFields = (view: typeof t_.carerViews.$inferSelect) => ({
	goingWell: view.goingWell,
	worries: view.worries,
	nextSteps: view.nextSteps,
	anythingElse: view.anythingElse,
	lang: view.viewsLang,
	attending: view.attending,
	sentAt: view.sentAt
});

/** Everything held about one child (not what is about another child). */
export function childRecord(childId: string) {
	const child = db().select().from(t_.children).where(eq(t_.children.id, childId)).get();
	if (!child) return null;
	const iro = child.iroId
		? db().select({ name: t_.users.displayName }).from(t_.users).where(eq(t_.users.id, child.iroId)).get()
		: undefined;
	const carers = db()
		.select({ id: t_.carers.id, fullName: t_.carers.fullName, relationship: t_.childCarers.relationship })
		.from(t_.childCarers)
		.innerJoin(t_.carers, eq(t_.carers.id, t_.childCarers.carerId))
		.where(eq(t_.childCarers.childId, childId))
		.all();
	const byMeeting = <T extends { meetingId: string | null }>(rows: T[], id: string) =>
		rows.filter((r) => r.meetingId === id);
	const consultations = db()
		.select()
		.from(t_.consultations)
		.where(eq(t_.consultations.childId, childId))
		.all();
	const agenda = db()
		.select()
		.from(t_.agendaItems)
		.where(eq(t_.agendaItems.childId, childId))
		.orderBy(asc(t_.agendaItems.position))
		.all();
	const choices = db().select().from(t_.meetingChoices).where(eq(t_.meetingChoices.childId, childId)).all();
	const meetings = db()
		.select()
		.from(t_.meetings)
		.where(eq(t_.meetings.childId, childId))
		.orderBy(asc(t_.meetings.startsAt))
		.all();
	const meetingIds = meetings.map((m) => m.id);
	const views = meetingIds.length
		? db()
				.select({ view: t_.carerViews, carer: t_.carers.fullName })
				.from(t_.carerViews)
				.innerJoin(t_.carers, eq(t_.carers.id, t_.carerViews.carerId))
				.where(and(inArray(t_.carerViews.meetingId, meetingIds), isNotNull(t_.carerViews.sentAt)))
				.all()
		: [];
	const outcomes = meetingIds.length
		? db()
				.select({
					meetingId: t_.agendaOutcomes.meetingId,
					said: t_.agendaItems.text,
					saidLang: t_.agendaItems.lang,
					did: t_.agendaOutcomes.text,
					didLang: t_.agendaOutcomes.textLang
				})
				.from(t_.agendaOutcomes)
				.innerJoin(t_.agendaItems, eq(t_.agendaItems.id, t_.agendaOutcomes.agendaItemId))
				.where(inArray(t_.agendaOutcomes.meetingId, meetingIds))
				.all()
		: [];
	const decisions = db()
		.select()
		.from(t_.decisions)
		.where(and(eq(t_.decisions.childId, childId), eq(t_.decisions.visibleToChild, true)))
		.all();
	const letters = db()
		.select()
		.from(t_.meetingLetters)
		.where(and(eq(t_.meetingLetters.childId, childId), isNotNull(t_.meetingLetters.sentAt)))
		.all();
	const feedback = feedbackRows(and(eq(t_.feedback.childId, childId), isNull(t_.feedback.carerId)));
	const conversation = conversationIds(
		and(eq(t_.conversations.childId, childId), isNull(t_.conversations.carerId))
	);
	const support = db().select().from(t_.supportRequests).where(eq(t_.supportRequests.childId, childId)).all();
	const subjects = [childId, ...(child.userId ? [child.userId] : [])];
	return {
		kind: 'child' as const,
		lang: (isLocale(accountOf(child.userId)?.language)
			? accountOf(child.userId)!.language
			: null) as Locale | null,
		fallbackLang: localeFromLanguages(child.languages) ?? 'en',
		name: callName(child),
		person: {
			id: child.id,
			fullName: child.fullName,
			preferredName: child.preferredName,
			dateOfBirth: child.dateOfBirth,
			status: child.status,
			startDate: child.startDate,
			languages: child.languages,
			communicationNeeds: child.communicationNeeds,
			pictureVersion: child.pictureVersion,
			iro: iro?.name ?? null,
			account: accountOf(child.userId),
			carers: carers.map((c) => ({ fullName: c.fullName, relationship: c.relationship })),
			createdAt: child.createdAt
		},
		meetings: meetings.map((m) => {
			const say = consultations.find((c) => c.meetingId === m.id);
			const letter = letters.find((l) => l.meetingId === m.id);
			return {
				id: m.id,
				kind: m.kind,
				startsAt: m.startsAt,
				venue: m.venue,
				mode: m.mode,
				cancelledAt: m.cancelledAt,
				heldOn: m.heldOn,
				notHeldReason: m.notHeldReason,
				mySay: say
					? Object.entries(parseAnswers(say.answers)).map(([question, a]) => ({
							question,
							answer: a.value,
							lang: a.lang ?? null,
							onlyMyIro: a.visibility === 'iro'
						}))
					: [],
				mySaySentAt: say?.sentAt ?? null,
				agenda: byMeeting(agenda, m.id).map((a) => ({
					text: a.text,
					lang: a.lang,
					raiser: a.raiser,
					onlyMyIro: a.visibility === 'iro'
				})),
				choices: (() => {
					const c = choices.find((x) => x.meetingId === m.id);
					return c ? { chair: c.chair, choices: parseJson(c.choices) } : null;
				})(),
				carersViews: views
					.filter((v) => v.view.meetingId === m.id)
					.map(({ view, carer }) => ({ carer, ...viewFields(view) })),
				outcomes: byMeeting(outcomes, m.id).map(({ said, saidLang, did, didLang }) => ({
					said,
					saidLang,
					did,
					didLang
				})),
				decisions: byMeeting(decisions, m.id).map((d) => ({
					text: d.text,
					lang: d.textLang,
					who: d.whoName || d.whoRole,
					dueOn: d.dueOn,
					doneAt: d.doneAt
				})),
				letter: letter
					? {
							words: parseJson(letter.words),
							wordsLang: letter.wordsLang,
							content: parseJson(letter.content),
							sentAt: letter.sentAt
						}
					: null,
				feedback: byMeeting(feedback, m.id).map(({ answers, change, changeLang, skipped, at }) => ({
					answers,
					change,
					changeLang,
					skipped,
					at
				}))
			};
		}),
		support: support.map((s) => ({ kind: s.kind, status: s.status, note: s.note, at: s.createdAt })),
		// Asking for a format (issue 13): by the child or their carers.
		formats: formatRequestsOf(childId).map((r) => ({
			kind: r.kind,
			document: r.document,
			language: r.language ?? r.languageTyped,
			note: r.note,
			at: r.createdAt,
			doneAt: r.doneAt
		})),
		messages: messagesOf(conversation),
		// Answers by voice (issue 13): each recording is in the zip as its own file (voiceFiles).
		voiceRecordings: voicesOfChild(childId).map((v) => ({
			file: voiceFileName(v),
			question: v.questionId,
			meetingId: v.meetingId,
			messageId: v.messageId,
			onlyMyIro: v.messageId !== null || v.visibility === 'iro',
			contentType: v.contentType,
			bytes: v.bytes,
			at: v.createdAt
		})),
		audit: auditAbout(or(eq(t_.auditLog.childId, childId), inArray(t_.auditLog.subjectId, subjects)))
	};
}

const AUDIO_EXTENSIONS: Record<string, string> = {
	'audio/webm': 'webm',
	'audio/ogg': 'ogg',
	'audio/mp4': 'm4a'
};

/** Where a voice recording sits in the subject access zip. */
function voiceFileName(v: { id: string; contentType: string }) {
	return `voice/${v.id}.${AUDIO_EXTENSIONS[v.contentType] ?? 'audio'}`;
}

/** Everything held about one parent or carer: their details, links, views, messages and feedback. */
export function carerRecord(carerId: string) {
	const carer = db().select().from(t_.carers).where(eq(t_.carers.id, carerId)).get();
	if (!carer) return null;
	const links = db()
		.select({ child: t_.children.fullName, relationship: t_.childCarers.relationship })
		.from(t_.childCarers)
		.innerJoin(t_.children, eq(t_.children.id, t_.childCarers.childId))
		.where(eq(t_.childCarers.carerId, carerId))
		.all();
	const views = db()
		.select({ view: t_.carerViews, startsAt: t_.meetings.startsAt, kind: t_.meetings.kind })
		.from(t_.carerViews)
		.innerJoin(t_.meetings, eq(t_.meetings.id, t_.carerViews.meetingId))
		.where(eq(t_.carerViews.carerId, carerId))
		.orderBy(asc(t_.meetings.startsAt))
		.all();
	const conversations = conversationIds(eq(t_.conversations.carerId, carerId));
	const account = accountOf(carer.userId);
	const subjects = [carerId, ...conversations, ...(carer.userId ? [carer.userId] : [])];
	return {
		kind: 'carer' as const,
		lang: (isLocale(account?.language) ? account!.language : null) as Locale | null,
		fallbackLang: (isLocale(carer.language) ? carer.language : 'en') as Locale,
		name: carer.fullName,
		person: {
			id: carer.id,
			fullName: carer.fullName,
			email: carer.email,
			phone: carer.phone,
			language: carer.language,
			account,
			links,
			createdAt: carer.createdAt
		},
		views: views.map(({ view, startsAt, kind }) => ({ meeting: { kind, startsAt }, ...viewFields(view) })),
		messages: messagesOf(conversations),
		feedback: feedbackRows(eq(t_.feedback.carerId, carerId)),
		audit: auditAbout(inArray(t_.auditLog.subjectId, subjects))
	};
}

type ChildRecord = NonNullable<ReturnType<typeof childRecord>>;
type CarerRecord = NonNullable<ReturnType<typeof carerRecord>>;
export type SubjectRecord = ChildRecord | CarerRecord;

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
/** Text made safe for HTML: nothing anyone typed can become markup. */
export const escapeHtml = (value: unknown): string =>
	String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A value of any shape (answers, choices) as readable text. */
function plain(value: unknown): string {
	if (value === null || value === undefined || value === '') return '–';
	if (Array.isArray(value)) return value.map(plain).join(', ');
	if (typeof value === 'object')
		return Object.entries(value as Record<string, unknown>)
			.map(([k, v]) => `${k}: ${plain(v)}`)
			.join('; ');
	return String(value);
}

/** The readable document: set words in the person's language, values escaped, no script, no links out. */
export function subjectHtml(record: SubjectRecord, now = Date.now()): string {
	const lang = record.lang ?? record.fallbackLang;
	const t = translator(lang);
	const { intl, dir } = localeInfo(lang);
	const when = (at: number | null | undefined) => (at ? formatDateTime(at, intl) : '–');
	const day = (date: string | null | undefined) => (date ? formatDate(date, intl) : '–');
	const e = escapeHtml;
	/** Words someone wrote: escaped, in their writer's language (when known), their direction their own. */
	const w = (text: unknown, lang?: unknown) =>
		`<span${typeof lang === 'string' && lang ? ` lang="${e(lang)}"` : ''} dir="auto">${e(plain(text))}</span>`;
	const rows = (pairs: Array<[string, unknown]>) =>
		`<dl>${pairs.map(([k, v]) => `<dt>${e(t(`audit:export.field.${k}`))}</dt><dd>${e(plain(v))}</dd>`).join('')}</dl>`;
	const section = (title: string, body: string, level = 2) =>
		`<section><h${level}>${e(title)}</h${level}>${body || `<p>${e(t('audit:export.nothing'))}</p>`}</section>`;
	const list = (items: string[]) =>
		items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '';
	const messages = list(
		record.messages.map(
			(m) =>
				`<p><strong>${e(m.from)}</strong>, ${e(when(m.sentAt))}</p><p class="body">${w(m.body, m.lang)}</p>`
		)
	);
	const feedback = (
		rowsOf: Array<{
			answers: unknown;
			change: string;
			changeLang: string | null;
			skipped: boolean;
			at: number;
		}>
	) =>
		list(
			rowsOf.map((f) =>
				f.skipped
					? e(t('audit:export.skipped'))
					: `${e(plain(f.answers))}.${f.change ? ` ${w(f.change, f.changeLang)}` : ''}`
			)
		);
	const audit = list(
		record.audit.map(
			(a) =>
				`${e(when(a.at))}: ${e(a.by)} (${e(t(`audit:role.${a.role}`))}): ${e(t(`audit:action.${a.action}`, { defaultValue: a.action }))}`
		)
	);
	const views = (v: Array<Record<string, unknown>>) =>
		list(
			v.map(
				(x) =>
					(x.carer ? `<p><strong>${e(x.carer)}</strong>, ${e(when(x.sentAt as number))}</p>` : '') +
					`<dl>${(['goingWell', 'worries', 'nextSteps', 'anythingElse'] as const)
						.map(
							(k) => `<dt>${e(t(`audit:export.field.${k}`))}</dt><dd>${w(x[k], x[k] ? x.lang : null)}</dd>`
						)
						.join('')}</dl>`
			)
		);
	let body: string;
	if (record.kind === 'child') {
		const p = record.person;
		body =
			section(
				t('audit:export.about'),
				rows([
					['fullName', p.fullName],
					['preferredName', p.preferredName],
					['dateOfBirth', day(p.dateOfBirth)],
					['languages', p.languages],
					['communicationNeeds', p.communicationNeeds],
					['pictureVersion', t(p.pictureVersion ? 'listen:pictures.isOn' : 'listen:pictures.isOff')],
					['iro', p.iro],
					['username', p.account?.username],
					['carers', p.carers.map((c) => `${c.fullName} (${c.relationship})`)]
				])
			) +
			section(
				t('audit:export.meetings'),
				record.meetings
					.map((m) =>
						section(
							t('audit:export.meeting', { date: when(m.startsAt) }),
							section(
								t('audit:export.mySay'),
								list(
									m.mySay.map(
										(a) =>
											`${e(a.question)}: ${typeof a.answer === 'string' ? w(a.answer, a.lang) : e(plain(a.answer))}`
									)
								),
								4
							) +
								section(t('audit:export.agenda'), list(m.agenda.map((a) => w(a.text, a.lang))), 4) +
								section(t('audit:export.choices'), m.choices ? `<p>${e(plain(m.choices))}</p>` : '', 4) +
								section(t('audit:export.views'), views(m.carersViews), 4) +
								section(
									t('audit:export.outcomes'),
									list(m.outcomes.map((o) => `${w(o.said, o.saidLang)}: ${w(o.did, o.didLang)}`)),
									4
								) +
								section(
									t('audit:export.decisions'),
									list(m.decisions.map((d) => `${w(d.text, d.lang)} (${e(d.who)}, ${e(day(d.dueOn))})`)),
									4
								) +
								section(
									t('audit:export.letter'),
									m.letter
										? `<p>${e(when(m.letter.sentAt))}</p><p>${w(m.letter.words, m.letter.wordsLang)}</p>`
										: '',
									4
								) +
								section(t('audit:export.feedback'), feedback(m.feedback), 4),
							3
						)
					)
					.join('')
			) +
			section(
				t('audit:export.support'),
				list(record.support.map((s) => `${e(when(s.at))}: ${e(s.kind)}, ${e(s.status)}. ${e(s.note)}`))
			) +
			section(
				t('audit:export.formats'),
				list(
					record.formats.map(
						(f) =>
							`${e(when(f.at))}: ${e(t(`formats:kind.carer.${f.kind}`))}, ${e(f.document)}, ${e(f.language ?? '')}. ${e(f.note)}${f.doneAt ? ` (${e(t('formats:asked.done', { date: when(f.doneAt) }))})` : ''}`
					)
				)
			) +
			section(
				t('voice:export.title'),
				list(
					record.voiceRecordings.map(
						(v) =>
							`${e(when(v.at))}: ${e(v.question ? t(`pack:questions.${v.question}`, { defaultValue: v.question }) : t('voice:message.label'))} (${e(v.file)})`
					)
				)
			);
	} else {
		const p = record.person;
		body =
			section(
				t('audit:export.about'),
				rows([
					['fullName', p.fullName],
					['email', p.email],
					['phone', p.phone],
					['username', p.account?.username],
					['children', p.links.map((l) => `${l.child} (${l.relationship})`)]
				])
			) +
			section(t('audit:export.views'), views(record.views)) +
			section(t('audit:export.feedback'), feedback(record.feedback));
	}
	body += section(t('audit:export.messages'), messages) + section(t('audit:export.audit'), audit);
	const title = t('audit:export.title', { name: record.name });
	return `<!doctype html>
<html lang="${e(lang)}" dir="${e(dir)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-inline-size:48rem;margin:1rem auto;padding-inline:1rem}dt{font-weight:bold}dd{margin-inline-start:1rem}.body{white-space:pre-line}</style>
</head>
<body>
<h1>${e(title)}</h1>
<p>${e(t('audit:export.made', { date: when(now) }))}</p>
${body}
</body>
</html>
`;
}

/** The zip: the readable HTML and the JSON of the same record. */
export function subjectZip(record: SubjectRecord, now = Date.now()): Uint8Array {
	// The JSON holds what is held about the person, not how this document chose its language.
	const data = Object.fromEntries(
		Object.entries(record).filter(([key]) => key !== 'lang' && key !== 'fallbackLang')
	);
	// A child's voice recordings go in as the files they are (the JSON and HTML name each one).
	const voices =
		record.kind === 'child'
			? Object.fromEntries(
					voicesOfChild(record.person.id).map((v) => [voiceFileName(v), new Uint8Array(v.audio)])
				)
			: {};
	return zipSync({
		'everything-held.html': strToU8(subjectHtml(record, now)),
		'everything-held.json': strToU8(
			JSON.stringify({ madeAt: new Date(now).toISOString(), ...data }, null, 2)
		),
		...voices
	});
}

/**
 * Produces the subject access download for the child (`who` 'child') or one of their carers, and
 * records that this manager produced it (in the child's trail). Null when there is no such person.
 */
export function subjectAccessExport(
	byUserId: string,
	childId: string,
	who: { carerId: string } | 'child',
	now = Date.now()
): { zip: Uint8Array; name: string } | null {
	const record = who === 'child' ? childRecord(childId) : carerRecord(who.carerId);
	if (!record) return null;
	recordAudit(
		{
			userId: byUserId,
			action: who === 'child' ? 'subject_access.child' : 'subject_access.carer',
			subjectId: who === 'child' ? childId : who.carerId,
			childId
		},
		now
	);
	return { zip: subjectZip(record, now), name: record.name };
}
