/**
 * Dates, times and "in 3 days" read the same before and after a page's script runs. Browsers carry
 * their own language data and some lack a language (Chromium writes Punjabi dates as "2026 M12 12,
 * Sat 3:00 PM"), so the server, whose data is complete, describes how a language writes the few
 * shapes Voicebox uses: a "kit" of names, digits and the order of the parts. The browser fetches its
 * reader's kit from the server once (`language-kit.ts`), and `format.ts` formats from the kit on both
 * sides.
 */
import { londonFields } from '$lib/domain/dates';

/** The date and time shapes Voicebox shows. */
export const DATE_SHAPES = {
	dateTime: {
		timeZone: 'Europe/London',
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit'
	},
	time: { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit' },
	date: { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateShape = keyof typeof DATE_SHAPES;

const SLOTS = ['weekday', 'day', 'month', 'year', 'hour', 'minute', 'dayPeriod'] as const;
type Slot = (typeof SLOTS)[number];

/** A part is literal text, or `[slot]`, filled in from the date. */
type Part = string | [Slot];

interface ShapeKit {
	parts: Part[];
	/** Names by weekday (0 = Sunday), month (0 = January), and hour of the day (0–23). */
	weekdays?: string[];
	months?: string[];
	hours?: string[];
	dayPeriods?: string[];
}

/** "{n}" stands for the number in a pattern. */
type Patterns = Partial<Record<Intl.LDMLPluralRule, string>>;

export interface DateKit {
	/** The language's ten digits, when it does not write 0–9. */
	digits: string[] | null;
	/** The plural category of 0…199, one letter each (z, o, t, f, m, x for zero … other). */
	plural: string;
	shapes: Record<DateShape, ShapeKit>;
	/** Days from today: words where the language has them ("yesterday"), else patterns by plural. */
	relative: { words: Record<string, string>; past: Patterns; future: Patterns };
	units: Record<DurationUnit, Patterns>;
	/** How a list of one, two or three amounts joins ("1 hour, 5 minutes"): "{0}", "{1}", "{2}". */
	lists: string[];
}

export const DURATION_UNITS = ['day', 'hour', 'minute'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const CATEGORY_LETTERS: Record<Intl.LDMLPluralRule, string> = {
	zero: 'z',
	one: 'o',
	two: 't',
	few: 'f',
	many: 'm',
	other: 'x'
};
const PLURAL_SPAN = 200;

/** The fields of an instant on London's clock, or of a calendar date (midnight UTC) on UTC's. */
export function fieldsOf(instant: number, timeZone: 'Europe/London' | 'UTC') {
	if (timeZone === 'Europe/London') return londonFields(instant);
	const d = new Date(instant);
	return {
		weekday: d.getUTCDay(),
		year: d.getUTCFullYear(),
		month: d.getUTCMonth() + 1,
		day: d.getUTCDate(),
		hour: d.getUTCHours(),
		minute: d.getUTCMinutes()
	};
}
export type DateFields = ReturnType<typeof fieldsOf>;

/* ---------- Making a kit (on the server, from complete data) ---------- */

function valueOf(format: Intl.DateTimeFormat, instant: number, type: string): string {
	return format.formatToParts(instant).find((p) => p.type === type)?.value ?? '';
}

function shapeKit(intl: string, options: Intl.DateTimeFormatOptions): ShapeKit {
	const format = new Intl.DateTimeFormat(intl, options);
	// A day in the middle of a month, to read the order of the parts.
	const sample = Date.UTC(2026, 2, 17, 12, 34);
	const parts = slotted(format.format(sample), format.formatToParts(sample));
	const kit: ShapeKit = { parts };
	const has = (slot: Slot) => parts.some((p) => Array.isArray(p) && p[0] === slot);
	if (has('weekday')) {
		kit.weekdays = Array.from({ length: 7 }, (_, i) => {
			const instant = Date.UTC(2026, 2, 15 + i, 12); // 15 March 2026 is a Sunday
			return valueOf(format, instant, 'weekday');
		});
	}
	if (has('month'))
		kit.months = Array.from({ length: 12 }, (_, m) => valueOf(format, Date.UTC(2026, m, 15, 12), 'month'));
	// In January, London's clock is UTC's: the hour of the instant is the hour shown.
	const atHour = (h: number) => Date.UTC(2026, 0, 15, h, 34);
	if (has('hour')) kit.hours = Array.from({ length: 24 }, (_, h) => valueOf(format, atHour(h), 'hour'));
	if (has('dayPeriod'))
		kit.dayPeriods = Array.from({ length: 24 }, (_, h) => valueOf(format, atHour(h), 'dayPeriod'));
	return kit;
}

/**
 * The parts of a formatted text, as literal text and slots. The literal text comes from `format()`
 * itself: ICU's `formatToParts()` may give other spaces than `format()` (Malay times: U+202F for a
 * space), and the page must read as `format()` writes.
 */
function slotted(formatted: string, parts: Intl.DateTimeFormatPart[]): Part[] {
	const out: Part[] = [];
	let at = 0;
	for (const part of parts) {
		if (!(SLOTS as readonly string[]).includes(part.type)) continue;
		const found = formatted.indexOf(part.value, at);
		if (found > at) out.push(formatted.slice(at, found));
		out.push([part.type as Slot]);
		at = found + part.value.length;
	}
	if (at < formatted.length) out.push(formatted.slice(at));
	return out;
}

/** A pattern with "{n}" where the number goes, from a formatted text and its parts. */
function patternOf(formatted: string, parts: Array<{ type: string; value: string }>): string {
	const number = parts
		.filter((p) => ['integer', 'group', 'decimal', 'fraction'].includes(p.type))
		.map((p) => p.value)
		.join('');
	// Some languages write no number for one or two ("دقيقة", a minute): the pattern is a word.
	const found = number ? formatted.indexOf(number) : -1;
	return found < 0 ? formatted : formatted.slice(0, found) + '{n}' + formatted.slice(found + number.length);
}

/** One example number for each plural category the language uses. */
function examples(rules: Intl.PluralRules): Map<Intl.LDMLPluralRule, number> {
	const found = new Map<Intl.LDMLPluralRule, number>();
	for (let n = 0; n < 1000; n += 1) {
		const category = rules.select(n);
		if (!found.has(category)) found.set(category, n);
	}
	return found;
}

/**
 * Where the platform's language data is missing or wrong, what a fluent reader writes instead: ICU has
 * no Sorani words for days, hours or minutes (it writes "yesterday", "+3 d", "3 h"), no Pashto word
 * for hours ("3 h"), and writes Tigrinya's "3 days ago" as "in 3 days".
 */
const KIT_GAPS: Record<
	string,
	{
		words?: Record<string, string>;
		past?: Patterns;
		future?: Patterns;
		units?: Partial<Record<DurationUnit, Patterns>>;
	}
> = {
	ckb: {
		words: { '-1': 'دوێنێ', '0': 'ئەمڕۆ', '1': 'سبەینێ' },
		past: { one: '{n} ڕۆژ لەمەوبەر', other: '{n} ڕۆژ لەمەوبەر' },
		future: { one: 'دوای {n} ڕۆژ', other: 'دوای {n} ڕۆژ' },
		units: {
			day: { one: '{n} ڕۆژ', other: '{n} ڕۆژ' },
			hour: { one: '{n} کاتژمێر', other: '{n} کاتژمێر' },
			minute: { one: '{n} خولەک', other: '{n} خولەک' }
		}
	},
	ps: { units: { hour: { one: '{n} ساعت', other: '{n} ساعته' } } },
	ti: { past: { one: 'ቅድሚ {n} መዓልቲ', other: 'ቅድሚ {n} መዓልታት' } }
};

/** Whether the kit writes some lengths of time or relative days differently from the platform's data. */
export function hasKitGaps(intl: string): boolean {
	return intl.split('-')[0] in KIT_GAPS;
}

function fillGaps(kit: DateKit, intl: string): DateKit {
	const gaps = KIT_GAPS[intl.split('-')[0]];
	if (!gaps) return kit;
	return {
		...kit,
		relative: {
			words: gaps.words ?? kit.relative.words,
			past: gaps.past ?? kit.relative.past,
			future: gaps.future ?? kit.relative.future
		},
		units: { ...kit.units, ...gaps.units }
	};
}

export function makeDateKit(intl: string): DateKit {
	const numberingSystem = new Intl.DateTimeFormat(intl).resolvedOptions().numberingSystem;
	const digits =
		numberingSystem === 'latn'
			? null
			: Array.from({ length: 10 }, (_, d) =>
					new Intl.NumberFormat(intl, { numberingSystem, useGrouping: false }).format(d)
				);
	const rules = new Intl.PluralRules(intl);
	const plural = Array.from({ length: PLURAL_SPAN }, (_, n) => CATEGORY_LETTERS[rules.select(n)]).join('');
	const byCategory = examples(rules);

	const rtf = new Intl.RelativeTimeFormat(intl, { numeric: 'auto' });
	const words: Record<string, string> = {};
	for (const n of [-2, -1, 0, 1, 2]) {
		const parts = rtf.formatToParts(n, 'day');
		if (parts.every((p) => p.type === 'literal')) words[n] = parts.map((p) => p.value).join('');
	}
	// Where there is no word, "auto" writes the number as "always" does.
	const always = new Intl.RelativeTimeFormat(intl, { numeric: 'always' });
	const past: Patterns = {};
	const future: Patterns = {};
	for (const [category, n] of byCategory) {
		future[category] = patternOf(always.format(n, 'day'), always.formatToParts(n, 'day'));
		past[category] = patternOf(always.format(-n, 'day'), always.formatToParts(-n, 'day'));
	}

	const units = {} as Record<DurationUnit, Patterns>;
	for (const unit of DURATION_UNITS) {
		const nf = new Intl.NumberFormat(intl, { style: 'unit', unit, unitDisplay: 'long' });
		units[unit] = {};
		for (const [category, n] of byCategory)
			units[unit][category] = patternOf(nf.format(n), nf.formatToParts(n));
	}
	const lf = new Intl.ListFormat(intl, { style: 'narrow', type: 'unit' });
	const lists = [['{0}'], ['{0}', '{1}'], ['{0}', '{1}', '{2}']].map((items) => lf.format(items));

	const shapes = Object.fromEntries(
		Object.entries(DATE_SHAPES).map(([name, options]) => [name, shapeKit(intl, options)])
	) as Record<DateShape, ShapeKit>;
	return fillGaps({ digits, plural, shapes, relative: { words, past, future }, units, lists }, intl);
}

/* ---------- Formatting from a kit (the same on both sides) ---------- */

const LETTER_CATEGORIES = Object.fromEntries(
	Object.entries(CATEGORY_LETTERS).map(([category, letter]) => [letter, category])
) as Record<string, Intl.LDMLPluralRule>;

function category(kit: DateKit, n: number, intl: string): Intl.LDMLPluralRule {
	const letter = kit.plural[n];
	return letter ? LETTER_CATEGORIES[letter] : new Intl.PluralRules(intl).select(n);
}

export function digitsOf(kit: DateKit, value: number | string): string {
	const text = String(value);
	return kit.digits ? text.replace(/[0-9]/g, (d) => kit.digits![Number(d)]) : text;
}

function byPlural(kit: DateKit, patterns: Patterns, n: number, intl: string): string {
	const pattern = patterns[category(kit, n, intl)] ?? patterns.other ?? '{n}';
	return pattern.replace('{n}', digitsOf(kit, n));
}

export function formatShape(kit: DateKit, shape: DateShape, fields: DateFields): string {
	const s = kit.shapes[shape];
	return s.parts
		.map((part) => {
			if (typeof part === 'string') return part;
			switch (part[0]) {
				case 'weekday':
					return s.weekdays?.[fields.weekday] ?? '';
				case 'month':
					return s.months?.[fields.month - 1] ?? '';
				case 'day':
					return digitsOf(kit, fields.day);
				case 'year':
					return digitsOf(kit, fields.year);
				case 'hour':
					return s.hours?.[fields.hour] ?? '';
				case 'minute':
					return digitsOf(kit, String(fields.minute).padStart(2, '0'));
				case 'dayPeriod':
					return s.dayPeriods?.[fields.hour] ?? '';
			}
		})
		.join('');
}

export function formatRelativeDays(kit: DateKit, days: number, intl: string): string {
	const word = kit.relative.words[days];
	if (word !== undefined) return word;
	return byPlural(kit, days < 0 ? kit.relative.past : kit.relative.future, Math.abs(days), intl);
}

export function formatAmount(kit: DateKit, value: number, unit: DurationUnit, intl: string): string {
	return byPlural(kit, kit.units[unit], value, intl);
}

export function joinList(kit: DateKit, items: string[]): string {
	const pattern = kit.lists[Math.min(items.length, 3) - 1] ?? '{0}';
	return pattern.replace(/\{(\d)\}/g, (_, i) => items[Number(i)] ?? '');
}
