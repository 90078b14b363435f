import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fillPlaceholders } from '../../src/lib/server/hooks/page';

/** app.html's <html> gets the reader's language, direction and display settings; nothing else changes. */
describe('fillPlaceholders', () => {
	const fill = { lang: 'ar', dir: 'rtl', attributes: 'data-text="large" data-cost="$&"' };

	it("fills app.html's placeholders in <html>", () => {
		const template = readFileSync('src/app.html', 'utf8');
		const filled = fillPlaceholders(template, fill);
		expect(filled).toContain('<html lang="ar" dir="rtl" data-text="large" data-cost="$&">');
		expect(filled).not.toMatch(/%(lang|dir|display)%/);
	});

	it('leaves words a user wrote alone, even when they look like a placeholder', () => {
		const page =
			'<html lang="%lang%" dir="%dir%" %display%><head></head><body><p>%lang% %dir% %display%</p></body></html>';
		expect(fillPlaceholders(page, fill)).toBe(
			'<html lang="ar" dir="rtl" data-text="large" data-cost="$&"><head></head><body><p>%lang% %dir% %display%</p></body></html>'
		);
	});
});
