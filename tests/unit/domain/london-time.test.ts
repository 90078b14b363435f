import { describe, expect, it } from 'vitest';
import { londonInstant, londonTime } from '../../../src/lib/domain/london-time';

describe('meeting times in UK time', () => {
	it('reads a winter time as GMT and a summer time as BST', () => {
		expect(new Date(londonInstant('2026-01-15', '14:30')).toISOString()).toBe('2026-01-15T14:30:00.000Z');
		expect(new Date(londonInstant('2026-07-15', '14:30')).toISOString()).toBe('2026-07-15T13:30:00.000Z');
	});

	it('handles the days the clocks change', () => {
		expect(new Date(londonInstant('2026-03-29', '10:00')).toISOString()).toBe('2026-03-29T09:00:00.000Z');
		expect(new Date(londonInstant('2026-10-25', '10:00')).toISOString()).toBe('2026-10-25T10:00:00.000Z');
	});

	it('shows the same wall-clock time back', () => {
		for (const t of ['00:00', '09:05', '23:59']) expect(londonTime(londonInstant('2026-06-01', t))).toBe(t);
	});

	it('refuses times that do not exist', () => {
		expect(() => londonInstant('2026-06-01', '24:00')).toThrow(RangeError);
		expect(() => londonInstant('2026-02-30', '10:00')).toThrow(RangeError);
	});
});
