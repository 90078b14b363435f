import { describe, expect, it } from 'vitest';
import { forwardingWarning } from '../../scripts/proxy-warning.js';

describe('the start-up warning about a reverse proxy', () => {
	it('warns when a request was forwarded but no proxy is declared', () => {
		const warning = forwardingWarning({ 'x-forwarded-for': '203.0.113.5' }, {});
		expect(warning).toMatch(/ADDRESS_HEADER is not set/);
		expect(warning).toMatch(/x-forwarded-for/);
		expect(forwardingWarning({ forwarded: 'for=203.0.113.5' }, {})).toMatch(/forwarded/);
	});

	it('says nothing when the proxy is declared, or for a request that was not forwarded', () => {
		expect(
			forwardingWarning({ 'x-forwarded-for': '203.0.113.5' }, { ADDRESS_HEADER: 'x-forwarded-for' })
		).toBeNull();
		expect(forwardingWarning({ host: 'localhost' }, {})).toBeNull();
	});
});
