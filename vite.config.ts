import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Fonts and images as files, never data: URIs, so the CSP can stay strict.
	build: { assetsInlineLimit: 0 },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		setupFiles: ['tests/unit/support/setup.ts'],
		environment: 'node'
	}
});
