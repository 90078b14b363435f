import { describe, expect, it } from 'vitest';
import { cleanText, parseMessage } from '../../src/lib/forms/text';
import { childSchema, meetingSchema, carerSchema } from '../../src/lib/forms/staff';
import { signInSchema, newPassword, username } from '../../src/lib/forms/auth';
import { safeReturnTo, homeOf } from '../../src/lib/routes';
import { parseDisplay, serialiseDisplay, displayAttributes, DEFAULT_DISPLAY } from '../../src/lib/display';

const firstError = (
	r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } },
	field: string
) => r.error?.issues.find((i) => i.path[0] === field)?.message;

describe('text as typed', () => {
	it('removes bidi overrides and control characters but keeps emoji and scripts', () => {
		expect(cleanText('  Sam\u202E\u0000 😀 سام ')).toBe('Sam 😀 سام');
		expect(cleanText('a\r\nb', true)).toBe('a\nb');
		expect(cleanText('a\r\nb')).toBe('a b');
	});
});

describe('add a child form', () => {
	const schema = childSchema('2026-11-23');
	const good = {
		fullName: 'Sam Carter',
		dateOfBirth: '2017-05-01',
		status: 'cared_for',
		startDate: '2026-01-05'
	};

	it('accepts a complete child', () => {
		expect(schema.safeParse(good).success).toBe(true);
	});

	it('says what is missing, field by field', () => {
		const r = schema.safeParse({});
		expect(firstError(r, 'fullName')).toBe('errors:child.fullNameRequired');
		expect(firstError(r, 'dateOfBirth')).toBe('errors:child.dobRequired');
		expect(firstError(r, 'status')).toBe('errors:child.statusRequired');
	});

	it('refuses a 1 MB name with the limit, and impossible or future dates', () => {
		const r = schema.safeParse({
			...good,
			fullName: 'x'.repeat(1_000_000),
			dateOfBirth: '2023-02-29',
			startDate: '2027-01-01'
		});
		expect(parseMessage(firstError(r, 'fullName')!)).toEqual({
			key: 'errors:tooLong',
			params: { count: 100 }
		});
		expect(firstError(r, 'dateOfBirth')).toBe('errors:date.format');
		expect(firstError(r, 'startDate')).toBe('errors:child.startRange');
	});
});

describe('schedule a meeting form', () => {
	it('accepts only real times and the three kinds', () => {
		const good = { kind: 'cla_review', date: '2026-12-01', time: '14:30', venue: 'School', mode: 'online' };
		expect(meetingSchema.safeParse(good).success).toBe(true);
		expect(firstError(meetingSchema.safeParse({ ...good, time: '25:00' }), 'time')).toBe(
			'errors:meeting.timeFormat'
		);
		expect(firstError(meetingSchema.safeParse({ ...good, kind: 'party' }), 'kind')).toBe(
			'errors:meeting.kindRequired'
		);
	});
});

describe('carer form', () => {
	it('makes email optional but checks it when given', () => {
		const good = { fullName: 'Helen', relationship: 'Foster carer' };
		expect(carerSchema.safeParse(good).success).toBe(true);
		expect(firstError(carerSchema.safeParse({ ...good, email: 'not an email' }), 'email')).toBe(
			'errors:email.format'
		);
	});
});

describe('passwords and usernames', () => {
	it('allow long passphrases with spaces and any script, and only require length', () => {
		expect(newPassword.safeParse('purple tiger pizza').success).toBe(true);
		expect(newPassword.safeParse('كلمة سر طويلة جدا').success).toBe(true);
		expect(newPassword.safeParse('x'.repeat(256)).success).toBe(true);
		expect(newPassword.safeParse('short').success).toBe(false);
		expect(newPassword.safeParse('x'.repeat(257)).success).toBe(false);
	});

	it('allow usernames in any script but no spaces or symbols', () => {
		expect(username.safeParse('zainab.a').success).toBe(true);
		expect(username.safeParse('زينب').success).toBe(true);
		expect(username.safeParse('<b>').success).toBe(false);
		expect(username.safeParse('ab').success).toBe(false);
	});

	it('sign-in needs both fields', () => {
		const r = signInSchema.safeParse({ login: ' ', password: '' });
		expect(firstError(r, 'login')).toBe('errors:signIn.loginRequired');
		expect(firstError(r, 'password')).toBe('errors:signIn.passwordRequired');
	});
});

describe('going back after sign-in', () => {
	const origin = 'http://localhost:3000';
	it('only ever goes to a path on this site', () => {
		expect(safeReturnTo('/iro/children/abc?x=1', origin, '/')).toBe('/iro/children/abc?x=1');
		expect(safeReturnTo('//evil.example', origin, '/')).toBe('/');
		expect(safeReturnTo('/\\evil.example', origin, '/')).toBe('/');
		expect(safeReturnTo('https://evil.example/', origin, '/')).toBe('/');
		expect(safeReturnTo(null, origin, '/me')).toBe('/me');
	});

	it('sends each role to its own home', () => {
		expect(homeOf('child')).toBe('/me');
		expect(homeOf('carer')).toBe('/carer');
		expect(homeOf('iro')).toBe('/iro');
		expect(homeOf('manager')).toBe('/manage');
	});
});

describe('display settings', () => {
	it('round-trip, ignore unknown values and store nothing for the defaults', () => {
		const large = { ...DEFAULT_DISPLAY, text: 'xlarge' as const, contrast: 'high' as const };
		expect(parseDisplay(serialiseDisplay(large))).toEqual(large);
		expect(serialiseDisplay(DEFAULT_DISPLAY)).toBe('');
		expect(parseDisplay('text=huge&font="><script>')).toEqual(DEFAULT_DISPLAY);
		expect(displayAttributes(large)).toContain('data-text="xlarge"');
	});
});
