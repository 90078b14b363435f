import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { newIro } from './support/people';
import { users } from '$lib/server/db/schema';
import { translator } from '$lib/server/i18n';

/** Speed without changing answers (issue 14): kept statements and kept plain strings read as new ones. */
describe('statements kept between queries', () => {
	const client = () => db().$client;

	it('hands back the same statement for the same SQL, in its plain mode after drizzle used raw mode', () => {
		const first = client().prepare('select 1 as one');
		expect(first.raw().get()).toEqual([1]);
		const again = client().prepare('select 1 as one');
		expect(again).toBe(first);
		expect(again.get()).toEqual({ one: 1 });
		expect(client().prepare('select 1 as one').pluck().get()).toBe(1);
		expect(client().prepare('select 1 as one').get()).toEqual({ one: 1 });
	});

	it('a drizzle query and a plain one over the same SQL both read rows as they are now', async () => {
		const byUsername = (name: string) =>
			db().select({ name: users.displayName }).from(users).where(eq(users.username, name)).get();
		expect(byUsername('nobody-here')).toBeUndefined();
		await newIro('kept', 'Kept');
		expect(byUsername('kept')).toEqual({ name: 'Kept' });
		expect(db().all(sql`select display_name as name from users where username = ${'kept'}`)).toEqual([
			{ name: 'Kept' }
		]);
	});

	it('gives a statement still being iterated a fresh twin rather than failing', () => {
		const rows = client().prepare('select value from json_each(?)');
		const seen: number[] = [];
		for (const row of rows.iterate('[1,2]') as Iterable<{ value: number }>) {
			seen.push(
				row.value,
				(client().prepare('select value from json_each(?)').get('[7]') as { value: number }).value
			);
		}
		expect(seen).toEqual([1, 7, 2, 7]);
	});
});

describe('strings kept between pages', () => {
	it('a string with nothing put into it reads the same each time, and one with values is made afresh', () => {
		const t = translator('en');
		expect(t('common:skipToContent')).toBe(t('common:skipToContent'));
		expect(t('common:timeout.body', { count: 1 })).toContain('1 minute');
		expect(t('common:timeout.body', { count: 2 })).toContain('2 minutes');
	});

	it('keeps each address context apart: a girl and a boy each get their own words from the same key', () => {
		const female = translator('ar', 'female');
		const male = translator('ar', 'male');
		expect(female('child:home.lead')).toContain('مساحتكِ');
		expect(male('child:home.lead')).not.toContain('مساحتكِ');
		expect(female('child:home.lead')).toContain('مساحتكِ');
	});
});
