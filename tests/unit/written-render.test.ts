import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import WithI18n from './support/WithI18n.svelte';
import type { Locale } from '../../src/lib/i18n/locales';

/**
 * Issue 11, words people wrote keep their writer's language: a carer's views, the child's own words in
 * My say, the decisions, what happened to each agenda item, the IRO's own words in the letter and the
 * free text of feedback are stored with the language of the writer's page and shown with `lang` (and
 * `dir="auto"`) wherever they are read, so a screen reader reads each in its own voice. Older words
 * (stored before languages were kept) claim none.
 */
const { eq } = await import('drizzle-orm');
const { db, tables, write } = await import('../../src/lib/server/db');
const { newIro, newChild, bookMeeting, DAY } = await import('./support/people');
const { addCarer } = await import('../../src/lib/server/carers');
const { saveViews, viewsShown } = await import('../../src/lib/server/views');
const { meetingOfChild } = await import('../../src/lib/server/meetings');
const { mergeAnswers } = await import('../../src/lib/domain/consultation');
const { groupAnswers } = await import('../../src/lib/domain/pack');
const outcomes = await import('../../src/lib/server/outcomes');
const { renderLetter } = await import('../../src/lib/server/outcome-letters');
const { saveFeedback } = await import('../../src/lib/server/feedback');
const { serviceReport } = await import('../../src/lib/server/reports');
const { reportTables, tableCsv } = await import('../../src/lib/server/report-tables');
const { childRecord, carerRecord, subjectHtml } = await import('../../src/lib/server/subject-access');
const { translator } = await import('../../src/lib/server/i18n');
const { addAgendaItem } = await import('../../src/lib/server/agenda');
const { londonDate } = await import('../../src/lib/domain/dates');
const AnswerValue = (await import('../../src/lib/components/pack/AnswerValue.svelte')).default;
const AnswerSummary = (await import('../../src/lib/components/say/AnswerSummary.svelte')).default;
const PackCarers = (await import('../../src/lib/components/pack/PackCarers.svelte')).default;
const DecisionSummary = (await import('../../src/lib/components/outcomes/DecisionSummary.svelte')).default;
const OutcomeLetter = (await import('../../src/lib/components/outcomes/OutcomeLetter.svelte')).default;

const NOW = Date.now();
let iroId: string;

/** What a page shows of a component, as a page in `lang` renders it. */
function html(component: unknown, props: Record<string, unknown>, lang: Locale = 'en') {
	return render(WithI18n, {
		props: { component: component as Component<Record<string, unknown>>, props, lang }
	}).body;
}

/** The markup around some words: `<span lang="ar" dir="auto">words</span>`, or without `lang`. */
const written = (text: string, lang: string | null) =>
	lang ? `<span lang="${lang}" dir="auto">${text}</span>` : `<span dir="auto">${text}</span>`;

function heldReview() {
	const childId = newChild(iroId, { preferredName: 'Zainab' });
	const meetingId = bookMeeting(childId, -5, NOW);
	write((tx) =>
		tx
			.update(tables.meetings)
			.set({ heldOn: londonDate(NOW - 5 * DAY), writtenUpAt: NOW - 4 * DAY, writtenUpBy: iroId })
			.where(eq(tables.meetings.id, meetingId))
			.run()
	);
	const child = db().select().from(tables.children).where(eq(tables.children.id, childId)).get()!;
	return { child, childId, meeting: meetingOfChild(childId, meetingId)!, meetingId };
}

beforeAll(async () => {
	iroId = await newIro('wren');
});

describe('words people wrote keep their language', () => {
	it('a carer’s views: stored with the carer’s page language, marked in the IRO’s pack', () => {
		const { childId, meetingId } = heldReview();
		const carerId = addCarer(childId, { fullName: 'Ola Nowak', relationship: 'Mama', email: '', phone: '' });
		const words = 'Zainab dobrze się uczy.';
		const views = saveViews({
			meetingId,
			carerId,
			values: { goingWell: words, worries: '', nextSteps: '', anythingElse: '', attending: 'yes' },
			send: true,
			lang: 'pl'
		});
		expect(viewsShown(views).lang).toBe('pl');
		const page = html(PackCarers, {
			carers: [
				{
					id: carerId,
					fullName: 'Ola Nowak',
					relationship: 'Mama',
					relationshipLang: null,
					hasAccount: true,
					state: 'sent',
					views: viewsShown(views)
				}
			]
		});
		expect(page).toMatch(new RegExp(`<dd[^>]*dir="auto" lang="pl">${words}</dd>`));
		// An empty answer ("–") is not claimed to be Polish.
		expect(page).toMatch(/<dd[^>]*dir="auto">–<\/dd>/);
	});

	it('the child’s own words in My say: each answer keeps the language of the page it was written on', () => {
		const words = 'أحب مدرستي';
		const { answers } = mergeAnswers(
			{ good: { value: 'Old words', visibility: 'iro', updatedAt: 1 } },
			[
				{ id: 'worries', value: words, visibility: 'iro', lang: 'ar' },
				{ id: 'scaleHome', value: 7, visibility: 'iro', lang: 'ar' }
			],
			2,
			3
		);
		expect(answers.worries.lang).toBe('ar');
		expect(answers.good.lang).toBeUndefined();
		const pack = groupAnswers('middle', 10, answers, null).flatMap((g) => g.answers);
		expect(pack.find((a) => a.id === 'worries')?.lang).toBe('ar');
		expect(pack.find((a) => a.id === 'good')?.lang).toBeNull();
		// The IRO's pack (an English page), and the child's own check page.
		expect(html(AnswerValue, { kind: 'text', value: words, lang: 'ar' })).toContain(written(words, 'ar'));
		expect(html(AnswerValue, { kind: 'text', value: 'Old words', lang: null })).toContain(
			written('Old words', null)
		);
		const check = html(
			AnswerSummary,
			{
				rows: [
					{
						stepId: 'worries',
						question: { id: 'worries', kind: 'text', max: 2000 },
						answer: answers.worries
					}
				]
			},
			'ar'
		);
		expect(check).toContain(written(words, 'ar'));
	});

	it('decisions, what happened to each item and the IRO’s own words: in the letter, on every page', () => {
		const { child, childId, meeting, meetingId } = heldReview();
		const item = addAgendaItem({
			childId,
			meetingId,
			text: 'مدرستي',
			raiser: 'me',
			visibility: 'iro',
			lang: 'ar'
		});
		if (!item.ok) throw new Error('agenda');
		outcomes.saveOutcomes(meetingId, iroId, { [item.id]: 'We talked to your school.' }, NOW, 'en');
		outcomes.addDecision(meeting, iroId, {
			text: 'Homework club on Tuesdays',
			textLang: 'en',
			whoRole: 'school',
			whoName: '',
			dueOn: londonDate(NOW + 30 * DAY),
			visibleToChild: true,
			sharedWithCarers: true
		});
		expect(outcomes.decisionsOf(meetingId)[0].textLang).toBe('en');
		const words = { ...outcomes.wordsFrom('{}'), thanks: 'You were brilliant.' };
		outcomes.saveLetterDraft(meeting, iroId, words, 'ar', NOW, 'en');
		expect(outcomes.letterOf(meetingId)?.wordsLang).toBe('en');

		// The letter in Arabic, right to left: the English words are marked English, the child's Arabic.
		const letter = renderLetter(
			outcomes.letterContent(meeting, child, NOW, 'ar'),
			words,
			'ar',
			undefined,
			'en'
		);
		const page = html(OutcomeLetter, { letter }, 'ar');
		expect(page).toMatch(/<article class="letter outcome-letter[^"]*" lang="ar" dir="rtl">/);
		expect(page).toContain(written('مدرستي', 'ar'));
		expect(page).toContain(written('We talked to your school.', 'en'));
		expect(page).toContain(written('Homework club on Tuesdays', 'en'));
		expect(page).toContain(written('You were brilliant.', 'en'));
		// The carer's and IRO's lists of decisions.
		expect(
			html(
				DecisionSummary,
				{
					decision: {
						text: 'Homework club on Tuesdays',
						textLang: 'en',
						whoRole: 'school',
						whoName: '',
						dueOn: '2026-01-01'
					}
				},
				'ar'
			)
		).toContain(written('Homework club on Tuesdays', 'en'));
		// A letter sent before languages were kept claims none.
		const old = renderLetter(
			{
				childName: 'Zainab',
				heldOn: null,
				items: [{ said: 'School', did: 'Done' }],
				decisions: [],
				nextMeeting: null,
				iro: null
			},
			words,
			'en'
		);
		expect(html(OutcomeLetter, { letter: old })).toContain(written('Done', null));

		// The subject access document marks them too.
		const record = childRecord(childId)!;
		const doc = subjectHtml(record, NOW);
		expect(doc).toContain(written('We talked to your school.', 'en'));
		expect(doc).toContain(written('Homework club on Tuesdays', 'en'));
	});

	it('feedback: “what should we change?” keeps its writer’s language, in the reports’ list and the subject access document', () => {
		const { childId, meeting } = heldReview();
		const carerId = addCarer(childId, {
			fullName: 'Ana García',
			relationship: 'Madre',
			email: '',
			phone: ''
		});
		const words = 'Una sala más tranquila, por favor.';
		expect(
			saveFeedback({
				meeting,
				who: { respondent: 'carer', carerId },
				userId: iroId,
				version: null,
				answers: { listened: 'yes' },
				change: words,
				lang: 'es',
				skip: false,
				now: NOW
			})
		).toBe('given');
		const row = db().select().from(tables.feedback).where(eq(tables.feedback.carerId, carerId)).get()!;
		expect(row.changeLang).toBe('es');

		const day = londonDate(NOW - 5 * DAY);
		const report = serviceReport({ iroId }, { kind: 'year', from: day, to: day } as never);
		const changes = reportTables(report, translator('en'), { manager: false }).find(
			(t) => t.id === 'changes'
		)!;
		expect(changes.rows).toContainEqual([expect.any(String), { written: words, lang: 'es' }]);
		expect(tableCsv(changes, 'fewer than 5')).toContain(words);

		expect(subjectHtml(carerRecord(carerId)!, NOW)).toContain(written(words, 'es'));
	});
});
