import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The IRO's oversight log against an in-memory database: a concern is raised at a stage with its due
 * date in working days, moves on stage by stage, is resolved once, and the caseload counts open and
 * overdue concerns of the IRO's own children only. Every change is audited.
 */
const { newIro, newChild, DAY } = await import('./support/people');
const { auditOf } = await import('../../src/lib/server/audit');
const oversight = await import('../../src/lib/server/oversight');
const { concernSchema, escalateSchema, resolveSchema } = await import('../../src/lib/forms/oversight');

const NOW = Date.UTC(2026, 2, 16, 12); // Monday 16 March 2026
const TODAY = '2026-03-16';
let iroId: string;
let otherIroId: string;

const concern = (raisedOn: string, stage: 'informal' | 'stage1' = 'informal') => ({
	subject: 'education' as const,
	detail: 'No school place for three weeks.',
	raisedWithRole: 'social_worker' as const,
	raisedWithName: 'Priya Shah',
	stage,
	raisedOn
});

beforeAll(async () => {
	iroId = await newIro('ov-iro');
	otherIroId = await newIro('ov-iro-2');
});

describe('a concern in the oversight log', () => {
	it('is raised at its stage, due in working days, and audited', () => {
		const childId = newChild(iroId);
		const id = oversight.raiseConcern(childId, iroId, concern('2026-03-02'), NOW);
		const c = oversight.concernOfChild(childId, id)!;
		expect(c).toMatchObject({ stage: 'informal', stageStartedOn: '2026-03-02', dueOn: '2026-03-09' });
		expect(oversight.stepsOf(id)).toMatchObject([
			{ stage: 'informal', startedOn: '2026-03-02', dueOn: '2026-03-09' }
		]);
		expect(auditOf(id).map((a) => a.action)).toEqual(['concern.raised']);
		// Overdue on Monday 16 March: it was due on the 9th.
		expect(oversight.concernsOf(childId, TODAY)[0].state).toBe('overdue');
	});

	it('can start at a formal stage', () => {
		const childId = newChild(iroId);
		const id = oversight.raiseConcern(childId, iroId, concern('2026-03-02', 'stage1'), NOW);
		expect(oversight.concernOfChild(childId, id)!.dueOn).toBe('2026-03-16');
	});

	it('moves on stage by stage, each with its own due date and note, and stops after stage 3', () => {
		const childId = newChild(iroId);
		const id = oversight.raiseConcern(childId, iroId, concern('2026-03-02'), NOW);
		const at = () => oversight.concernOfChild(childId, id)!;
		expect(oversight.escalateConcern(at(), iroId, { startedOn: '2026-03-10', note: 'No answer' }, NOW)).toBe(
			true
		);
		expect(at()).toMatchObject({ stage: 'stage1', stageStartedOn: '2026-03-10', dueOn: '2026-03-24' });
		expect(oversight.escalateConcern(at(), iroId, { startedOn: '2026-03-11', note: '' }, NOW)).toBe(true);
		expect(oversight.escalateConcern(at(), iroId, { startedOn: '2026-03-12', note: '' }, NOW)).toBe(true);
		expect(at().stage).toBe('stage3');
		expect(oversight.escalateConcern(at(), iroId, { startedOn: '2026-03-13', note: '' }, NOW)).toBe(false);
		expect(oversight.stepsOf(id).map((s) => s.stage)).toEqual(['informal', 'stage1', 'stage2', 'stage3']);
		expect(oversight.stepsOf(id)[1].note).toBe('No answer');
		expect(auditOf(id).filter((a) => a.action === 'concern.escalated')).toHaveLength(3);
	});

	it('is not moved on twice by two pages open on the same stage', () => {
		const childId = newChild(iroId);
		const id = oversight.raiseConcern(childId, iroId, concern('2026-03-02'), NOW);
		const seen = oversight.concernOfChild(childId, id)!;
		expect(oversight.escalateConcern(seen, iroId, { startedOn: '2026-03-10', note: '' }, NOW)).toBe(true);
		expect(oversight.escalateConcern(seen, iroId, { startedOn: '2026-03-10', note: '' }, NOW)).toBe(false);
		expect(oversight.concernOfChild(childId, id)!.stage).toBe('stage1');
	});

	it('is resolved once, and then neither moves on nor counts as open', () => {
		const childId = newChild(iroId);
		const id = oversight.raiseConcern(childId, iroId, concern('2026-03-02'), NOW);
		const seen = oversight.concernOfChild(childId, id)!;
		expect(
			oversight.resolveConcern(
				seen,
				iroId,
				{ resolvedOn: '2026-03-05', resolution: 'A place was found.' },
				NOW
			)
		).toBe(true);
		expect(
			oversight.resolveConcern(seen, iroId, { resolvedOn: '2026-03-06', resolution: 'Again' }, NOW)
		).toBe(false);
		const resolved = oversight.concernOfChild(childId, id)!;
		expect(resolved).toMatchObject({ resolvedOn: '2026-03-05', resolution: 'A place was found.' });
		expect(oversight.escalateConcern(resolved, iroId, { startedOn: '2026-03-10', note: '' }, NOW)).toBe(
			false
		);
		expect(oversight.concernsOf(childId, TODAY)[0].state).toBe('resolved');
		expect(oversight.openConcerns(iroId, TODAY)[childId]).toBeUndefined();
	});

	it("counts open and overdue concerns of the IRO's own children only, for the caseload", () => {
		const childId = newChild(otherIroId);
		oversight.raiseConcern(childId, otherIroId, concern('2026-03-02'), NOW); // due 9 March: overdue
		oversight.raiseConcern(childId, otherIroId, concern('2026-03-13'), NOW); // due 20 March: open
		expect(oversight.openConcerns(otherIroId, TODAY)[childId]).toEqual({ open: 2, overdue: 1 });
		expect(oversight.openConcernCount(childId)).toBe(2);
		expect(oversight.openConcerns(iroId, TODAY)[childId]).toBeUndefined();
		expect(
			oversight.concernOfChild(newChild(otherIroId), oversight.concernsOf(childId, TODAY)[0].id)
		).toBeUndefined();
	});

	it('lists open concerns first, soonest due first, then resolved ones', () => {
		const childId = newChild(iroId);
		const resolved = oversight.raiseConcern(childId, iroId, concern('2026-03-01'), NOW - DAY);
		oversight.resolveConcern(
			oversight.concernOfChild(childId, resolved)!,
			iroId,
			{ resolvedOn: '2026-03-04', resolution: 'Done' },
			NOW
		);
		const later = oversight.raiseConcern(childId, iroId, concern('2026-03-12'), NOW);
		const sooner = oversight.raiseConcern(childId, iroId, concern('2026-03-03'), NOW);
		expect(oversight.concernsOf(childId, TODAY).map((c) => c.id)).toEqual([sooner, later, resolved]);
	});
});

describe('the forms', () => {
	const raise = concernSchema(TODAY);
	it('needs a subject, the concern, who it was raised with and a date that has come', () => {
		const empty = raise.safeParse({});
		expect(empty.success).toBe(false);
		const fields = empty.error!.issues.map((i) => String(i.path[0]));
		expect(fields).toEqual(
			expect.arrayContaining(['subject', 'detail', 'raisedWithRole', 'stage', 'raisedOn'])
		);
		expect(raise.safeParse({ ...concern('2026-03-17'), raisedOn: '2026-03-17' }).success).toBe(false);
		expect(raise.safeParse({ ...concern('2026-03-16') }).success).toBe(true);
	});

	it('does not let a stage start before the one before it, or a concern end before it was raised', () => {
		expect(escalateSchema('2026-03-10', TODAY).safeParse({ startedOn: '2026-03-09' }).success).toBe(false);
		expect(escalateSchema('2026-03-10', TODAY).safeParse({ startedOn: '2026-03-10' }).success).toBe(true);
		expect(
			resolveSchema('2026-03-10', TODAY).safeParse({ resolvedOn: '2026-03-09', resolution: 'x' }).success
		).toBe(false);
		expect(
			resolveSchema('2026-03-10', TODAY).safeParse({ resolvedOn: '2026-03-17', resolution: 'x' }).success
		).toBe(false);
		expect(
			resolveSchema('2026-03-10', TODAY).safeParse({ resolvedOn: '2026-03-16', resolution: '' }).success
		).toBe(false);
	});
});
