import type { Handle } from '@sveltejs/kit';

/** Security headers on every response (CSP itself comes from svelte.config.js). */
export const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	// same-origin, not no-referrer: with no-referrer, browsers send "Origin: null" on form posts
	// and SvelteKit's CSRF check would refuse every form sent without JavaScript.
	h.set('Referrer-Policy', 'same-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'geolocation=(), camera=(), microphone=()');
	if (event.url.protocol === 'https:') {
		h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	if (!event.url.pathname.startsWith('/_app/') && !h.has('Cache-Control')) {
		h.set('Cache-Control', 'no-store');
	}
	return response;
};
