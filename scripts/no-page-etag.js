// A Vite plugin for the server build (vite.config.ts). Every page is sent `Cache-Control: no-store`
// (src/lib/server/hooks/headers.ts), so no browser ever asks again with the ETag SvelteKit puts on each
// page, and compression (scripts/compression.js) changes the bytes it would describe. Making it costs a hash of the
// whole page, one character at a time: 1 ms of a 78 KB caseload page once any character is outside
// Latin-1 (a curly apostrophe is enough), 0.4 ms of a 45 KB thread (issue 14). The build leaves it out,
// and fails if SvelteKit's code for it has changed, so the saving cannot quietly stop or break a page.
const RENDER = '/@sveltejs/kit/src/runtime/server/page/render.js';
const ETAG = /\n\tif \(!chunks\) \{\n\t\theaders\.set\('etag', `"\$\{hash\(transformed\)\}"`\);\n\t\}\n/;

/** @returns {import('vite').Plugin} */
export function noPageEtag() {
	return {
		name: 'voicebox:no-page-etag',
		/** @param {string} code @param {string} id */
		transform(code, id) {
			if (!id.replaceAll('\\', '/').endsWith(RENDER)) return null;
			if (!ETAG.test(code))
				this.error(`${RENDER}: SvelteKit's page ETag code has changed; update ${import.meta.url}`);
			return { code: code.replace(ETAG, '\n'), map: null };
		}
	};
}
