import { describe, expect, it, vi } from 'vitest';
import { localeFromLanguages } from '../../src/lib/i18n/letter-language';

vi.mock('$app/server', () => ({ getRequestEvent: () => ({}) }));
const { canLinkCarer, canResetPassword } = await import('../../src/lib/server/access');

const child = { iroId: 'iro-1' };

describe('who may reset a password', () => {
	it('lets the child’s own IRO and managers reset a child’s password', () => {
		expect(canResetPassword({ id: 'iro-1', role: 'iro' }, child, 'child')).toBe(true);
		expect(canResetPassword({ id: 'm', role: 'manager' }, child, 'child')).toBe(true);
		expect(canResetPassword({ id: 'iro-2', role: 'iro' }, child, 'child')).toBe(false);
	});

	it('lets only managers reset a carer’s password, never an IRO (a carer may be on several caseloads)', () => {
		expect(canResetPassword({ id: 'iro-1', role: 'iro' }, child, 'carer')).toBe(false);
		expect(canResetPassword({ id: 'm', role: 'manager' }, child, 'carer')).toBe(true);
	});

	it('never lets a child or carer reset anyone', () => {
		expect(canResetPassword({ id: 'c', role: 'child' }, child, 'child')).toBe(false);
		expect(canResetPassword({ id: 'c', role: 'carer' }, child, 'carer')).toBe(false);
	});
});

describe('who may link an existing carer to another child', () => {
	const iro = { id: 'iro-1', role: 'iro' as const };
	it('lets an IRO link only someone without an account, linked only to their own caseload', () => {
		expect(canLinkCarer(iro, { hasAccount: false, iroIds: ['iro-1'] })).toBe(true);
		expect(canLinkCarer(iro, { hasAccount: true, iroIds: ['iro-1'] })).toBe(false);
		expect(canLinkCarer(iro, { hasAccount: false, iroIds: ['iro-1', 'iro-2'] })).toBe(false);
		expect(canLinkCarer(iro, { hasAccount: false, iroIds: ['iro-1', null] })).toBe(false);
	});

	it('lets a manager link anyone', () => {
		expect(canLinkCarer({ id: 'm', role: 'manager' }, { hasAccount: true, iroIds: ['iro-2'] })).toBe(true);
	});
});

describe('the language a letter is written in', () => {
	it('is the first language on the child’s record that Voicebox speaks', () => {
		expect(localeFromLanguages('Urdu, English')).toBe('ur');
		expect(localeFromLanguages('Arabic and English')).toBe('ar');
		expect(localeFromLanguages('Amharic / Punjabi')).toBe('pa');
		expect(localeFromLanguages('Tigrinya, English')).toBe('ti');
		expect(localeFromLanguages('Dari (Farsi)')).toBe('fa-AF');
		expect(localeFromLanguages('Welsh')).toBe('cy');
		expect(localeFromLanguages('polski')).toBe('pl');
		expect(localeFromLanguages('Sylheti (Bengali)')).toBe('bn');
	});

	it('is nothing when no language on the record is one Voicebox speaks', () => {
		expect(localeFromLanguages('')).toBeNull();
		expect(localeFromLanguages('Amharic')).toBeNull();
	});
});
