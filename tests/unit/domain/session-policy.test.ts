import { describe, expect, it } from 'vitest';
import { isSessionExpired, shouldTouch } from '../../../src/lib/domain/session-policy';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const start = 1_700_000_000_000;
const base = { createdAt: start, lastSeenAt: start, passwordChangedAt: start - 1 };

describe('session expiry', () => {
	it('signs staff out after 30 minutes without activity', () => {
		expect(isSessionExpired({ ...base, role: 'iro' }, start + 30 * MIN - 1)).toBe(false);
		expect(isSessionExpired({ ...base, role: 'iro' }, start + 30 * MIN)).toBe(true);
		expect(isSessionExpired({ ...base, role: 'manager' }, start + 30 * MIN)).toBe(true);
	});

	it('keeps children and carers signed in for 7 days without activity', () => {
		expect(isSessionExpired({ ...base, role: 'child' }, start + 7 * DAY - 1)).toBe(false);
		expect(isSessionExpired({ ...base, role: 'child' }, start + 7 * DAY)).toBe(true);
		expect(isSessionExpired({ ...base, role: 'carer' }, start + 3 * DAY)).toBe(false);
	});

	it('ends even an active session after its absolute lifetime', () => {
		expect(
			isSessionExpired(
				{ ...base, role: 'iro', lastSeenAt: start + 12 * 60 * MIN - MIN },
				start + 12 * 60 * MIN
			)
		).toBe(true);
		expect(
			isSessionExpired({ ...base, role: 'child', lastSeenAt: start + 30 * DAY - MIN }, start + 30 * DAY)
		).toBe(true);
	});

	it('ends sessions that began before the password changed', () => {
		expect(isSessionExpired({ ...base, role: 'child', passwordChangedAt: start + 1 }, start + MIN)).toBe(
			true
		);
	});

	it('records activity at most once a minute', () => {
		expect(shouldTouch(start, start + MIN - 1)).toBe(false);
		expect(shouldTouch(start, start + MIN)).toBe(true);
	});
});
