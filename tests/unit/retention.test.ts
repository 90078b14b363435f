import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { periodOf, RETENTION, retentionPeriods, type RetainedRecord } from '../../src/lib/domain/retention';
import { RETENTION as HOUSEKEEPING } from '../../src/lib/server/housekeeping';
import { translator } from '../../src/lib/server/i18n';

/**
 * What the privacy notices and the README say about how long things are kept is what the
 * housekeeping does: one set of constants, and no number written into a translation.
 */
const ROOT = join(import.meta.dirname, '../..');
const UNIT_MS = { day: 24 * 60 * 60_000, hour: 60 * 60_000, minute: 60_000 } as const;

/** The README's retention table, row by row: the record and the period its "Deleted" column states. */
function readmeTable(): Map<RetainedRecord, { count: number; unit: string }> {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('### What is kept, and for how long'));
	const rows: Record<string, RetainedRecord> = {
		sessions: 'sessions',
		'failed sign-in and invite-code attempts': 'attempts',
		'invite and password-reset codes': 'invites',
		'emails in the outbox': 'sentEmails',
		'double-submit tokens': 'submissions'
	};
	const found = new Map<RetainedRecord, { count: number; unit: string }>();
	for (const line of section.split('\n')) {
		const cells = line.split('|').map((c) => c.trim());
		const record = rows[cells[1]];
		const period = cells[2]?.match(/^(\d+) (day|hour|minute)s? after/);
		if (record && period) found.set(record, { count: Number(period[1]), unit: period[2] });
	}
	return found;
}

describe('retention', () => {
	it('is what the housekeeping deletes by', () => {
		expect(HOUSEKEEPING).toBe(RETENTION);
	});

	it('states each period in whole days or hours that add up to the constant', () => {
		const periods = retentionPeriods();
		expect(periods.map((p) => p.record)).toEqual([
			'sessions',
			'attempts',
			'invites',
			'sentEmails',
			'submissions'
		]);
		const ms = {
			sessions: 'sessionsMs',
			attempts: 'attemptsMs',
			invites: 'invitesMs',
			sentEmails: 'sentEmailsMs',
			submissions: 'submissionsMs'
		} as const;
		for (const { record, period } of periods)
			expect([record, period.count * UNIT_MS[period.unit]]).toEqual([record, RETENTION[ms[record]]]);
		expect(periodOf(90 * UNIT_MS.day)).toEqual({ count: 90, unit: 'day' });
		expect(periodOf(UNIT_MS.hour)).toEqual({ count: 1, unit: 'hour' });
		expect(periodOf(90 * 60_000)).toEqual({ count: 90, unit: 'minute' });
	});

	it("says in the README's table what the housekeeping does, row by row", () => {
		const table = readmeTable();
		expect([...table.keys()].sort()).toEqual(
			retentionPeriods()
				.map((p) => p.record)
				.sort()
		);
		for (const { record, period } of retentionPeriods())
			expect([record, table.get(record)]).toEqual([record, { count: period.count, unit: period.unit }]);
	});

	it('states in the English notice the same period as the README, for every record', () => {
		const t = translator('en');
		const table = readmeTable();
		for (const { record, period } of retentionPeriods()) {
			const sentence = t(`notice:kept.${record}`, {
				period: t(`notice:period.${period.unit}`, { count: period.count })
			});
			const readme = table.get(record)!;
			const words = `${readme.count} ${readme.unit}${readme.count === 1 ? '' : 's'}`;
			expect(sentence, record).toContain(words);
		}
	});

	it('writes no number into a retention sentence in any language: each comes from the constants', () => {
		for (const lng of readdirSync(join(ROOT, 'locales'))) {
			const notice = JSON.parse(readFileSync(join(ROOT, 'locales', lng, 'notice.json'), 'utf8'));
			for (const [key, text] of Object.entries<string>(notice.kept)) {
				expect([lng, key, /\d/.test(text)]).toEqual([lng, key, false]);
				expect([lng, key, text.includes('{{period}}')]).toEqual([lng, key, true]);
			}
			for (const [key, text] of Object.entries<string>(notice.period))
				expect([lng, key, /\d/.test(text.replace('{{count}}', ''))]).toEqual([lng, key, false]);
			expect(Object.keys(notice.kept).sort(), lng).toEqual(
				retentionPeriods()
					.map((p) => p.record)
					.sort()
			);
		}
	});
});
