import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ACCESS_MATRIX } from '../access-matrix';

const ROUTES = join(import.meta.dirname, '../../src/routes');

/** Every page route (a +page.svelte or +page.server.ts) with its form actions, groups removed. */
function discover(dir = ROUTES): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) {
			for (const [route, actions] of discover(full)) found.set(route, actions);
			continue;
		}
		if (!/^\+(page\.svelte|page\.server\.ts|server\.ts)$/.test(name)) continue;
		const route =
			'/' +
			relative(ROUTES, dir)
				.split('/')
				.filter((part) => part && !/^\(.*\)$/.test(part))
				.join('/');
		const actions = found.get(route) ?? [];
		if (name === '+page.server.ts') {
			const source = readFileSync(full, 'utf8');
			const block = source.match(/export const actions[^=]*=\s*{([\s\S]*)};?\s*$/)?.[1] ?? '';
			for (const m of block.matchAll(/^\t(\w+):/gm)) actions.push(m[1]);
		}
		if (name === '+server.ts') {
			const methods = [...readFileSync(full, 'utf8').matchAll(/export const (POST|PUT|PATCH|DELETE)\b/g)];
			for (const m of methods) actions.push(m[1]);
		}
		found.set(route, actions);
	}
	return found;
}

describe('access matrix', () => {
	const routes = discover();

	it('finds the routes on disk', () => {
		expect(routes.size).toBeGreaterThan(15);
	});

	it.each([...routes.keys()])('has a rule for %s and each of its form actions', (route) => {
		const rule = ACCESS_MATRIX.find((r) => r.route === route);
		expect(rule, `add ${route} to tests/access-matrix.ts`).toBeDefined();
		const declared = Object.keys(rule?.actions ?? {}).sort();
		expect(declared, `form actions of ${route}`).toEqual([...new Set(routes.get(route))].sort());
	});

	it('has no rule for a route that no longer exists', () => {
		for (const rule of ACCESS_MATRIX) expect(routes.has(rule.route), rule.route).toBe(true);
	});
});
