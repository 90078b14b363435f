import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { setResponse } from '@sveltejs/kit/node';
import { acceptedEncoding, compressWhenDone } from '../../scripts/compression.js';

const PAGE = `<!doctype html><html><body>${'<p>What is going well at home and at school?</p>'.repeat(400)}</body></html>`;

/** What the server answers at each path, written to Node's response as the adapter writes a page. */
const answers = new Map<string, () => Response>();
let server: http.Server;

beforeAll(async () => {
	server = http.createServer((req, res) => {
		compressWhenDone(req, res);
		void setResponse(res, answers.get(req.url ?? '')!());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Sent {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

/** Asks for `answer` as a browser sending `acceptEncoding` would: the bytes as they came. */
function ask(answer: () => Response, acceptEncoding: string | null, method = 'GET'): Promise<Sent> {
	const path = `/${answers.size}`;
	answers.set(path, answer);
	const { port } = server.address() as AddressInfo;
	const headers = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
	return new Promise((resolve, reject) => {
		const req = http.request({ port, host: '127.0.0.1', path, method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })
			);
		});
		req.on('error', reject);
		req.end();
	});
}

function html(body = PAGE, headers: Record<string, string> = {}) {
	return () => new Response(body, { headers: { 'content-type': 'text/html', ...headers } });
}

describe('which encoding a browser gets', () => {
	it('brotli when the browser takes it, else gzip, else none', () => {
		expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(acceptedEncoding('gzip, deflate')).toBe('gzip');
		expect(acceptedEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
		expect(acceptedEncoding('identity')).toBeNull();
		expect(acceptedEncoding('')).toBeNull();
		expect(acceptedEncoding(null)).toBeNull();
		expect(acceptedEncoding(undefined)).toBeNull();
		expect(acceptedEncoding('*')).toBe('br');
		expect(acceptedEncoding('*, br;q=0')).toBe('gzip');
		expect(acceptedEncoding('GZIP;Q=1')).toBe('gzip');
	});
});

describe('pages are compressed as the browser asks', () => {
	it('a page in brotli reads back the same, smaller, with its length', async () => {
		const sent = await ask(html(), 'gzip, deflate, br');
		expect(sent.headers['content-encoding']).toBe('br');
		expect(sent.headers['vary']).toContain('Accept-Encoding');
		expect(Number(sent.headers['content-length'])).toBe(sent.body.length);
		expect(sent.body.length).toBeLessThan(PAGE.length / 10);
		expect(brotliDecompressSync(sent.body).toString()).toBe(PAGE);
	});

	it('gzip for a browser without brotli', async () => {
		const sent = await ask(html(), 'gzip');
		expect(sent.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(sent.body).toString()).toBe(PAGE);
	});

	it('a page written in several pieces arrives whole', async () => {
		const pieces = [PAGE.slice(0, 1000), PAGE.slice(1000, 5000), PAGE.slice(5000)];
		const stream = () =>
			new Response(
				new ReadableStream({
					start(controller) {
						for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
						controller.close();
					}
				}),
				{ headers: { 'content-type': 'text/html' } }
			);
		const sent = await ask(stream, 'br');
		expect(brotliDecompressSync(sent.body).toString()).toBe(PAGE);
	});

	it('as it is, with its length, for a browser that asks for nothing, or for a small answer', async () => {
		for (const [accept, body] of [
			[null, PAGE],
			['br', '<p>short</p>']
		] as const) {
			const sent = await ask(html(body), accept);
			expect(sent.headers['content-encoding']).toBeUndefined();
			expect(sent.headers['vary']).toContain('Accept-Encoding');
			expect(Number(sent.headers['content-length'])).toBe(Buffer.byteLength(body));
			expect(sent.body.toString()).toBe(body);
		}
	});

	it('keeps the status and every header, each cookie too', async () => {
		const answer = () => {
			const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', 'x-kept': 'yes' });
			headers.append('set-cookie', 'a=1; Path=/');
			headers.append('set-cookie', 'b=2; Path=/');
			return new Response(PAGE, { status: 400, headers });
		};
		const sent = await ask(answer, 'br');
		expect(sent.status).toBe(400);
		expect(sent.headers['x-kept']).toBe('yes');
		expect(sent.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		expect(brotliDecompressSync(sent.body).toString()).toBe(PAGE);
	});

	it('leaves alone what is not text, what is already encoded and what has no body', async () => {
		const photo = await ask(
			() => new Response(new Uint8Array(4096).fill(7), { headers: { 'content-type': 'image/jpeg' } }),
			'br'
		);
		expect(photo.headers['content-encoding']).toBeUndefined();
		expect(photo.body).toEqual(Buffer.alloc(4096, 7));
		const encoded = await ask(html(PAGE, { 'content-encoding': 'gzip' }), 'br');
		expect(encoded.headers['content-encoding']).toBe('gzip');
		expect(encoded.body.toString()).toBe(PAGE);
		const redirect = await ask(() => new Response(null, { status: 303, headers: { location: '/me' } }), 'br');
		expect(redirect.status).toBe(303);
		expect(redirect.headers['location']).toBe('/me');
		const head = await ask(html(), 'br', 'HEAD');
		expect(head.headers['content-encoding']).toBeUndefined();
		expect(head.body.length).toBe(0);
	});

	it('compresses downloads that are text (a CSV) as well', async () => {
		const csv = () => new Response('child,scale\n'.repeat(500), { headers: { 'content-type': 'text/csv' } });
		expect((await ask(csv, 'br')).headers['content-encoding']).toBe('br');
	});
});
