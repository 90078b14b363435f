// Production entry point: the adapter-node handler in a small server of our own, with defaults for a
// council's single machine. The security headers go on every response, static files and photos
// included (pages add their own: the CSP from svelte.config.js, and no-store in
// src/lib/server/hooks/headers.ts; pages and endpoints are compressed here, as they are written:
// scripts/compression.js).
// BODY_SIZE_LIMIT is raised so that very long answers get a friendly "too long" message, not a 413.
// Behind a reverse proxy that was not declared (ADDRESS_HEADER), the first forwarded request logs one
// warning (scripts/proxy-warning.js).
import http from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { forwardingWarning } from './proxy-warning.js';
import { compressWhenDone } from './compression.js';

process.env.BODY_SIZE_LIMIT ??= '4M';
process.env.PORT ??= '3000';
const port = Number(process.env.PORT);
const host = process.env.HOST || '0.0.0.0';

const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	// same-origin, not no-referrer: with no-referrer, browsers send "Origin: null" on form posts and
	// SvelteKit's CSRF check would refuse every form sent without JavaScript.
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
	// The microphone for this site only: a child may answer by voice (issue 13).
	'Permissions-Policy': 'geolocation=(), camera=(), microphone=(self)'
};

const { handler } = await import(pathToFileURL(resolve(process.env.BUILD_DIR || 'build', 'handler.js')).href);

let warnedAboutProxy = false;

// `npm run bench` only (BENCH_EVENT_LOOP=1): how long the event loop was blocked, read and reset at
// GET /__bench/event-loop. Never set in production: without it the path is an ordinary 404.
const loop = process.env.BENCH_EVENT_LOOP === '1' ? monitorEventLoopDelay({ resolution: 10 }) : null;
loop?.enable();
function eventLoopReport(res) {
	const body = JSON.stringify({ maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6 });
	loop.reset();
	res.writeHead(200, { 'content-type': 'application/json' }).end(body);
}

const server = http.createServer((req, res) => {
	if (!warnedAboutProxy) {
		const warning = forwardingWarning(req.headers, process.env);
		if (warning) {
			console.warn(warning);
			warnedAboutProxy = true;
		}
	}
	if (loop && req.url === '/__bench/event-loop') return eventLoopReport(res);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	compressWhenDone(req, res);
	handler(req, res);
});
server.listen(port, host, () =>
	console.log(`Voicebox is starting on ${process.env.ORIGIN || `http://localhost:${port}`}`)
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
