// The one start-up warning about a reverse proxy (scripts/start.js): a request came with forwarding
// headers, but the server was not told to trust them, so every visitor behind the proxy would share
// the proxy's address (and the sign-in throttle's per-address limits). See the README, "Behind a
// reverse proxy".

/**
 * What to warn, once, for a request with these headers under this environment; null if nothing.
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {Record<string, string | undefined>} env
 */
export function forwardingWarning(headers, env) {
	if (env.ADDRESS_HEADER) return null;
	const forwarded = ['x-forwarded-for', 'forwarded', 'x-real-ip'].filter((name) => headers[name]);
	if (!forwarded.length) return null;
	return (
		`Voicebox warning: a request arrived with ${forwarded.join(', ')} but ADDRESS_HEADER is not set, ` +
		'so every visitor behind your proxy shares one address for sign-in throttling. Behind a trusted ' +
		'reverse proxy set ADDRESS_HEADER=x-forwarded-for (and XFF_DEPTH, the number of trusted proxies): see the README, "Behind a reverse proxy".'
	);
}
