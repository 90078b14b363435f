import { request, type APIRequestContext } from '@playwright/test';
import { test, expect, DEMO_PASSWORD, BASE_URL } from './fixtures';
import { demoIds, session as sessionAt } from './access-ids';
import { ACCESS_MATRIX, type Actor, type Expect, type Ids, type Outcome, type Which } from '../access-matrix';

/** Checks every cell of tests/access-matrix.ts against the running server, for GET and form POSTs. */
const BASE = BASE_URL;
const session = (actor: Actor | string) => sessionAt(BASE, actor);

function outcomeOf(status: number, location: string | undefined): Outcome | `status ${number}` {
	if (status === 200) return 'ok';
	if (status === 404) return 'notFound';
	if (status === 303 || status === 302)
		return location?.startsWith('/signin?returnTo=') ? 'signIn' : 'redirect';
	return `status ${status}`;
}

const expected = (e: Expect, which: Which): Outcome => (typeof e === 'string' ? e : e[which]);
const actors: Actor[] = ['anon', 'child', 'carer', 'iro', 'manager'];

test.describe('access matrix', () => {
	const sessions = new Map<Actor, APIRequestContext>();
	let ids: Ids;

	test.beforeAll(async () => {
		for (const actor of actors) sessions.set(actor, await session(actor));
		ids = await demoIds(BASE, sessions.get('manager')!);
	});

	for (const rule of ACCESS_MATRIX) {
		test(`GET ${rule.route}`, async () => {
			const failures: string[] = [];
			for (const actor of actors) {
				for (const which of ['own', 'other'] as const) {
					const path = rule.path(ids, which);
					const ctx = rule.signsOut ? await session(actor) : sessions.get(actor)!;
					const response = await ctx.get(path, { maxRedirects: 0 });
					const got = outcomeOf(response.status(), response.headers()['location']);
					const want = expected(rule.get[actor], which);
					if (got !== want) failures.push(`${actor} ${which} ${path}: expected ${want}, got ${got}`);
				}
			}
			expect(failures).toEqual([]);
		});

		for (const [action, refused] of Object.entries(rule.actions ?? {})) {
			const denied = Object.entries(refused).filter(([, e]) => e);
			if (!denied.length) continue;
			test(`POST ${rule.route} ?/${action} is refused`, async () => {
				const failures: string[] = [];
				for (const [actor, e] of denied as Array<[Actor, Expect]>) {
					for (const which of ['own', 'other'] as const) {
						const want = expected(e, which);
						if (want === 'ok') continue;
						const path = rule.path(ids, which) + (action === 'default' ? '' : `?/${action}`);
						const response = await sessions.get(actor)!.post(path, {
							form: { for: 'child', childId: ids.ownChild, iroId: '' },
							maxRedirects: 0
						});
						const got = outcomeOf(response.status(), response.headers()['location']);
						if (got !== want) failures.push(`${actor} ${which} POST ${path}: expected ${want}, got ${got}`);
					}
				}
				expect(failures).toEqual([]);
			});
		}
	}

	test('a cross-site form post is refused', async () => {
		const ctx = await request.newContext({
			baseURL: BASE,
			extraHTTPHeaders: { origin: 'https://evil.example', accept: 'text/html' }
		});
		const response = await ctx.post('/signin', {
			form: { login: 'amina', password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
	});

	test('security headers and cookies', async () => {
		const ctx = await request.newContext({
			baseURL: BASE,
			extraHTTPHeaders: { origin: BASE, accept: 'text/html' }
		});
		const page = await ctx.get('/signin');
		const headers = page.headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['cache-control']).toBe('no-store');
		// …so no ETag: it would never be asked for again, and costs a hash of the whole page.
		expect(headers['etag']).toBeUndefined();
		// Pages are compressed for a browser that asks.
		const zipped = await ctx.get('/signin', { headers: { 'accept-encoding': 'gzip' } });
		expect(zipped.headers()['content-encoding']).toBe('gzip');
		// Static files get the same protective headers as pages.
		for (const file of ['/favicon.svg', '/pictures/emoji_u1f333.svg']) {
			const asset = await ctx.get(file);
			expect(asset.status(), file).toBe(200);
			expect(asset.headers()['x-content-type-options'], file).toBe('nosniff');
			expect(asset.headers()['x-frame-options'], file).toBe('DENY');
		}
		const signedIn = await ctx.post('/signin', {
			form: { login: 'jordan', password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		const cookie = signedIn.headers()['set-cookie'];
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
	});
});
