import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';

/**
 * Subject access: one zip with a readable HTML document and a JSON file of everything held about a
 * child (or a carer), nothing about anyone else's child, every typed value escaped, and logged.
 */
delete process.env.SMTP_URL;

const { eq } = await import('drizzle-orm');
const { addCarer } = await import('../../src/lib/server/carers');
const { db, tables } = await import('../../src/lib/server/db');
const { newId } = await import('../../src/lib/server/ids');
const { sendMessage } = await import('../../src/lib/server/messages');
const { saveViews } = await import('../../src/lib/server/views');
const { auditOf } = await import('../../src/lib/server/audit');
const subject = await import('../../src/lib/server/subject-access');
const { newAccount, newIro, newChild, bookMeeting } = await import('./support/people');

const origin = 'https://voicebox.example';
let iroId: string, managerId: string, childUserId: string, carerUserId: string;
let childId: string, otherChildId: string, carerId: string, meetingId: string;

function open(zip: Uint8Array) {
	const files = unzipSync(zip);
	return {
		names: Object.keys(files).sort(),
		html: strFromU8(files['everything-held.html']),
		json: JSON.parse(strFromU8(files['everything-held.json']))
	};
}

beforeAll(async () => {
	iroId = await newIro('ira', 'Ira Iro');
	managerId = await newAccount('manager', 'mo', 'Mo');
	childUserId = await newAccount('child', 'kit', 'Kit');
	carerUserId = await newAccount('carer', 'cara', 'Cara');
	db().update(tables.users).set({ language: 'fr' }).where(eq(tables.users.id, childUserId)).run();
	childId = newChild(iroId, { fullName: 'Kit Lane' });
	otherChildId = newChild(iroId, { fullName: 'Other Child' });
	db().update(tables.children).set({ userId: childUserId }).where(eq(tables.children.id, childId)).run();
	carerId = addCarer(childId, { fullName: 'Cara Lane', relationship: 'Mum', email: '', phone: '' });
	db().update(tables.carers).set({ userId: carerUserId }).where(eq(tables.carers.id, carerId)).run();
	meetingId = bookMeeting(childId, 10);
	const now = Date.now();
	db()
		.insert(tables.consultations)
		.values({
			id: newId(),
			childId,
			meetingId,
			version: 'middle',
			age: 10,
			answers: JSON.stringify({
				happy: { value: 'Football with my brother', visibility: 'everyone', updatedAt: now }
			}),
			createdAt: now,
			updatedAt: now
		})
		.run();
	db()
		.insert(tables.meetingLetters)
		.values({
			id: newId(),
			meetingId,
			childId,
			words: JSON.stringify({ thanks: 'Thank you for the drawing' }),
			locale: 'fr',
			content: '{}',
			sentAt: now,
			createdAt: now,
			updatedAt: now
		})
		.run();
	const kit = { id: childUserId, role: 'child' as const };
	sendMessage({
		childId,
		carerId: null,
		author: kit,
		body: '<script>alert(1)</script> Can we talk?',
		origin
	});
	sendMessage({ childId, carerId: null, author: { id: iroId, role: 'iro' }, body: 'Yes, on Friday', origin });
	sendMessage({
		childId: otherChildId,
		carerId: null,
		author: { id: iroId, role: 'iro' },
		body: 'Secret of another',
		origin
	});
	sendMessage({
		childId,
		carerId,
		author: { id: carerUserId, role: 'carer' },
		body: 'From Cara to the IRO',
		origin
	});
	saveViews({
		meetingId,
		carerId,
		values: { goingWell: 'Sleeping well', worries: '', nextSteps: '', anythingElse: '', attending: null },
		send: true
	});
});

describe('a child’s subject access download', () => {
	it('holds an HTML document and JSON with their answers, messages both ways and letter, nothing of another child', () => {
		const made = subject.subjectAccessExport(managerId, childId, 'child')!;
		const { names, html, json } = open(made.zip);
		expect(names).toEqual(['everything-held.html', 'everything-held.json']);
		const text = JSON.stringify(json);
		expect(json.person.fullName).toBe('Kit Lane');
		// Whether they use the picture version is held on their record too.
		expect(json.person.pictureVersion).toBe(false);
		expect(html).toContain('<dt>Version avec images</dt><dd>La version avec images est désactivée.</dd>');
		expect(json.meetings[0].mySay).toEqual([
			{ question: 'happy', answer: 'Football with my brother', lang: null, onlyMyIro: false }
		]);
		expect(json.meetings[0].letter.words).toEqual({ thanks: 'Thank you for the drawing' });
		expect(json.meetings[0].carersViews[0]).toMatchObject({ carer: 'Cara Lane', goingWell: 'Sleeping well' });
		expect(json.messages.map((m: { body: string }) => m.body)).toEqual([
			'<script>alert(1)</script> Can we talk?',
			'Yes, on Friday'
		]);
		expect(text).not.toContain('Secret of another');
		expect(text).not.toContain('Other Child');
		// The carer's own conversation is theirs, not the child's.
		expect(text).not.toContain('From Cara to the IRO');
		expect(html).toContain('Football with my brother');
		expect(html).toContain('Yes, on Friday');
	});

	it('escapes whatever was typed, runs no script, and uses the child’s own language for the set words', () => {
		const { html } = open(subject.subjectAccessExport(managerId, childId, 'child')!.zip);
		expect(html).not.toContain('<script');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('<html lang="fr" dir="ltr">');
		expect(html).toContain('Tout ce que Voicebox conserve sur Kit');
		expect(html).toContain('Mon avis');
		expect(html).toContain("default-src 'none'");
	});

	it('is recorded in the child’s audit trail, and the audit entries about them are in it', () => {
		const before = auditOf(childId, 'subject_access.child').length;
		const { json } = open(subject.subjectAccessExport(managerId, childId, 'child')!.zip);
		expect(auditOf(childId, 'subject_access.child')).toHaveLength(before + 1);
		expect(json.audit.some((a: { action: string }) => a.action === 'subject_access.child')).toBe(true);
	});
});

describe('a carer’s subject access download', () => {
	it('holds their details, links, views and their own messages only', () => {
		const { json, html } = open(subject.subjectAccessExport(managerId, childId, { carerId })!.zip);
		expect(json.person).toMatchObject({
			fullName: 'Cara Lane',
			links: [{ child: 'Kit Lane', relationship: 'Mum' }]
		});
		expect(json.views[0]).toMatchObject({ goingWell: 'Sleeping well' });
		expect(json.messages.map((m: { body: string }) => m.body)).toEqual(['From Cara to the IRO']);
		expect(JSON.stringify(json)).not.toContain('Can we talk?');
		expect(html).toContain('Sleeping well');
		expect(auditOf(carerId, 'subject_access.carer')).toHaveLength(1);
	});
});
