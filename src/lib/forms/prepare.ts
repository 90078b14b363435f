import { z } from 'zod';
import { cleanText, message, optionalText } from './text';
import { AGENDA_ITEM_MAX, AGENDA_STARTERS } from '$lib/domain/agenda';
import {
	CHAIRS,
	MODES,
	NAME_MAX,
	NOT_WANTED_ROWS,
	PLACE_MAX,
	PLACES,
	RAISERS,
	ROLES,
	SUPPORT_KINDS,
	SUPPORT_NOTE_MAX,
	TAKE_PART,
	TIMES_MAX,
	VISIBILITIES,
	WHY_MAX,
	YES_NO,
	type MeetingChoices
} from '$lib/domain/prepare';

/**
 * The child's own preparation: the forms for agenda items, who chairs, "about my meeting" and
 * asking for support. Server side only (zod); pages import the constants from $lib/domain/prepare.
 */
export * from '$lib/domain/prepare';

const id = z
	.string()
	.default('')
	.transform((v) => v.trim());

/** The text of one agenda item: required, one line, up to AGENDA_ITEM_MAX characters. */
const itemText = z
	.string()
	.default('')
	.transform((v) => cleanText(v))
	.pipe(
		z
			.string()
			.min(1, message('prepare:errors.itemRequired'))
			.max(AGENDA_ITEM_MAX, message('prepare:errors.itemTooLong', { count: AGENDA_ITEM_MAX }))
	);

const raiser = z.enum(RAISERS, { error: message('prepare:errors.raiser') }).default('me');
const visibility = z.enum(VISIBILITIES, { error: message('prepare:errors.visibility') }).default('iro');

export const agendaItemSchema = z.object({ text: itemText, raiser, visibility });
export const editItemSchema = z.object({ itemId: id, text: itemText, raiser, visibility });
export const itemIdSchema = z.object({ itemId: id });
export const moveSchema = z.object({
	itemId: id,
	direction: z.enum(['up', 'down'], { error: message('prepare:errors.direction') })
});
/** Drag and drop sends the whole new order as comma-separated ids. */
export const reorderSchema = z.object({
	order: z
		.string()
		.default('')
		.transform((v) =>
			v
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
		)
});
export const starterSchema = z.object({
	starter: z.enum(AGENDA_STARTERS, { error: message('prepare:errors.starter') })
});

export const chairSchema = z.object({
	chair: z.enum(CHAIRS, { error: message('prepare:errors.chairRequired') })
});

/* ---------- About my meeting ---------- */

/** What the child chose about their meeting, as stored in meeting_choices.choices. */
export const meetingChoicesSchema: z.ZodType<MeetingChoices> = z.object({
	want: z
		.object({
			carers: z.array(z.object({ id: z.string(), name: z.string() })).catch([]),
			roles: z.array(z.enum(ROLES)).catch([]),
			someoneElse: z.string().catch('')
		})
		.catch({ carers: [], roles: [], someoneElse: '' }),
	notWanted: z.array(z.object({ who: z.string(), why: z.string() })).catch([]),
	takePart: z.enum(TAKE_PART).nullable().catch(null),
	where: z.enum(PLACES).nullable().catch(null),
	whereOther: z.string().catch(''),
	when: z
		.object({
			notSchoolTime: z.boolean().catch(false),
			timesThatSuit: z.boolean().catch(false),
			times: z.string().catch('')
		})
		.catch({ notSchoolTime: false, timesThatSuit: false, times: '' }),
	mode: z.enum(MODES).nullable().catch(null),
	talkFirst: z.enum(YES_NO).nullable().catch(null)
});

/** Reads stored JSON; anything missing or broken becomes "not answered" rather than an error. */
export function parseStoredChoices(json: string | null | undefined): MeetingChoices {
	let raw: unknown = {};
	try {
		raw = JSON.parse(json || '{}');
	} catch {
		raw = {};
	}
	const result = meetingChoicesSchema.safeParse(
		raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}
	);
	return result.success ? result.data : meetingChoicesSchema.parse({});
}

const checked = z
	.string()
	.optional()
	.transform((v) => v !== undefined && v !== '');
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
	z
		.enum(values, { error: message('prepare:errors.chooseOne') })
		.optional()
		.transform((v) => v ?? null);

/**
 * The "About my meeting" form. Each checkbox has its own name (so the form survives being sent
 * back with its errors): wantCarer-<carerId>, wantRole-<role>, wantSomeoneElse, whenNotSchool,
 * whenSuits; rather-not rows are notWho1/notWhy1 … notWho3/notWhy3.
 */
export function meetingChoicesFormSchema(carers: Array<{ id: string; name: string }>) {
	const shape: Record<string, z.ZodType> = {
		someoneElseName: optionalText(NAME_MAX),
		wantSomeoneElse: checked,
		takePart: optionalChoice(TAKE_PART),
		where: optionalChoice(PLACES),
		whereOther: optionalText(PLACE_MAX),
		whenNotSchool: checked,
		whenSuits: checked,
		times: optionalText(TIMES_MAX),
		mode: optionalChoice(MODES),
		talkFirst: optionalChoice(YES_NO)
	};
	for (const carer of carers) shape[`wantCarer-${carer.id}`] = checked;
	for (const role of ROLES) shape[`wantRole-${role}`] = checked;
	for (let i = 1; i <= NOT_WANTED_ROWS; i++) {
		shape[`notWho${i}`] = optionalText(NAME_MAX);
		shape[`notWhy${i}`] = optionalText(WHY_MAX, true);
	}
	return z
		.object(shape)
		.superRefine((raw, ctx) => {
			const v = raw as Record<string, string | boolean | null>;
			if (v.wantSomeoneElse && !v.someoneElseName)
				ctx.addIssue({
					code: 'custom',
					path: ['someoneElseName'],
					message: message('prepare:errors.someoneElse')
				});
			if (v.where === 'elsewhere' && !v.whereOther)
				ctx.addIssue({ code: 'custom', path: ['whereOther'], message: message('prepare:errors.whereOther') });
			if (v.whenSuits && !v.times)
				ctx.addIssue({ code: 'custom', path: ['times'], message: message('prepare:errors.times') });
			for (let i = 1; i <= NOT_WANTED_ROWS; i++) {
				if (v[`notWhy${i}`] && !v[`notWho${i}`])
					ctx.addIssue({ code: 'custom', path: [`notWho${i}`], message: message('prepare:errors.notWho') });
			}
		})
		.transform((raw): MeetingChoices => {
			const v = raw as Record<string, string | boolean | null>;
			const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');
			const notWanted: MeetingChoices['notWanted'] = [];
			for (let i = 1; i <= NOT_WANTED_ROWS; i++) {
				if (text(`notWho${i}`)) notWanted.push({ who: text(`notWho${i}`), why: text(`notWhy${i}`) });
			}
			const where = (v.where as MeetingChoices['where']) ?? null;
			const someoneElse = text('someoneElseName');
			return {
				want: {
					carers: carers.filter((c) => v[`wantCarer-${c.id}`]),
					roles: ROLES.filter((r) => v[`wantRole-${r}`]),
					someoneElse: v.wantSomeoneElse || someoneElse ? someoneElse : ''
				},
				notWanted,
				takePart: (v.takePart as MeetingChoices['takePart']) ?? null,
				where,
				whereOther: where === 'elsewhere' ? text('whereOther') : '',
				when: {
					notSchoolTime: Boolean(v.whenNotSchool),
					timesThatSuit: Boolean(v.whenSuits),
					times: v.whenSuits ? text('times') : ''
				},
				mode: (v.mode as MeetingChoices['mode']) ?? null,
				talkFirst: (v.talkFirst as MeetingChoices['talkFirst']) ?? null
			};
		});
}

/* ---------- Support ---------- */

/** One form per kind on the page, so each note has its own name: note-advocate, note-independentVisitor. */
export const supportRequestSchema = z
	.object({
		kind: z.enum(SUPPORT_KINDS, { error: message('prepare:errors.kind') }),
		'note-advocate': optionalText(SUPPORT_NOTE_MAX, true),
		'note-independentVisitor': optionalText(SUPPORT_NOTE_MAX, true)
	})
	.transform((v) => ({ kind: v.kind, note: v[`note-${v.kind}`] }));
export const withdrawSchema = z.object({ requestId: id });
