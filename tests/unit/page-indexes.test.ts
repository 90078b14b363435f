import { describe, expect, it } from 'vitest';

/**
 * Issue 14: reads every page of a kind makes are answered from an index that matches the question, so
 * they stay the same size however long the service has run: the IRO's unread count in the header
 * (every IRO page) reads two indexes and no rows, and a pack's "who read this" and "who read what was
 * private" lists read only entries of their own kind, newest first, never every reading of the pack.
 */
const { newChild, newIro, bookMeeting, DAY } = await import('./support/people');
const { db } = await import('../../src/lib/server/db');
const { recordPackRead, packReads } = await import('../../src/lib/server/audit');
const { privateReadsOf, recordPrivateRead } = await import('../../src/lib/server/privacy');
const { unreadCount } = await import('../../src/lib/server/messages');

const { planOf, recordPrepared } = await import('./support/statements');
const sqlite = () => db().$client;
const prepared = recordPrepared(sqlite());

/** SQLite's plan of the statement last prepared that matches `pattern`. */
function planOfLast(pattern: RegExp, ...params: unknown[]) {
	const sql = prepared.findLast((s) => pattern.test(s));
	expect(sql).toBeDefined();
	return planOf(sqlite(), sql!, ...params);
}

describe('reads every page makes, matched to an index', () => {
	it("counts an IRO's unread messages from two indexes, reading no child's or conversation's row", async () => {
		const iroId = await newIro('indexes-iro');
		newChild(iroId);
		expect(unreadCount({ id: iroId, role: 'iro' })).toBe(0);
		const plan = planOfLast(/sum\("conversations"\."unread_by_staff"\)/, iroId);
		expect(plan).toContain('USING COVERING INDEX children_iro_id_idx (iro_id=?)');
		expect(plan).toContain('USING COVERING INDEX conversations_child_unread_idx (child_id=?)');
	});

	it('reads who read a pack, and who read what was private, off entries of that kind alone', async () => {
		const iroId = await newIro('indexes-pack-iro');
		const meetingId = bookMeeting(newChild(iroId), 7);
		const now = Date.now();
		// A pack read every working day for years, and one reason given to read what was private.
		for (let i = 0; i < 600; i++) recordPackRead(iroId, meetingId, now - (600 - i) * DAY);
		recordPrivateRead(iroId, meetingId, 'safeguarding', 'Strategy meeting', now - 300 * DAY);
		expect(packReads(meetingId, 3).map((r) => r.at)).toEqual([now - DAY, now - 2 * DAY, now - 3 * DAY]);
		expect(privateReadsOf(meetingId).map((r) => [r.reason, r.note])).toEqual([
			['safeguarding', 'Strategy meeting']
		]);
		const plan = planOfLast(/from "audit_log".* "audit_log"\."action" = \?/, meetingId, 'private.read', 50);
		expect(plan).toContain('USING INDEX audit_subject_action_idx (subject_id=? AND action=?)');
		// Newest first straight off the index: no sort of the entries found.
		expect(plan).not.toContain('TEMP B-TREE');
	});
});
