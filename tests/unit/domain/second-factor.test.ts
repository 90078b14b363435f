import { describe, expect, it } from 'vitest';
import {
	allowedBeforeSecondFactor,
	formatRecoveryCode,
	mayRemovePasskey,
	normaliseRecoveryCode,
	secondFactorStep
} from '../../../src/lib/domain/second-factor';

describe('who must use a second factor', () => {
	it('never children or carers, whatever the setting', () => {
		for (const role of ['child', 'carer'])
			expect(secondFactorStep({ role, mode: 'required', passkeys: 2, done: false })).toBe('none');
	});

	it('staff with a passkey use it at every sign-in, in either mode', () => {
		expect(secondFactorStep({ role: 'iro', mode: 'optional', passkeys: 1, done: false })).toBe('verify');
		expect(secondFactorStep({ role: 'manager', mode: 'required', passkeys: 1, done: false })).toBe('verify');
		expect(secondFactorStep({ role: 'iro', mode: 'required', passkeys: 1, done: true })).toBe('none');
	});

	it('staff without a passkey set one up when required, and sign in as before when optional', () => {
		expect(secondFactorStep({ role: 'iro', mode: 'required', passkeys: 0, done: false })).toBe('setup');
		expect(secondFactorStep({ role: 'iro', mode: 'optional', passkeys: 0, done: false })).toBe('none');
	});

	it('a session that owes it reaches only its step’s page, signing out, the quick exit, settings and the language kit', () => {
		expect(allowedBeforeSecondFactor('verify', '/account/second-factor')).toBe(true);
		expect(allowedBeforeSecondFactor('verify', '/signout')).toBe(true);
		expect(allowedBeforeSecondFactor('verify', '/leave')).toBe(true);
		expect(allowedBeforeSecondFactor('verify', '/settings')).toBe(true);
		// Every page, the second-factor page too, loads its language's date kit (i18n/language-kit.ts).
		expect(allowedBeforeSecondFactor('verify', '/i18n/en')).toBe(true);
		expect(allowedBeforeSecondFactor('setup', '/i18n/ar')).toBe(true);
		expect(allowedBeforeSecondFactor('verify', '/account/passkeys')).toBe(false);
		expect(allowedBeforeSecondFactor('verify', '/iro')).toBe(false);
		expect(allowedBeforeSecondFactor('verify', '/account/second-factorx')).toBe(false);
		expect(allowedBeforeSecondFactor('setup', '/account/passkeys')).toBe(true);
		expect(allowedBeforeSecondFactor('setup', '/manage/staff')).toBe(false);
		expect(allowedBeforeSecondFactor('none', '/manage/staff')).toBe(true);
	});

	it('the last passkey stays while required', () => {
		expect(mayRemovePasskey('required', 1)).toBe(false);
		expect(mayRemovePasskey('required', 2)).toBe(true);
		expect(mayRemovePasskey('optional', 1)).toBe(true);
	});

	it('recovery codes forgive spaces, dashes and capitals', () => {
		expect(normaliseRecoveryCode(' ABCD-efgh ijkl ')).toBe('abcdefghijkl');
		expect(normaliseRecoveryCode('abcd-efgh')).toBeNull();
		expect(formatRecoveryCode('abcdefghijkl')).toBe('abcd-efgh-ijkl');
	});
});
