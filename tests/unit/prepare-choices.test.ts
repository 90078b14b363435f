import { beforeAll, describe, expect, it } from 'vitest';

/** Chairing and "about my meeting" against an in-memory database, and the form that fills them. */

const { newIro, newChild } = await import('./support/people');
const { scheduleMeeting } = await import('../../src/lib/server/meetings');
const { choicesFor, choicesForMeetings, saveChoices, setChair } =
	await import('../../src/lib/server/choices');
const { db, tables } = await import('../../src/lib/server/db');
const { meetingChoicesFormSchema, choicesToFormValues, parseStoredChoices, chairSchema } =
	await import('../../src/lib/forms/prepare');

let childId: string;
let meetingId: string;
const carers = [
	{ id: 'c1', name: 'Helen Carter' },
	{ id: 'c2', name: 'Dad' }
];
const schema = meetingChoicesFormSchema(carers);

beforeAll(async () => {
	childId = newChild(await newIro('iro'));
	meetingId = scheduleMeeting({
		childId,
		startsAt: Date.now() + 9 * 86_400_000,
		kind: 'cla_review',
		venue: 'Home',
		mode: 'hybrid'
	});
});

describe('who chairs', () => {
	it('has nothing chosen at first', () => {
		expect(choicesFor(meetingId)).toBeNull();
		expect(chairSchema.safeParse({ chair: 'boss' }).success).toBe(false);
	});

	it('asks the IRO to help a child who chairs or co-chairs, once, and stops if they change their mind', () => {
		expect(setChair(childId, meetingId, 'me', 1000)).toEqual({ helpRequestedAt: 1000 });
		expect(choicesFor(meetingId)).toMatchObject({ chair: 'me', chairHelpRequestedAt: 1000, updatedAt: 1000 });
		expect(setChair(childId, meetingId, 'cochair', 2000)).toEqual({ helpRequestedAt: 1000 });
		expect(choicesFor(meetingId)).toMatchObject({ chair: 'cochair', chairHelpRequestedAt: 1000 });
		expect(setChair(childId, meetingId, 'iro', 3000)).toEqual({ helpRequestedAt: null });
		expect(choicesFor(meetingId)).toMatchObject({
			chair: 'iro',
			chairHelpRequestedAt: null,
			updatedAt: 3000
		});
		expect(setChair(childId, meetingId, 'me', 4000)).toEqual({ helpRequestedAt: 4000 });
		const many = choicesForMeetings([meetingId, 'none']);
		expect(many.get(meetingId)).toEqual(choicesFor(meetingId));
		expect(many.has('none')).toBe(false);
		expect(choicesForMeetings([]).size).toBe(0);
	});
});

describe('about my meeting', () => {
	const full = {
		'wantCarer-c1': 'yes',
		'wantCarer-zzz': 'yes',
		'wantRole-teacher': 'yes',
		wantSomeoneElse: 'yes',
		someoneElseName: 'My football coach',
		notWho1: 'Uncle Tom',
		notWhy1: 'He shouts',
		notWho2: '',
		notWhy2: '',
		takePart: 'partOf',
		where: 'elsewhere',
		whereOther: 'The library',
		whenNotSchool: 'yes',
		whenSuits: 'yes',
		times: 'After 4pm',
		mode: 'hybrid',
		talkFirst: 'yes'
	};

	it('turns the form into choices, ignoring people who are not around the child', () => {
		const choices = schema.parse(full);
		expect(choices).toEqual({
			want: {
				carers: [{ id: 'c1', name: 'Helen Carter' }],
				roles: ['teacher'],
				someoneElse: 'My football coach'
			},
			notWanted: [{ who: 'Uncle Tom', why: 'He shouts' }],
			takePart: 'partOf',
			where: 'elsewhere',
			whereOther: 'The library',
			when: { notSchoolTime: true, timesThatSuit: true, times: 'After 4pm' },
			mode: 'hybrid',
			talkFirst: 'yes'
		});
		expect(schema.parse(choicesToFormValues(choices))).toEqual(choices);
	});

	it('accepts an empty form: nothing has to be answered', () => {
		expect(schema.parse({})).toEqual(parseStoredChoices('{}'));
	});

	it('asks for the missing words', () => {
		const result = schema.safeParse({
			wantSomeoneElse: 'yes',
			where: 'elsewhere',
			whenSuits: 'yes',
			notWhy2: 'Because'
		});
		expect(result.success).toBe(false);
		const byField = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
		expect(byField).toEqual({
			someoneElseName: 'prepare:errors.someoneElse',
			whereOther: 'prepare:errors.whereOther',
			times: 'prepare:errors.times',
			notWho2: 'prepare:errors.notWho'
		});
	});

	it('refuses unknown answers and over-long text', () => {
		const result = schema.safeParse({ takePart: 'fly', talkFirst: 'maybe', notWho3: 'x'.repeat(101) });
		expect(result.success).toBe(false);
		const byField = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
		expect(byField).toEqual({
			takePart: 'prepare:errors.chooseOne',
			talkFirst: 'prepare:errors.chooseOne',
			notWho3: 'errors:tooLong|count=100'
		});
	});

	it('drops text that no longer applies (a place when "somewhere else" is not chosen)', () => {
		const choices = schema.parse({ where: 'school', whereOther: 'Old text', times: 'Old times' });
		expect(choices.whereOther).toBe('');
		expect(choices.when.times).toBe('');
	});

	it('saves the whole form without touching the chair choice', () => {
		setChair(childId, meetingId, 'cochair', 5000);
		saveChoices(childId, meetingId, schema.parse(full), 6000);
		const saved = choicesFor(meetingId)!;
		expect(saved.chair).toBe('cochair');
		expect(saved.updatedAt).toBe(6000);
		expect(saved.choices.where).toBe('elsewhere');
		saveChoices(childId, meetingId, schema.parse({ mode: 'online' }), 7000);
		expect(choicesFor(meetingId)!.choices).toMatchObject({ mode: 'online', where: null, notWanted: [] });
	});

	it('reads broken or old stored JSON as "not answered"', () => {
		expect(parseStoredChoices('not json').takePart).toBeNull();
		expect(parseStoredChoices('{"takePart":"fly","mode":"online","want":{"roles":["pilot"]}}')).toMatchObject(
			{
				takePart: null,
				mode: 'online',
				want: { roles: [], carers: [], someoneElse: '' }
			}
		);
		db().update(tables.meetingChoices).set({ choices: '[1,2]' }).run();
		expect(choicesFor(meetingId)!.choices.notWanted).toEqual([]);
	});
});
