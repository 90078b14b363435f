import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { acceptedEncoding, handleCompression } from '../../src/lib/server/hooks/compression';

const PAGE = `<!doctype html><html><body>${'<p>What is going well at home and at school?</p>'.repeat(400)}</body></html>`;

async function answer(acceptEncoding: string | null, response: Response): Promise<Response> {
	const headers = new Headers(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding });
	const event = { request: new Request('http://localhost/me', { headers }) } as RequestEvent;
	return handleCompression({ event, resolve: async () => response });
}

function html(body = PAGE, headers: Record<string, string> = {}) {
	return new Response(body, { headers: { 'content-type': 'text/html', ...headers } });
}

describe('which encoding a browser gets', () => {
	it('brotli when the browser takes it, else gzip, else none', () => {
		expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(acceptedEncoding('gzip, deflate')).toBe('gzip');
		expect(acceptedEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
		expect(acceptedEncoding('identity')).toBeNull();
		expect(acceptedEncoding('')).toBeNull();
		expect(acceptedEncoding(null)).toBeNull();
		expect(acceptedEncoding('*')).toBe('br');
		expect(acceptedEncoding('*, br;q=0')).toBe('gzip');
		expect(acceptedEncoding('GZIP;Q=1')).toBe('gzip');
	});
});

describe('pages are compressed as the browser asks', () => {
	it('a page in brotli reads back the same, smaller, with its length', async () => {
		const response = await answer('gzip, deflate, br', html());
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toContain('Accept-Encoding');
		const sent = Buffer.from(await response.arrayBuffer());
		expect(Number(response.headers.get('content-length'))).toBe(sent.length);
		expect(sent.length).toBeLessThan(PAGE.length / 10);
		expect(brotliDecompressSync(sent).toString()).toBe(PAGE);
	});

	it('gzip for a browser without brotli', async () => {
		const response = await answer('gzip', html());
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(PAGE);
	});

	it('as it is for a browser that asks for nothing, or for a small answer', async () => {
		for (const [accept, body] of [
			[null, PAGE],
			['br', '<p>short</p>']
		] as const) {
			const response = await answer(accept, html(body));
			expect(response.headers.get('content-encoding')).toBeNull();
			expect(response.headers.get('vary')).toContain('Accept-Encoding');
			expect(await response.text()).toBe(body);
		}
	});

	it('keeps the status and every header, each cookie too', async () => {
		const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', 'x-kept': 'yes' });
		headers.append('set-cookie', 'a=1; Path=/');
		headers.append('set-cookie', 'b=2; Path=/');
		const response = await answer('br', new Response(PAGE, { status: 400, headers }));
		expect(response.status).toBe(400);
		expect(response.headers.get('x-kept')).toBe('yes');
		expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
	});

	it('leaves alone what is not text, what is already encoded and what has no body', async () => {
		const photo = new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/jpeg' } });
		expect(await answer('br', photo)).toBe(photo);
		const encoded = html(PAGE, { 'content-encoding': 'gzip' });
		expect(await answer('br', encoded)).toBe(encoded);
		const redirect = new Response(null, { status: 303, headers: { location: '/me' } });
		expect(await answer('br', redirect)).toBe(redirect);
	});

	it('compresses downloads that are text (a CSV) as well', async () => {
		const csv = new Response('child,scale\n'.repeat(500), { headers: { 'content-type': 'text/csv' } });
		expect((await answer('br', csv)).headers.get('content-encoding')).toBe('br');
	});
});
