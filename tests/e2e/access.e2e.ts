import { request, type APIRequestContext } from '@playwright/test';
import { test, expect, DEMO_PASSWORD, BASE_URL } from './fixtures';
import { ACCESS_MATRIX, type Actor, type Expect, type Ids, type Outcome, type Which } from '../access-matrix';

/** Checks every cell of tests/access-matrix.ts against the running server, for GET and form POSTs. */
const BASE = BASE_URL;
const LOGINS: Record<Exclude<Actor, 'anon'>, string> = {
	child: 'sam',
	carer: 'helen',
	iro: 'amina',
	manager: 'manager'
};

async function session(actor: Actor | string): Promise<APIRequestContext> {
	const ctx = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { origin: BASE, accept: 'text/html' }
	});
	if (actor === 'anon') return ctx;
	const response = await ctx.post('/signin', {
		form: { login: LOGINS[actor as Exclude<Actor, 'anon'>] ?? actor, password: DEMO_PASSWORD },
		maxRedirects: 0
	});
	expect(response.status(), `sign in as ${actor}`).toBe(303);
	return ctx;
}

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
		const manager = sessions.get('manager')!;
		const html = await (await manager.get('/manage')).text();
		const inbox = await (await manager.get('/iro/inbox')).text();
		const link = (source: string, path: string, name: string) =>
			source.match(new RegExp(`${path}(\\w+)"[^>]*>(?:<[^>]+>|\\s)*${name}`))?.[1] ?? '';
		ids = {
			ownChild: link(html, '/iro/children/', 'Samuel Carter'),
			otherChild: link(html, '/iro/children/', 'Kacper Nowak'),
			ownIro: link(html, '/manage/iros/', 'Amina Rahman'),
			otherIro: link(html, '/manage/iros/', 'Ben Kowalski'),
			ownConversation: link(inbox, '/iro/conversations/', 'Samuel Carter</bdi>(?:<!--[^>]*-->)*</a>'),
			otherConversation: link(inbox, '/iro/conversations/', 'Kacper Nowak</bdi>(?:<!--[^>]*-->)*</a>'),
			ownMeeting: '',
			otherMeeting: '',
			ownHeldMeeting: '',
			otherHeldMeeting: '',
			ownLetter: '',
			otherLetter: ''
		};
		// The next meeting's "Move or cancel" link (not a past meeting's "/write-up" link).
		const meetingOf = async (childId: string) =>
			(await (await manager.get(`/iro/children/${childId}`)).text()).match(
				/\/meetings\/(?!new\b)(\w+)"/
			)?.[1] ?? 'none';
		ids.ownMeeting = await meetingOf(ids.ownChild);
		ids.otherMeeting = await meetingOf(ids.otherChild);
		// Held reviews (linked for their own IRO only) and letters (listed for their own child only).
		const heldOf = async (login: string, childId: string) =>
			[
				...(await (await (await session(login)).get(`/iro/children/${childId}`)).text()).matchAll(
					/\/meetings\/(\w+)\/outcomes"/g
				)
			].pop()?.[1] ?? '';
		const letterOf = async (login: string) =>
			(await (await (await session(login)).get('/me/letters')).text()).match(/\/me\/letters\/(\w+)/)?.[1] ??
			'';
		ids.ownHeldMeeting = await heldOf('amina', ids.ownChild);
		ids.otherHeldMeeting = await heldOf('ben', ids.otherChild);
		ids.ownLetter = await letterOf('sam');
		ids.otherLetter = await letterOf('kacper');
		const pastMeetingOf = async (childId: string) =>
			[
				...(await (await manager.get(`/iro/children/${childId}`)).text()).matchAll(
					/\/meetings\/(\w+)\/write-up"/g
				)
			].pop()?.[1] ?? 'none';
		// Helen's carer record, from the "Unlink Helen Price" link on Sam's page.
		ids.ownCarer =
			(await (await manager.get(`/iro/children/${ids.ownChild}`)).text()).match(
				/\/carers\/(\w+)\/unlink"/
			)?.[1] ?? '';
		ids.ownPastMeeting = await pastMeetingOf(ids.ownChild);
		ids.otherPastMeeting = await pastMeetingOf(ids.otherChild);
		expect(Object.values(ids).every(Boolean), JSON.stringify(ids)).toBe(true);
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
