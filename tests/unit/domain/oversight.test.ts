import { describe, expect, it } from 'vitest';
import {
	concernState,
	DEFAULT_STAGE_DAYS,
	nextStage,
	parseStageDays,
	resolvedInTime,
	stageDueOn
} from '../../../src/lib/domain/oversight';

describe('the oversight log: stage due dates in working days', () => {
	it('counts the defaults (informal 5, stage 1 10, stage 2 20, stage 3 20) in working days', () => {
		// Monday 2 March 2026: 5 working days is Monday 9 March.
		expect(stageDueOn('2026-03-02', 'informal')).toBe('2026-03-09');
		expect(stageDueOn('2026-03-02', 'stage1')).toBe('2026-03-16');
		expect(stageDueOn('2026-03-02', 'stage2')).toBe('2026-03-30');
		expect(stageDueOn('2026-03-02', 'stage3')).toBe('2026-03-30');
	});

	it('skips bank holidays: informal raised on Maundy Thursday 2026 is due 5 working days later, after Easter', () => {
		// 2 April 2026 is Maundy Thursday; Good Friday 3 April and Easter Monday 6 April are not working days.
		expect(stageDueOn('2026-04-02', 'informal')).toBe('2026-04-13');
	});

	it("uses the council's own days, keeping the defaults for stages a short setting leaves out", () => {
		expect(parseStageDays('3,7')).toEqual({ informal: 3, stage1: 7, stage2: 20, stage3: 20 });
		expect(stageDueOn('2026-03-02', 'informal', parseStageDays('3')!)).toBe('2026-03-05');
		expect(parseStageDays(undefined)).toEqual(DEFAULT_STAGE_DAYS);
		expect(parseStageDays('')).toEqual(DEFAULT_STAGE_DAYS);
	});

	it('refuses a setting that is not up to four whole numbers of days', () => {
		for (const bad of ['five', '5,10,20,20,30', '0', '-1,5', '5;10', '2.5'])
			expect(parseStageDays(bad)).toBeNull();
	});
});

describe('where a concern stands', () => {
	it('goes informal, then formal stages 1 to 3, then nowhere', () => {
		expect(nextStage('informal')).toBe('stage1');
		expect(nextStage('stage1')).toBe('stage2');
		expect(nextStage('stage2')).toBe('stage3');
		expect(nextStage('stage3')).toBeNull();
	});

	it('is open up to and on its due date, overdue the day after, and resolved once resolved', () => {
		const c = { resolvedOn: null, dueOn: '2026-03-09' };
		expect(concernState(c, '2026-03-09')).toBe('open');
		expect(concernState(c, '2026-03-10')).toBe('overdue');
		expect(concernState({ ...c, resolvedOn: '2026-03-20' }, '2026-04-01')).toBe('resolved');
	});

	it('counts as resolved in time only when resolved by the due date of its stage', () => {
		expect(resolvedInTime({ resolvedOn: '2026-03-09', dueOn: '2026-03-09' })).toBe(true);
		expect(resolvedInTime({ resolvedOn: '2026-03-10', dueOn: '2026-03-09' })).toBe(false);
		expect(resolvedInTime({ resolvedOn: null, dueOn: '2026-03-09' })).toBe(false);
	});
});
