import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'drizzle/',
			'data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// The layers hold without anyone checking by hand (docs/architecture.md, "Rules that hold").
	{
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'drizzle-orm', message: 'SQL lives in $lib/server/<feature>.ts, not in routes.' }],
					patterns: [
						{ group: ['drizzle-orm/*'], message: 'SQL lives in $lib/server/<feature>.ts, not in routes.' },
						{
							group: ['$lib/server/db', '$lib/server/db/*'],
							message: 'Routes call a feature module in $lib/server, never the database.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(?!\\./|\\$lib/domain/)',
							message:
								'domain/ is pure: it imports only from domain/ (no SvelteKit, no database, no packages).'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/components/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['$lib/server', '$lib/server/*'], message: 'Components never import server code.' }
					]
				}
			]
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Links are plain hrefs to our own routes; resolve() adds nothing without a base path.
			'svelte/no-navigation-without-resolve': 'off'
		}
	}
);
