import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { noPageEtag } from './scripts/no-page-etag.js';

export default defineConfig({
	// No ETag on pages, which are never cached (scripts/no-page-etag.js).
	plugins: [sveltekit(), noPageEtag()],
	// Fonts and images as files, never data: URIs, so the CSP can stay strict.
	build: {
		assetsInlineLimit: 0,
		rollupOptions: {
			output: {
				// One file per language with all its namespaces (i18n/messages.ts): a browser fetches
				// its reader's language in one request and keeps it.
				manualChunks: (id) => /\/locales\/([\w-]+)\/[\w-]+\.json$/.exec(id)?.[1].replace(/^/, 'locale-')
			}
		}
	},
	test: {
		include: ['tests/unit/**/*.test.ts'],
		setupFiles: ['tests/unit/support/setup.ts'],
		environment: 'node'
	}
});
