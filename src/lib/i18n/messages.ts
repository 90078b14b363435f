import type { ResourceLanguage } from 'i18next';
import type { Locale } from './locales';
import { keptPerLanguage } from './kept-per-language';

/**
 * The pages' strings, one language at a time. Each language is its own file in the build (vite.config.ts
 * groups a language's namespaces into one chunk), so a page's HTML carries none of them: the browser
 * fetches its reader's language once, as an immutable file it keeps, and the server reads the same
 * modules. Server code that needs a language synchronously (emails, documents) uses `server/i18n.ts`.
 */
const files = import.meta.glob<ResourceLanguage[string]>('/locales/*/*.json', { import: 'default' });

async function load(lng: Locale): Promise<ResourceLanguage> {
	const prefix = `/locales/${lng}/`;
	const namespaces = await Promise.all(
		Object.entries(files)
			.filter(([path]) => path.startsWith(prefix))
			.map(async ([path, file]) => [path.slice(prefix.length, -'.json'.length), await file()] as const)
	);
	return Object.fromEntries(namespaces);
}

/** A language's strings by namespace, loaded on first use and then kept. */
export const messagesOf = keptPerLanguage(load);
