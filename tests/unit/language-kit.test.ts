import { describe, expect, it } from 'vitest';
import { GET } from '../../src/routes/i18n/[lang]/+server';
import { languageKitOf, languageKitPath } from '../../src/lib/i18n/language-kit';
import { LOCALES } from '../../src/lib/i18n/locales';

/** What the browser fetches once per language instead of receiving it with every page (issue 14). */
const get = (lang: string) =>
	(GET as unknown as (e: { params: { lang: string } }) => Response)({ params: { lang } });

describe('a language kit', () => {
	it('is served for every language, from the server’s own data, to be kept until the next release', async () => {
		for (const { code } of LOCALES) {
			const response = get(code);
			expect(response.status).toBe(200);
			// Kept by the browser only: a signed-in reader's answer also refreshes their session cookie.
			expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
			expect(await response.json()).toEqual(JSON.parse(JSON.stringify(languageKitOf(code))));
		}
	});

	it('has the language’s own month names and our languages’ names in it', async () => {
		const punjabi = await get('pa').json();
		expect(punjabi.dateKit.shapes.date.months[0]).toMatch(/[\u0A00-\u0A7F]/);
		expect(punjabi.languageNames.ti).toMatch(/[\u0A00-\u0A7F]/);
		expect((await get('en').json()).languageNames.ti).toBe('Tigrinya');
	});

	it('is not found for a language we do not have', () => {
		expect(() => get('xx')).toThrow(expect.objectContaining({ status: 404 }));
	});

	it('changes address with each release', () => {
		expect(languageKitPath('ar')).toMatch(/^\/i18n\/ar\?v=.+/);
	});
});
