import { beforeAll, describe, expect, it } from 'vitest';

/** Asking for an advocate or an independent visitor, from request to arranged or withdrawn. */

const { newIro, newChild } = await import('./support/people');
const support = await import('../../src/lib/server/support');
const { supportRequestSchema } = await import('../../src/lib/forms/prepare');

let childId: string;
let otherChildId: string;

beforeAll(async () => {
	const iroId = await newIro('iro');
	const child = (fullName: string) => newChild(iroId, { fullName, dateOfBirth: '2012-05-05' });
	childId = child('Ada Lovelace');
	otherChildId = child('Bo Other');
});

const statusOf = (id: string) => support.supportRequestById(id)?.status;

describe('asking for support', () => {
	it('reads the form for the kind asked for, with that kind’s note', () => {
		expect(
			supportRequestSchema.parse({
				kind: 'advocate',
				'note-advocate': ' Soon please ',
				'note-independentVisitor': 'x'
			})
		).toEqual({ kind: 'advocate', note: 'Soon please' });
		expect(supportRequestSchema.safeParse({ kind: 'friend' }).success).toBe(false);
		expect(
			supportRequestSchema.safeParse({ kind: 'advocate', 'note-advocate': 'x'.repeat(501) }).success
		).toBe(false);
	});

	it('goes from requested to being arranged to arranged, and the child can ask again after', () => {
		const first = support.requestSupport(childId, 'advocate', 'Before my meeting', 1000);
		expect(first.ok).toBe(true);
		const id = first.ok ? first.id : '';
		expect(support.supportRequestById(id)).toMatchObject({ status: 'requested', note: 'Before my meeting' });
		expect(support.openSupportRequests(childId).map((r) => r.id)).toEqual([id]);
		expect(support.openSupportRequests(otherChildId)).toEqual([]);

		expect(support.requestSupport(childId, 'advocate', '', 1500)).toEqual({
			ok: false,
			reason: 'alreadyOpen'
		});
		expect(support.setSupportStatus(id, 'inProgress', 2000)).toBe(true);
		expect(support.requestSupport(childId, 'advocate', '', 2500)).toEqual({
			ok: false,
			reason: 'alreadyOpen'
		});
		expect(support.openSupportRequests(childId)).toHaveLength(1);
		expect(support.openSupportCounts([childId, otherChildId])).toEqual(new Map([[childId, 1]]));

		expect(support.setSupportStatus(id, 'arranged', 3000)).toBe(true);
		expect(support.supportRequestById(id)).toMatchObject({ status: 'arranged', updatedAt: 3000 });
		expect(support.openSupportRequests(childId)).toEqual([]);
		const again = support.requestSupport(childId, 'advocate', '', 4000);
		expect(again.ok).toBe(true);
		// An arranged request is not reopened while the new one is open.
		expect(support.setSupportStatus(id, 'requested', 4500)).toBe(false);
		expect(support.supportRequestsOf(childId).map((r) => r.createdAt)).toEqual([4000, 1000]);
	});

	it('lets the child ask for an independent visitor at the same time, and change their mind', () => {
		const visitor = support.requestSupport(childId, 'independentVisitor', '', 5000);
		expect(visitor.ok).toBe(true);
		const id = visitor.ok ? visitor.id : '';
		expect(support.withdrawSupport(otherChildId, id, 5500)).toBe(false);
		expect(statusOf(id)).toBe('requested');
		expect(support.withdrawSupport(childId, id, 6000)).toBe(true);
		expect(statusOf(id)).toBe('withdrawn');
		expect(support.withdrawSupport(childId, id, 6500)).toBe(false);
		// The IRO cannot bring back what the child withdrew.
		expect(support.setSupportStatus(id, 'arranged', 7000)).toBe(false);
		expect(statusOf(id)).toBe('withdrawn');
		expect(support.requestSupport(childId, 'independentVisitor', '', 8000).ok).toBe(true);
	});

	it('records when the IRO says it is not possible, and refuses unknown requests or statuses', () => {
		const asked = support.requestSupport(otherChildId, 'advocate', '', 9000);
		const id = asked.ok ? asked.id : '';
		expect(support.setSupportStatus(id, 'declined', 9500)).toBe(true);
		expect(statusOf(id)).toBe('declined');
		expect(support.setSupportStatus('nope', 'arranged')).toBe(false);
		expect(support.setSupportStatus(id, 'withdrawn' as 'arranged')).toBe(false);
		expect(support.supportRequestById('')).toBeUndefined();
	});
});
