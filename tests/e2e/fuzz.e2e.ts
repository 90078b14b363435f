import { spawn, type ChildProcess } from 'node:child_process';
import type { APIRequestContext } from '@playwright/test';
import { test, expect } from './fixtures';
import { demoIds, session } from './access-ids';
import { ACCESS_MATRIX, type Actor, type Ids } from '../access-matrix';

/**
 * Random and malformed bodies to every form action of the access matrix, as every role, on its own
 * and someone else's records: nothing may answer 5xx. It runs its own built server on a fresh demo
 * database (the actions really run, so they must not change what the other tests read).
 * The generator is seeded: FUZZ_SEED=<n> reproduces a run; the seed is in the test's title.
 */
const SEED = Number(process.env.FUZZ_SEED || 20261203);
const PORT = Number(process.env.E2E_PORT || 4173) + 2;
const BASE = `http://localhost:${PORT}`;
const actors: Actor[] = ['anon', 'child', 'carer', 'iro', 'manager'];
/** Bodies for each action, role and record (FUZZ_BODIES for a longer run). */
const BODIES = Number(process.env.FUZZ_BODIES || 3);

/** mulberry32: small, fast and seeded. */
function generator(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)];
	return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

const FIELDS = [
	'login',
	'password',
	'current',
	'code',
	'username',
	'body',
	'text',
	'meetingId',
	'childId',
	'carerId',
	'iroId',
	'for',
	'date',
	'time',
	'venue',
	'mode',
	'kind',
	'submission',
	'returnTo',
	'language',
	'display',
	'photo',
	'reason',
	'note',
	'item',
	'itemId',
	'answer',
	'choice',
	'who',
	'held',
	'step',
	'fullName',
	'displayName',
	'email',
	'status',
	'dateOfBirth',
	'startDate',
	'decision',
	'by',
	'rating',
	'agree'
] as const;

function randomText(r: Random): string {
	const kinds = [
		() => '',
		() => String(r.int(1e9)),
		() => 'x'.repeat(r.pick([1, 100, 5000, 300_000])),
		() => '\u0000\u0001\u202E\u200B\uFEFF\uD800',
		() => 'سام 陳 ਸਮ সাম सैम s\u0430m',
		() => '<script>alert(1)</script>"\'%00',
		() => '2026-02-30',
		() => '25:99',
		() => '../../etc/passwd',
		() => 'Array.from({length: 9})',
		() => String.fromCharCode(...Array.from({ length: r.int(40) }, () => r.int(0xffff)))
	];
	return r.pick(kinds)();
}

function randomForm(r: Random): string {
	const params = new URLSearchParams();
	for (let i = r.int(8); i >= 0; i--)
		params.append(r.next() < 0.8 ? r.pick(FIELDS) : randomText(r).slice(0, 30), randomText(r));
	return params.toString();
}

interface Body {
	name: string;
	headers: Record<string, string>;
	data: Buffer | string;
}

/** One body, broken in one of the ways the portal must answer calmly. */
function randomBody(r: Random): Body {
	const boundary = `----fuzz${r.int(1e6)}`;
	const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
	const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` };
	const makers: Array<() => Body> = [
		() => ({ name: 'random form', headers: urlencoded, data: randomForm(r) }),
		() => ({
			name: 'truncated urlencoded',
			headers: urlencoded,
			data: randomForm(r).slice(0, r.int(40)) + '%E2%8'
		}),
		() => ({
			name: 'invalid UTF-8',
			headers: urlencoded,
			data: Buffer.from([0x61, 0x3d, 0xff, 0xfe, 0xc3, 0x28, 0x26, 0xed, 0xa0, 0x80])
		}),
		() => ({
			name: 'broken multipart',
			headers: multipart,
			data: `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\nvalue`
		}),
		() => ({
			name: 'multipart without a boundary',
			headers: { 'content-type': 'multipart/form-data' },
			data: 'a=b'
		}),
		() => ({
			name: 'multipart, wrong boundary',
			headers: multipart,
			data: `--other\r\n\r\n${randomText(r)}\r\n--other--`
		}),
		() => ({
			name: 'random bytes as multipart',
			headers: multipart,
			data: Buffer.from(Array.from({ length: r.int(2000) }, () => r.int(256)))
		}),
		() => {
			const field = r.pick(FIELDS);
			const file = Buffer.from(Array.from({ length: r.int(3000) }, () => r.int(256)));
			const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
			return {
				name: `a file in ${field}`,
				headers: multipart,
				data: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)])
			};
		},
		() => ({ name: 'text/plain', headers: { 'content-type': 'text/plain' }, data: randomForm(r) }),
		() => ({ name: 'JSON', headers: { 'content-type': 'application/json' }, data: '{"login":' }),
		() => ({ name: 'no content type', headers: {}, data: randomForm(r) }),
		() => ({ name: 'empty form', headers: urlencoded, data: '' })
	];
	const body = r.pick(makers)();
	// As a browser without JavaScript, or as SvelteKit's enhance.
	if (r.next() < 0.3)
		body.headers = { ...body.headers, accept: 'application/json', 'x-sveltekit-action': 'true' };
	return body;
}

/** `send`, tried again (at most three more times) when the connection was reset, not when it answered. */
async function retryReset<T>(send: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			if (attempt > 3 || !/ECONNRESET|socket hang up/.test(String(error))) throw error;
			await new Promise((done) => setTimeout(done, 100 * attempt));
		}
	}
}

const actions = ACCESS_MATRIX.filter((rule) => !rule.signsOut && rule.route !== '/signout').flatMap((rule) =>
	Object.keys(rule.actions ?? {}).map((action) => ({ rule, action }))
);

test.describe('fuzz: every form action, random and malformed bodies', () => {
	test.describe.configure({ timeout: 360_000 });
	let server: ChildProcess;
	const sessions = new Map<Actor, APIRequestContext>();
	let ids: Ids;

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		server = spawn(process.execPath, ['scripts/demo.js'], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: {
				...process.env,
				PORT: String(PORT),
				DATABASE_PATH: `data/fuzz-${PORT}.db`,
				ORIGIN: BASE,
				SMTP_URL: '',
				DUTY_MANAGER_EMAIL: 'duty.manager@northfield.example'
			}
		});
		for (let i = 0; ; i++) {
			const up = await fetch(BASE).then(
				(r) => r.ok,
				() => false
			);
			if (up) break;
			if (i > 120) throw new Error('the fuzz server did not start');
			await new Promise((done) => setTimeout(done, 500));
		}
		for (const actor of actors) sessions.set(actor, await session(BASE, actor));
		ids = await demoIds(BASE, sessions.get('manager')!);
	});

	test.afterAll(() => {
		server?.kill('SIGTERM');
	});

	test(`no 5xx from ${actions.length} actions × ${actors.length} roles (seed ${SEED})`, async () => {
		const r = generator(SEED);
		const failures: string[] = [];
		let sent = 0;
		// Each role sends at once (its own session); a role refused there gets one body, a role the
		// action serves gets BODIES, since its body is what is read.
		for (const { rule, action } of actions) {
			const cases = actors.flatMap((actor) =>
				(['own', 'other'] as const).map((which) => {
					const refusal = rule.actions?.[action]?.[actor];
					const refused =
						refusal !== undefined && (typeof refusal === 'string' ? refusal : refusal[which]) !== 'ok';
					const path = rule.path(ids, which) + (action === 'default' ? '' : `?/${action}`);
					return { actor, path, bodies: Array.from({ length: refused ? 1 : BODIES }, () => randomBody(r)) };
				})
			);
			await Promise.all(
				cases.map(async ({ actor, path, bodies }) => {
					for (const body of bodies) {
						const send = () =>
							sessions.get(actor)!.post(path, {
								headers: { origin: BASE, ...body.headers },
								data: body.data,
								maxRedirects: 0
							});
						// A kept-alive connection the server closed as it was reused is tried again, up to three
						// times: on a busy machine (CI, two workers) the pool can hand out several stale sockets in a
						// row. A reset on every try still fails the test.
						const response = await retryReset(send);
						sent++;
						if (response.status() >= 500)
							failures.push(`${response.status()} ${actor} POST ${path}: ${body.name}`);
					}
				})
			);
		}
		console.log(`fuzz: ${sent} requests, seed ${SEED}`);
		expect(failures).toEqual([]);
		// And the server is still up.
		expect((await fetch(BASE)).status).toBe(200);
	});
});
