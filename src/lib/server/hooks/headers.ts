import type { Handle } from '@sveltejs/kit';

/**
 * What only pages and endpoints need: HSTS over HTTPS, and no caching of anything but the app's own
 * files. The headers every response gets (static files too) are set by the server, scripts/start.js;
 * the CSP comes from svelte.config.js.
 */
export const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	if (event.url.protocol === 'https:') {
		h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	if (!event.url.pathname.startsWith('/_app/') && !h.has('Cache-Control')) {
		h.set('Cache-Control', 'no-store');
	}
	return response;
};
