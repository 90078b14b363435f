import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/lib/i18n/locales';
import { DATE_SHAPES, hasKitGaps, makeDateKit } from '../../../src/lib/i18n/date-kit';
import {
	formatDate,
	formatDateTime,
	formatDuration,
	formatTime,
	relativeDays,
	useDateKit
} from '../../../src/lib/format';

/**
 * A language's date kit, sent to the browser, must write every date exactly as the complete data on
 * the server does (Node's ICU), for every language, hour, month, weekday and across clock changes.
 */
const HOUR = 3_600_000;
// Every 7 hours for two years (all hours, weekdays and months), plus both 2026 clock changes.
const instants = [
	...Array.from({ length: (2 * 365 * 24) / 7 }, (_, i) => Date.UTC(2026, 0, 1, 0, 7) + i * 7 * HOUR),
	Date.UTC(2026, 2, 29, 0, 59),
	Date.UTC(2026, 2, 29, 1, 0),
	Date.UTC(2026, 9, 25, 0, 59),
	Date.UTC(2026, 9, 25, 1, 0)
];

describe.each(LOCALES.map((l) => l.intl))('date kit for %s', (intl) => {
	// The kit goes through JSON, as it does to the browser.
	const kit = JSON.parse(JSON.stringify(makeDateKit(intl)));
	useDateKit(intl, kit);

	it('writes every date and time as the server’s own data does', () => {
		const dateTime = new Intl.DateTimeFormat(intl, DATE_SHAPES.dateTime);
		const time = new Intl.DateTimeFormat(intl, DATE_SHAPES.time);
		const date = new Intl.DateTimeFormat(intl, DATE_SHAPES.date);
		const wrong: string[] = [];
		for (const instant of instants) {
			if (formatDateTime(instant, intl) !== dateTime.format(instant))
				wrong.push(`${formatDateTime(instant, intl)} ≠ ${dateTime.format(instant)}`);
			if (formatTime(instant, intl) !== time.format(instant)) wrong.push(formatTime(instant, intl));
			const day = new Date(instant).toISOString().slice(0, 10);
			const [y, m, d] = day.split('-').map(Number);
			if (formatDate(day, intl) !== date.format(Date.UTC(y, m - 1, d))) wrong.push(formatDate(day, intl));
		}
		expect(wrong.slice(0, 5)).toEqual([]);
	});

	// Where the platform's data has gaps (Sorani, Pashto hours, Tigrinya "ago"), the kit's own words
	// are checked below instead.
	it.skipIf(hasKitGaps(intl))(
		'writes "in N days" and "N days ago" (with the words for yesterday, today, tomorrow) as the server does',
		() => {
			const rtf = new Intl.RelativeTimeFormat(intl, { numeric: 'auto' });
			const wrong: string[] = [];
			for (let n = -400; n <= 400; n += 1)
				if (relativeDays(n, intl) !== rtf.format(n, 'day')) wrong.push(`${n}: ${relativeDays(n, intl)}`);
			expect(wrong.slice(0, 5)).toEqual([]);
		}
	);

	it.skipIf(hasKitGaps(intl))('writes lengths of time as the server does', () => {
		const unit = (value: number, u: string) =>
			new Intl.NumberFormat(intl, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
		const list = new Intl.ListFormat(intl, { style: 'narrow', type: 'unit' });
		for (const minutes of [
			0,
			1,
			2,
			5,
			11,
			21,
			59,
			60,
			61,
			125,
			1440,
			1441,
			2 * 1440 + 3 * 60 + 22,
			25 * 1440
		]) {
			const d = Math.floor(minutes / 1440);
			const h = Math.floor((minutes % 1440) / 60);
			const m = minutes % 60;
			const parts = [
				d ? unit(d, 'day') : '',
				h ? unit(h, 'hour') : '',
				m || !minutes ? unit(m, 'minute') : ''
			];
			expect(formatDuration(minutes * 60_000, intl)).toBe(list.format(parts.filter(Boolean)));
		}
	});
});

describe('where the platform has no words, the kit has a fluent reader’s', () => {
	it('writes Sorani days, hours and minutes in Sorani, not "yesterday" or "3 h"', () => {
		useDateKit('ckb-IQ', JSON.parse(JSON.stringify(makeDateKit('ckb-IQ'))));
		expect(relativeDays(-1, 'ckb-IQ')).toBe('دوێنێ');
		expect(relativeDays(0, 'ckb-IQ')).toBe('ئەمڕۆ');
		expect(relativeDays(1, 'ckb-IQ')).toBe('سبەینێ');
		expect(relativeDays(3, 'ckb-IQ')).toBe('دوای ٣ ڕۆژ');
		expect(relativeDays(-12, 'ckb-IQ')).toBe('١٢ ڕۆژ لەمەوبەر');
		const length = formatDuration((1440 + 2 * 60 + 5) * 60_000, 'ckb-IQ');
		for (const word of ['ڕۆژ', 'کاتژمێر', 'خولەک']) expect(length).toContain(word);
		expect(length).not.toMatch(/[a-z]/i);
	});

	it('writes Pashto hours and Tigrinya days ago in their own words', () => {
		useDateKit('ps-AF-u-ca-gregory', JSON.parse(JSON.stringify(makeDateKit('ps-AF-u-ca-gregory'))));
		expect(formatDuration(3 * 60 * 60_000, 'ps-AF-u-ca-gregory')).toBe('۳ ساعته');
		useDateKit('ti-ER', JSON.parse(JSON.stringify(makeDateKit('ti-ER'))));
		expect(relativeDays(-3, 'ti-ER')).toBe('ቅድሚ 3 መዓልታት');
		expect(relativeDays(3, 'ti-ER')).toBe('ኣብ 3 መዓልቲ');
	});
});
