import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Asking for a document in a format or language (issue 13), against an in-memory database: the form's
 * rules, a request stored and audited, each person seeing their own, the IRO's caseload counting open
 * requests of their own children only, marking done once, and the reports' figure by format and language.
 */
const { newIro, newAccount, newChild, DAY } = await import('./support/people');
const { auditOf } = await import('../../src/lib/server/audit');
const formats = await import('../../src/lib/server/formats');
const { formatRequestSchema } = await import('../../src/lib/forms/formats');
const { formatRequestsTable } = await import('../../src/lib/server/report-tables');
const { translator } = await import('../../src/lib/server/i18n');

const NOW = Date.UTC(2026, 2, 16, 12); // Monday 16 March 2026
let iroId: string;
let otherIroId: string;
let childUser: string;
let carerUser: string;

const ask = (childId: string, by: { id: string; role: 'child' | 'carer' }, over = {}, now = NOW) =>
	formats.askForFormat(
		{
			childId,
			by,
			kind: 'braille',
			document: 'letter',
			language: null,
			languageTyped: null,
			note: '',
			noteLang: null,
			...over
		},
		now
	);

beforeAll(async () => {
	iroId = await newIro('fmt-iro');
	otherIroId = await newIro('fmt-iro-2');
	childUser = await newAccount('child', 'fmt-child');
	carerUser = await newAccount('carer', 'fmt-carer');
});

describe('the asking form', () => {
	const parse = (fields: Record<string, string>) => formatRequestSchema.safeParse(fields);

	it('needs a document, except for an interpreter, who is for the meeting', () => {
		expect(parse({ kind: 'audio' }).success).toBe(false);
		expect(parse({ kind: 'audio', document: 'letter' }).data).toMatchObject({
			kind: 'audio',
			document: 'letter',
			language: null
		});
		const interpreter = parse({ kind: 'interpreter', document: 'letter', language: 'ti' });
		expect(interpreter.data).toMatchObject({ document: 'meeting', language: 'ti' });
	});

	it('needs a language for a translation or an interpreter: from the list, or typed', () => {
		const noLanguage = parse({ kind: 'language', document: 'welcome' });
		expect(noLanguage.error?.issues[0]).toMatchObject({
			path: ['language'],
			message: 'formats:errors.language'
		});
		expect(parse({ kind: 'language', document: 'welcome', language: 'ps' }).data?.language).toBe('ps');
		// Not on the list: typed, with or without choosing "Another language".
		const typed = parse({ kind: 'interpreter', language: 'other', languageTyped: ' Oromo ' });
		expect(typed.data).toMatchObject({ language: null, languageTyped: 'Oromo' });
		expect(parse({ kind: 'interpreter', languageTyped: 'Lingala' }).data?.languageTyped).toBe('Lingala');
		// "Another language" chosen and nothing typed; a code that is not on the list.
		expect(parse({ kind: 'interpreter', language: 'other' }).error?.issues[0].path).toEqual([
			'languageTyped'
		]);
		expect(parse({ kind: 'audio', document: 'letter', language: 'xx-evil' }).success).toBe(false);
	});

	it('names every missing answer at once', () => {
		expect(parse({}).error?.issues.map((i) => i.path[0])).toEqual(['kind', 'document']);
	});

	it('refuses a kind or document that does not exist', () => {
		expect(parse({ kind: 'smoke', document: 'letter' }).success).toBe(false);
		expect(parse({ kind: 'braille', document: 'diary' }).success).toBe(false);
	});
});

describe('a request', () => {
	it('is stored with who asked, and audited without its words', () => {
		const childId = newChild(iroId);
		const id = ask(
			childId,
			{ id: childUser, role: 'child' },
			{ note: 'Please post it to school', noteLang: 'en' }
		);
		const [shown] = formats.formatRequestsOf(childId);
		expect(shown).toMatchObject({
			id,
			kind: 'braille',
			document: 'letter',
			requestedByRole: 'child',
			askedBy: 'fmt-child',
			note: 'Please post it to school',
			doneAt: null
		});
		const [entry] = auditOf(id, 'format.asked');
		expect(entry).toMatchObject({ childId, detail: 'braille' });
		expect(JSON.stringify(entry)).not.toContain('school');
	});

	it('is shown to the person who asked: the child sees theirs, a carer sees theirs', () => {
		const childId = newChild(iroId);
		ask(childId, { id: childUser, role: 'child' }, { kind: 'audio' });
		ask(
			childId,
			{ id: carerUser, role: 'carer' },
			{ kind: 'interpreter', document: 'meeting', language: 'ar' }
		);
		expect(formats.formatRequestsOf(childId, { requestedBy: childUser }).map((r) => r.kind)).toEqual([
			'audio'
		]);
		expect(formats.formatRequestsOf(childId, { requestedBy: carerUser }).map((r) => r.kind)).toEqual([
			'interpreter'
		]);
		expect(formats.formatRequestsOf(childId)).toHaveLength(2);
	});

	it('is counted open on its IRO’s caseload and the child’s page until marked done, once', () => {
		const childId = newChild(iroId);
		const another = newChild(otherIroId);
		const first = ask(childId, { id: childUser, role: 'child' });
		ask(childId, { id: carerUser, role: 'carer' }, { kind: 'largePrint' });
		ask(another, { id: carerUser, role: 'carer' });
		expect(formats.openFormatCounts(iroId)[childId]).toBe(2);
		expect(formats.openFormatCounts(iroId)[another]).toBeUndefined();
		expect(formats.openFormatCount(childId)).toBe(2);

		// Another child's request is not this child's to mark.
		expect(formats.formatRequestOfChild(another, first)).toBe(false);
		expect(formats.markFormatDone(another, first, otherIroId, '', NOW + DAY)).toBe(false);

		expect(formats.markFormatDone(childId, first, iroId, 'Posted on Friday', NOW + DAY)).toBe(true);
		expect(formats.markFormatDone(childId, first, iroId, 'again', NOW + 2 * DAY)).toBe(false);
		expect(formats.openFormatCount(childId)).toBe(1);
		const done = formats.formatRequestsOf(childId).find((r) => r.id === first)!;
		expect(done).toMatchObject({ doneAt: NOW + DAY, doneNote: 'Posted on Friday', doneBy: 'Ira Iro' });
		expect(auditOf(first, 'format.done')).toHaveLength(1);
	});
});

describe('the reports’ figure', () => {
	it('counts requests made in the period by format and by language, for one caseload or the service', async () => {
		const iro = await newIro('fmt-iro-report');
		const childId = newChild(iro);
		const period = { kind: 'custom' as const, from: '2026-03-01', to: '2026-03-31' };
		ask(childId, { id: childUser, role: 'child' }, { kind: 'language', language: 'ti' });
		ask(
			childId,
			{ id: carerUser, role: 'carer' },
			{ kind: 'interpreter', document: 'meeting', language: 'ti' }
		);
		ask(childId, { id: carerUser, role: 'carer' }, { kind: 'interpreter', languageTyped: 'Oromo' });
		// Before the period: not counted.
		ask(childId, { id: childUser, role: 'child' }, { kind: 'audio' }, Date.UTC(2026, 1, 10));

		const mine = formats.formatRequestFigures({ iroId: iro }, period);
		expect(mine.total).toBe(3);
		expect(Object.fromEntries(mine.byKind)).toMatchObject({ language: 1, interpreter: 2, audio: 0 });
		expect(mine.byLanguage).toEqual([
			['ti', 2],
			['typed:Oromo', 1]
		]);
		expect(formats.formatRequestFigures({ iroId: null }, period).total).toBeGreaterThan(3);

		const table = formatRequestsTable(mine, translator('en'), 'en');
		expect(table.id).toBe('formatRequests');
		expect(table.rows).toContainEqual(['An interpreter at the meeting', { n: 2 }]);
		expect(table.rows).toContainEqual(['Language: Tigrinya (ትግርኛ)', { n: 2 }]);
		expect(table.rows).toContainEqual(['Language: Oromo', { n: 1 }]);
	});
});
