import { describe, expect, it } from 'vitest';
import { caseloadCounts, timescaleTags } from '../../../src/lib/domain/timescales';

describe('timescaleTags', () => {
	const due = '2026-08-10';

	it('tags a child overdue and booked after the due date with both', () => {
		expect(timescaleTags({ due, today: '2026-09-01', nextScheduled: '2026-12-10' })).toEqual([
			'overdue',
			'scheduled_late'
		]);
	});

	it('otherwise gives the one state', () => {
		expect(timescaleTags({ due, today: '2026-09-01', nextScheduled: null })).toEqual(['overdue']);
		expect(timescaleTags({ due, today: '2026-08-01', nextScheduled: '2026-08-11' })).toEqual([
			'scheduled_late'
		]);
		expect(timescaleTags({ due, today: '2026-08-01', nextScheduled: '2026-08-10' })).toEqual(['on_track']);
		expect(timescaleTags({ due, today: '2026-08-01', nextScheduled: null })).toEqual(['due_soon']);
		expect(timescaleTags({ due, today: '2026-07-01', nextScheduled: null })).toEqual(['on_track']);
	});
});

describe('caseloadCounts', () => {
	it('counts each row under every tag it shows', () => {
		expect(
			caseloadCounts([
				{ tags: ['overdue', 'scheduled_late'] },
				{ tags: ['overdue', 'scheduled_late'] },
				{ tags: ['overdue'] },
				{ tags: ['scheduled_late'] },
				{ tags: ['due_soon'] },
				{ tags: ['on_track'] },
				{ tags: [] }
			])
		).toEqual({ children: 7, overdue: 3, scheduled_late: 3, due_soon: 1 });
	});

	it('is all zero for an empty caseload', () => {
		expect(caseloadCounts([])).toEqual({ children: 0, overdue: 0, scheduled_late: 0, due_soon: 0 });
	});
});
