import { describe, expect, it, vi } from 'vitest';

vi.mock('$app/server', () => ({ getRequestEvent: () => ({}) }));
const { canAccessChild } = await import('../../src/lib/server/access');

const child = { iroId: 'iro-1', userId: 'child-1' };

describe('who may see a child’s record', () => {
	it('lets managers see and change every child', () => {
		expect(canAccessChild({ id: 'm', role: 'manager' }, child, 'manage', false)).toBe(true);
	});

	it('lets an IRO see and change only the children allocated to them', () => {
		expect(canAccessChild({ id: 'iro-1', role: 'iro' }, child, 'manage', false)).toBe(true);
		expect(canAccessChild({ id: 'iro-2', role: 'iro' }, child, 'view', false)).toBe(false);
		expect(canAccessChild({ id: 'iro-1', role: 'iro' }, { ...child, iroId: null }, 'view', false)).toBe(
			false
		);
	});

	it('lets a child see only their own record, and never change it as staff do', () => {
		expect(canAccessChild({ id: 'child-1', role: 'child' }, child, 'view', false)).toBe(true);
		expect(canAccessChild({ id: 'child-1', role: 'child' }, child, 'manage', false)).toBe(false);
		expect(canAccessChild({ id: 'child-2', role: 'child' }, child, 'view', false)).toBe(false);
	});

	it('lets a carer see only children they are linked to', () => {
		expect(canAccessChild({ id: 'carer-1', role: 'carer' }, child, 'view', true)).toBe(true);
		expect(canAccessChild({ id: 'carer-1', role: 'carer' }, child, 'view', false)).toBe(false);
		expect(canAccessChild({ id: 'carer-1', role: 'carer' }, child, 'manage', true)).toBe(false);
	});
});
