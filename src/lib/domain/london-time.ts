import { parseIsoDate, type IsoDate } from './dates';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit'
});

/** London's offset from UTC, in minutes, at an instant (0 in winter, 60 in summer). */
function offsetMinutes(instant: number): number {
	const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
	const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
	return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant of a wall-clock date and time ("HH:MM") in Europe/London. */
export function londonInstant(date: IsoDate, time: string): number {
	const { year, month, day } = parseIsoDate(date);
	const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
	if (!match) throw new RangeError(`Not a time: ${time}`);
	const wall = Date.UTC(year, month - 1, day, +match[1], +match[2]);
	const first = wall - offsetMinutes(wall) * 60_000;
	return wall - offsetMinutes(first) * 60_000;
}

/** The wall-clock time ("HH:MM") in London at an instant. */
export function londonTime(instant: number): string {
	const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
	return `${p.hour}:${p.minute}`;
}
