import { request } from '@playwright/test';
import { test, expect, BASE_URL } from './fixtures';
import { createIro } from './flow-helpers';
import { session } from './access-ids';

/**
 * A body the portal cannot read answers 400 with the translated error page (never a 500), and the
 * sign-in throttle, seen from several addresses (the e2e server trusts X-Forwarded-For): someone
 * else's wrong passwords never keep the account holder out.
 */

const TITLE = 'Sorry, that could not be read';

test('an unreadable form answers 400 with the usual error page, in the reader’s language', async () => {
	const child = await session(BASE_URL, 'child');
	const broken = {
		headers: { origin: BASE_URL, 'content-type': 'multipart/form-data; boundary=zz' },
		data: '--zz\r\nContent-Disposition: form-data; name="body"\r\n\r\nhello',
		maxRedirects: 0
	};
	const answer = await child.post('/me/messages', broken);
	expect(answer.status()).toBe(400);
	const html = await answer.text();
	expect(html).toContain(TITLE);
	expect(html).not.toMatch(/at .*\.js:\d+/);

	// Signed out, in Polish (Accept-Language), as text/plain, and as cut-off bytes that are not UTF-8.
	const visitor = await request.newContext({
		baseURL: BASE_URL,
		extraHTTPHeaders: { origin: BASE_URL, accept: 'text/html' }
	});
	const polish = await visitor.post('/signin', {
		headers: { 'accept-language': 'pl', 'content-type': 'text/plain' },
		data: 'login=sam',
		maxRedirects: 0
	});
	expect(polish.status()).toBe(400);
	expect(await polish.text()).toContain('Przepraszamy, nie udało się odczytać tego, co wysłano');
	const bytes = await visitor.post('/join?/code', {
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		data: Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x3d, 0xff, 0xfe, 0xc3, 0x28, 0x25, 0x45]),
		maxRedirects: 0
	});
	expect(bytes.status()).toBeLessThan(500);
	// With JavaScript (enhance), the same 400 comes back as the action's error.
	const enhanced = await child.post('/me/messages', {
		...broken,
		headers: { ...broken.headers, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(enhanced.status()).toBe(400);
	expect(await enhanced.json()).toMatchObject({ type: 'error' });
});

test('wrong passwords from one address never refuse the right one from another, or from a known device', async ({
	browser
}) => {
	const iro = await createIro(browser);
	const from = async (address: string) =>
		request.newContext({
			baseURL: BASE_URL,
			extraHTTPHeaders: { origin: BASE_URL, accept: 'text/html', 'x-forwarded-for': address }
		});
	const signIn = async (ctx: Awaited<ReturnType<typeof from>>, password: string) =>
		(await ctx.post('/signin', { form: { login: iro.username, password }, maxRedirects: 0 })).status();
	const octet = () => 1 + Math.floor(Math.random() * 250);
	const home = `198.51.100.${octet()}`;
	const elsewhere = `203.0.113.${octet()}`;

	// The IRO's own laptop signs in once: from now on it is a known device.
	const laptop = await from(home);
	expect(await signIn(laptop, iro.password)).toBe(303);

	// Someone elsewhere tries eight wrong passwords: after five, they are made to wait.
	const attacker = await from(elsewhere);
	const statuses = [];
	for (let i = 0; i < 8; i++) statuses.push(await signIn(attacker, `guess ${i}`));
	expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
	expect(statuses.slice(5)).toEqual([429, 429, 429]);
	expect(await signIn(attacker, iro.password)).toBe(429);

	// The IRO, from a new browser at their own address, gets in.
	expect(await signIn(await from(home), iro.password)).toBe(303);

	// Someone at the IRO's own address fails too: a new browser there waits, the known laptop does not.
	const sameAddress = await from(home);
	for (let i = 0; i < 6; i++) await signIn(sameAddress, `guess ${i}`);
	expect(await signIn(await from(home), iro.password)).toBe(429);
	expect(await signIn(laptop, iro.password)).toBe(303);
});
