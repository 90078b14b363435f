import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * "What is typed is never lost", against a real database file: while another connection (a backup,
 * a maintenance script, a second process) holds the write lock, every write of the app waits for it
 * and succeeds; if it still cannot get the database, the form comes back with what was typed; and
 * a double-clicked submit stores once.
 */
const dir = mkdtempSync(join(tmpdir(), 'voicebox-writes-'));
const file = join(dir, 'voicebox.db');
process.env.DATABASE_PATH = file;
vi.mock('$env/dynamic/private', () => ({ env: process.env }));

const { createUser } = await import('../../src/lib/server/accounts');
const { createChild } = await import('../../src/lib/server/children');
const { addCarer } = await import('../../src/lib/server/carers');
const { scheduleMeeting } = await import('../../src/lib/server/meetings');
const { sendMessage, findConversation, threadOf } = await import('../../src/lib/server/messages');
const { addAgendaItem, agendaFor } = await import('../../src/lib/server/agenda');
const say = await import('../../src/lib/server/consultation');
const { saveViews } = await import('../../src/lib/server/views');
const { storeOnce, submissionToken } = await import('../../src/lib/server/submissions');
const { keepTyped, isBusy } = await import('../../src/lib/server/forms');
const { db, tables } = await import('../../src/lib/server/db');
const { eq } = await import('drizzle-orm');

const origin = 'https://voicebox.example';
const DAY = 24 * 60 * 60_000;
let iro: { id: string; role: 'iro' };
let child: { id: string; role: 'child' };
let childId: string;
let carerId: string;
let meetingId: string;

/**
 * Another process opens the file, takes the write lock (BEGIN IMMEDIATE), holds it for `ms` and
 * commits. Resolves once the lock is held, with a promise for the end of that process.
 */
async function holdWriteLock(ms: number): Promise<{ done: Promise<void> }> {
	const script = `
		const Database = require('better-sqlite3');
		const db = new Database(process.argv[1]);
		db.exec('BEGIN IMMEDIATE');
		process.stdout.write('locked\\n');
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
		db.exec('COMMIT');
		db.close();
	`;
	const holder = spawn(process.execPath, ['-e', script, file, String(ms)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const done = new Promise<void>((resolve, reject) =>
		holder.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder: ${code}`))))
	);
	await new Promise<void>((resolve, reject) => {
		holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
		holder.on('error', reject);
		done.catch(reject);
	});
	return { done };
}

/** Runs a write while another connection holds the lock for 1 s; returns how long it waited. */
async function underLock<T>(run: () => T): Promise<{ result: T; waited: number }> {
	const lock = await holdWriteLock(1000);
	const start = Date.now();
	const result = run();
	const waited = Date.now() - start;
	await lock.done;
	return { result, waited };
}

function formOf(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	return form;
}

beforeAll(async () => {
	iro = {
		id: await createUser({ role: 'iro', username: 'iro', password: 'password one', displayName: 'Ira' }),
		role: 'iro'
	};
	childId = createChild({
		iroId: iro.id,
		fullName: 'Rowan Birch',
		preferredName: '',
		dateOfBirth: '2013-02-02',
		status: 'cared_for',
		startDate: '2026-01-05',
		languages: '',
		communicationNeeds: ''
	});
	child = {
		id: await createUser({
			role: 'child',
			username: 'rowan',
			password: 'password two',
			displayName: 'Rowan'
		}),
		role: 'child'
	};
	db().update(tables.children).set({ userId: child.id }).where(eq(tables.children.id, childId)).run();
	carerId = addCarer(childId, { fullName: 'Cass Birch', relationship: 'Mum', email: '', phone: '' });
	meetingId = scheduleMeeting({
		childId,
		kind: 'cla_review',
		startsAt: Date.now() + 20 * DAY,
		venue: 'School',
		mode: 'in_person'
	});
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('while another connection holds the write lock for 1 s', () => {
	it('a transaction that reads before it writes, started the old (deferred) way, fails at once', async () => {
		const lock = await holdWriteLock(1000);
		const start = Date.now();
		let error: unknown;
		try {
			db().transaction((tx) => {
				tx.select().from(tables.agendaItems).all();
				tx.insert(tables.agendaItems)
					.values({
						id: 'deferred-item',
						childId,
						meetingId,
						text: 'lost',
						raiser: 'me',
						visibility: 'iro',
						position: 0,
						createdAt: 0,
						updatedAt: 0
					})
					.run();
			});
		} catch (e) {
			error = e;
		}
		const waited = Date.now() - start;
		await lock.done;
		expect(isBusy(error)).toBe(true);
		expect(waited).toBeLessThan(500);
		expect(agendaFor(meetingId).some((i) => i.id === 'deferred-item')).toBe(false);
	});

	it('sending a message waits and is stored', async () => {
		const { waited } = await underLock(() =>
			sendMessage({ childId, carerId: null, author: child, body: 'Sent during a backup', origin })
		);
		expect(waited).toBeGreaterThan(700);
		const conversation = findConversation(childId, null)!;
		expect(threadOf(conversation.id).map((m) => m.body)).toContain('Sent during a backup');
	});

	it('adding an agenda item waits and is stored', async () => {
		const { result, waited } = await underLock(() =>
			addAgendaItem({ childId, meetingId, text: 'Seeing my brother', raiser: 'me', visibility: 'iro' })
		);
		expect(waited).toBeGreaterThan(700);
		expect(result.ok).toBe(true);
		expect(agendaFor(meetingId).map((i) => i.text)).toContain('Seeing my brother');
	});

	it('saving and sending My say answers wait and are stored', async () => {
		const state = say.sayFor({ id: childId, dateOfBirth: '2013-02-02' })!;
		const saved = await underLock(() =>
			say.saveAnswers(state, [{ id: 'good', value: 'football', visibility: 'everyone' }], Date.now())
		);
		expect(saved.waited).toBeGreaterThan(700);
		const sent = await underLock(() => say.sendConsultation(meetingId));
		expect(sent.waited).toBeGreaterThan(700);
		expect(sent.result).toBe(true);
		const stored = say.findConsultation(meetingId)!;
		expect(stored.answers.good.value).toBe('football');
		expect(stored.sentAnswers?.good.value).toBe('football');
	});

	it("a carer's views, a new child, a carer and a meeting wait and are stored", async () => {
		const views = await underLock(() =>
			saveViews({
				meetingId,
				carerId,
				values: { goingWell: 'School', worries: '', nextSteps: '', anythingElse: '', attending: null },
				send: true
			})
		);
		expect(views.waited).toBeGreaterThan(700);
		expect(views.result.sentAt).not.toBeNull();

		const newChild = await underLock(() =>
			createChild({
				iroId: iro.id,
				fullName: 'Ada Lock',
				preferredName: '',
				dateOfBirth: '2015-05-05',
				status: 'cared_for',
				startDate: '2026-02-02',
				languages: '',
				communicationNeeds: ''
			})
		);
		expect(newChild.waited).toBeGreaterThan(700);
		const carer = await underLock(() =>
			addCarer(newChild.result, { fullName: 'Ben Lock', relationship: 'Dad', email: '', phone: '' })
		);
		expect(carer.waited).toBeGreaterThan(700);
		const meeting = await underLock(() =>
			scheduleMeeting({
				childId: newChild.result,
				kind: 'cla_review',
				startsAt: Date.now() + 10 * DAY,
				venue: 'Home',
				mode: 'in_person'
			})
		);
		expect(meeting.waited).toBeGreaterThan(700);
		expect(
			db().select().from(tables.children).where(eq(tables.children.id, newChild.result)).get()
		).toBeTruthy();
		expect(db().select().from(tables.carers).where(eq(tables.carers.id, carer.result)).get()).toBeTruthy();
		expect(
			db().select().from(tables.meetings).where(eq(tables.meetings.id, meeting.result)).get()
		).toBeTruthy();
	}, 20_000);
});

describe('a write that still cannot get the database', () => {
	const send = keepTyped('body', async ({ request }: { request: Request }) => {
		const form = await request.formData();
		sendMessage({ childId, carerId: null, author: child, body: String(form.get('body')), origin });
		return { sent: true };
	});
	const post = (fields: Record<string, string>) =>
		new Request('https://voicebox.example/me/messages', { method: 'POST', body: formOf(fields) });

	it('sends the page back with the text as typed and "please try again", and stores nothing', async () => {
		const client = db().$client;
		client.pragma('busy_timeout = 200');
		try {
			const lock = await holdWriteLock(1000);
			const result = await send({ request: post({ body: 'Please keep this text' }) });
			await lock.done;
			expect(result).toMatchObject({
				status: 503,
				data: { values: { body: 'Please keep this text' }, errors: { body: 'errors:notSaved' } }
			});
		} finally {
			client.pragma('busy_timeout = 5000');
		}
		const conversation = findConversation(childId, null)!;
		expect(threadOf(conversation.id).map((m) => m.body)).not.toContain('Please keep this text');
		// Trying again works.
		expect(await send({ request: post({ body: 'Please keep this text' }) })).toEqual({ sent: true });
		expect(threadOf(conversation.id).map((m) => m.body)).toContain('Please keep this text');
	});

	it('lets any other error through', async () => {
		const broken = keepTyped('body', async () => {
			throw new Error('not a lock');
		});
		await expect(broken({ request: post({ body: 'x' }) })).rejects.toThrow('not a lock');
	});
});

describe('one submission stores once', () => {
	const messageCount = () => threadOf(findConversation(childId, null)!.id).length;
	const sendOnce = (form: FormData, now?: number) =>
		storeOnce(
			form,
			child.id,
			() => sendMessage({ childId, carerId: null, author: child, body: String(form.get('body')), origin }),
			now
		);

	it('the same form sent twice (a double click) stores one message and answers the same', () => {
		const form = formOf({ body: 'Only once please', submission: submissionToken() });
		const before = messageCount();
		const first = sendOnce(form);
		const second = sendOnce(form);
		expect(second).toBe(first);
		expect(messageCount()).toBe(before + 1);
	});

	it('adds one agenda item for a double-clicked "Add"', () => {
		const form = formOf({ text: 'My new bike', submission: submissionToken() });
		const add = () =>
			storeOnce(form, child.id, () =>
				addAgendaItem({ childId, meetingId, text: 'My new bike', raiser: 'me', visibility: 'iro' })
			);
		const first = add();
		expect(add()).toEqual(first);
		expect(agendaFor(meetingId).filter((i) => i.text === 'My new bike')).toHaveLength(1);
	});

	it('stores a new message sent from the same page with different words (after Back)', () => {
		const token = submissionToken();
		const before = messageCount();
		sendOnce(formOf({ body: 'First thing', submission: token }));
		sendOnce(formOf({ body: 'Second thing', submission: token }));
		expect(messageCount()).toBe(before + 2);
	});

	it('stores every submission of a form without a token', () => {
		const before = messageCount();
		sendOnce(formOf({ body: 'No token' }));
		sendOnce(formOf({ body: 'No token' }));
		expect(messageCount()).toBe(before + 2);
	});

	it('forgets tokens after a day', () => {
		const old = formOf({ body: 'Old page', submission: submissionToken() });
		sendOnce(old, Date.now() - 2 * DAY);
		const rows = () => db().select().from(tables.formSubmissions).all().length;
		const before = rows();
		sendOnce(formOf({ body: 'New page', submission: submissionToken() }));
		expect(rows()).toBe(before);
	});
});

describe('a write no one is told about', () => {
	const synchronous = () => db().$client.pragma('synchronous', { simple: true });
	const FULL = 2;
	const NORMAL = 1;

	it('does not wait for the disk, is committed, and leaves every other write waiting for it', async () => {
		const { writeUnconfirmed } = await import('../../src/lib/server/db');
		const { auditRead, trailOfChild } = await import('../../src/lib/server/audit');
		expect(synchronous()).toBe(FULL);
		let during = 0;
		writeUnconfirmed((tx) => {
			during = synchronous() as number;
			return tx
				.update(tables.children)
				.set({ communicationNeeds: 'unconfirmed' })
				.where(eq(tables.children.id, childId))
				.run();
		});
		expect(during).toBe(NORMAL);
		expect(synchronous()).toBe(FULL);
		// Committed: another connection reads it.
		const other = new (await import('better-sqlite3')).default(file, { readonly: true });
		expect(
			other.prepare(`select count(*) n from children where communication_needs = 'unconfirmed'`).get()
		).toEqual({
			n: 1
		});
		other.close();
		// A staff member's read is recorded this way, and is in the child's trail.
		auditRead(iro, 'child', { childId });
		expect(trailOfChild(childId).rows.some((e) => e.action === 'child.read')).toBe(true);
		expect(synchronous()).toBe(FULL);
	});

	it('waits for the disk inside a confirmed write, and is back to waiting after a failure', async () => {
		const { write, writeUnconfirmed } = await import('../../src/lib/server/db');
		let during = 0;
		write(() => writeUnconfirmed(() => (during = synchronous() as number)));
		expect(during).toBe(FULL);
		expect(() =>
			writeUnconfirmed(() => {
				throw new Error('no');
			})
		).toThrow('no');
		expect(synchronous()).toBe(FULL);
	});
});

describe('the reads of one request, together (readTogether)', () => {
	const nameOf = () =>
		db()
			.select({ name: tables.children.fullName })
			.from(tables.children)
			.where(eq(tables.children.id, childId))
			.get()?.name;
	const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
	const rename = (name: string) => {
		const other = new Database(file);
		other.prepare('update children set full_name = ? where id = ?').run(name, childId);
		other.close();
	};
	let Database: typeof import('better-sqlite3');
	beforeAll(async () => {
		Database = (await import('better-sqlite3')).default;
	});

	it('see one moment of the database until the turn ends, then what others wrote', async () => {
		const { readTogether } = await import('../../src/lib/server/db');
		readTogether();
		expect(nameOf()).toBe('Rowan Birch');
		rename('Rowan Changed');
		expect(nameOf()).toBe('Rowan Birch');
		await nextTurn();
		expect(db().$client.inTransaction).toBe(false);
		expect(nameOf()).toBe('Rowan Changed');
		rename('Rowan Birch');
	});

	it('do not stop a write after them: it waits for another writer, succeeds and is seen', async () => {
		const { readTogether, write } = await import('../../src/lib/server/db');
		const lock = await holdWriteLock(500);
		readTogether();
		expect(nameOf()).toBe('Rowan Birch');
		// Another process has written since the read began; a read transaction turned writer would
		// fail at once (SQLITE_BUSY_SNAPSHOT) here. The write ends the read first and waits its turn.
		const start = Date.now();
		write((tx) =>
			tx
				.update(tables.children)
				.set({ communicationNeeds: 'after a read' })
				.where(eq(tables.children.id, childId))
				.run()
		);
		expect(Date.now() - start).toBeGreaterThan(300);
		// Reading together again after the write: one moment, from after it.
		expect(db().$client.inTransaction).toBe(true);
		expect(nameOf()).toBe('Rowan Birch');
		rename('Rowan Read Again');
		expect(nameOf()).toBe('Rowan Birch');
		await lock.done;
		expect(db().$client.inTransaction).toBe(false);
		expect(nameOf()).toBe('Rowan Read Again');
		const other = new Database(file, { readonly: true });
		expect(other.prepare('select communication_needs c from children where id = ?').get(childId)).toEqual({
			c: 'after a read'
		});
		other.close();
		rename('Rowan Birch');
	});
});
