// Pages and endpoints compressed as the browser asks (brotli, else gzip), once the whole answer is
// written, in one synchronous call at the fastest setting (issue 14). Done here, on the Node response
// the adapter writes to, rather than in a SvelteKit hook: a hook must read the page back out of its
// Response and build another, which cost as much again as compressing. Static files are compressed
// once, at build (svelte.config.js: precompress), and arrive here already encoded.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @typedef {'br' | 'gzip'} Encoding */

/** Below this many bytes compressing costs more than it saves. */
const SMALLEST = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/**
 * Brotli if the browser takes it, else gzip, else nothing (an encoding given q=0 is refused).
 * @param {string | null | undefined} header the request's Accept-Encoding
 * @returns {Encoding | null}
 */
export function acceptedEncoding(header) {
	/** @type {Map<string, number>} */
	const quality = new Map();
	for (const part of (header ?? '').split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		quality.set(name, q ? Number(q.slice(2)) || 0 : 1);
	}
	const accepts = (/** @type {Encoding} */ name) => (quality.get(name) ?? quality.get('*') ?? 0) > 0;
	return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

/**
 * @param {Buffer} body
 * @param {Encoding} encoding
 */
function compress(body, encoding) {
	return encoding === 'br'
		? brotliCompressSync(body, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: 1,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
				}
			})
		: gzipSync(body, { level: 1 });
}

/**
 * A piece of the body as bytes: a string in its encoding (UTF-8 unless given), or the same bytes
 * (not copied: Buffer.concat copies them once, at the end).
 * @param {string | Uint8Array} chunk
 * @param {unknown} encoding
 */
function asBuffer(chunk, encoding) {
	if (typeof chunk !== 'string') return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
	return Buffer.from(chunk, typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8');
}

/** Answers that never have a body. */
const BODILESS = new Set([204, 304]);

/**
 * Makes `res` hold back a compressible answer until it ends, then send it whole: compressed as the
 * browser asks, with its length. What is not text, already encoded (precompressed static files),
 * bodiless or asked for with HEAD passes straight through, as does a head written with its headers
 * in the call (the static file server's).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function compressWhenDone(req, res) {
	// Node's overloads (write and end take an encoding, a callback, both or neither) do not type a
	// replacement: the replacements take any.
	const patched = /** @type {any} */ (res);
	const { writeHead, write, end } = patched;
	/** @type {Buffer[] | null} The body held back, once writeHead chose to compress; null: passing through. */
	let chunks = null;
	let status = 200;
	patched.writeHead = function (/** @type {number} */ code, /** @type {unknown[]} */ ...rest) {
		const type = String(res.getHeader('content-type') ?? '');
		const through =
			req.method === 'HEAD' ||
			rest.length > 0 ||
			BODILESS.has(code) ||
			!COMPRESSIBLE.test(type) ||
			res.hasHeader('content-encoding');
		if (through) return writeHead.call(res, code, ...rest);
		const vary = res.getHeader('vary');
		res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
		status = code;
		chunks = [];
		return res;
	};
	patched.write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ done) {
		if (!chunks) return write.call(res, chunk, encoding, done);
		chunks.push(asBuffer(chunk, encoding));
		const callback = typeof encoding === 'function' ? encoding : done;
		if (callback) process.nextTick(callback);
		return true;
	};
	patched.end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ done) {
		if (!chunks) return end.call(res, chunk, encoding, done);
		if (typeof chunk === 'function') [chunk, done] = [undefined, chunk];
		if (typeof encoding === 'function') [encoding, done] = [undefined, encoding];
		if (chunk) chunks.push(asBuffer(chunk, encoding));
		const body = Buffer.concat(chunks);
		chunks = null;
		const chosen = body.byteLength < SMALLEST ? null : acceptedEncoding(req.headers['accept-encoding']);
		const sent = chosen ? compress(body, chosen) : body;
		if (chosen) res.setHeader('Content-Encoding', chosen);
		res.setHeader('Content-Length', sent.byteLength);
		writeHead.call(res, status);
		return end.call(res, sent, done);
	};
}
