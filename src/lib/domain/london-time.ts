import { londonFields, londonOffset, parseIsoDate, type IsoDate } from './dates';

/** London's offset from UTC, in minutes, at an instant (0 in winter, 60 in summer). */
const offsetMinutes = (instant: number) => londonOffset(instant) / 60_000;

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
	const { hour, minute } = londonFields(instant);
	return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
