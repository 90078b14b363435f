import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Answers by voice (issue 13) on the server: uploads checked by their content (voice.ts), kept with the
 * My say answer or the message, and played only by those requireVoice (access.ts) lets through.
 */
process.env.DATABASE_PATH = ':memory:';
delete process.env.SMTP_URL;
vi.mock('$env/dynamic/private', () => ({ env: process.env }));

/** Who is signed in for the access checks (requireUser reads it from the request). */
let current: { id: string; role: string } | null = null;
vi.mock('$app/server', () => ({
	getRequestEvent: () => ({
		locals: { user: current },
		url: new URL('http://localhost/voice/x'),
		request: { method: 'GET' }
	})
}));

const { eq } = await import('drizzle-orm');
const people = await import('./support/people');
const { db, tables } = await import('../../src/lib/server/db');
const voice = await import('../../src/lib/server/voice');
const say = await import('../../src/lib/server/consultation');
const messages = await import('../../src/lib/server/messages');
const { requireVoice } = await import('../../src/lib/server/access');
const subject = await import('../../src/lib/server/subject-access');
const { unzipSync, strFromU8 } = await import('fflate');
const { recordPrivateRead } = await import('../../src/lib/server/privacy');
const { addCarer } = await import('../../src/lib/server/carers');
const { VOICE_MAX_BYTES } = await import('../../src/lib/domain/voice');
const { M4A, OGG, PNG, WEBM, recording } = await import('./support/audio-heads');

const file = (head: Uint8Array, name: string, type: string, size?: number) =>
	new File([recording(head, size)], name, { type });

async function upload(head = WEBM) {
	const read = await voice.readVoice(file(head, 'voice.webm', 'audio/webm'));
	if (!read || 'problem' in read) throw new Error('not audio');
	return read;
}

let iro: string,
	otherIro: string,
	manager: string,
	childUser: string,
	otherChildUser: string,
	carerUser: string;
let childId: string, otherChildId: string;

function signIn(id: string, role: string) {
	current = { id, role };
}

/** The HTTP status requireVoice answers for the signed-in user (200 when allowed). */
function statusOf(voiceId: string): number {
	try {
		requireVoice(voiceId);
		return 200;
	} catch (e) {
		return (e as { status?: number }).status ?? 500;
	}
}

beforeAll(async () => {
	iro = await people.newIro('voice.iro');
	otherIro = await people.newIro('voice.other.iro');
	manager = await people.newAccount('manager', 'voice.manager');
	childUser = await people.newAccount('child', 'voice.child');
	otherChildUser = await people.newAccount('child', 'voice.other.child');
	carerUser = await people.newAccount('carer', 'voice.carer');
	childId = people.newChild(iro, { fullName: 'Vera Voice', dateOfBirth: '2013-03-03' });
	otherChildId = people.newChild(otherIro, { fullName: 'Otto Other', dateOfBirth: '2013-04-04' });
	const { children, carers } = tables;
	db().update(children).set({ userId: childUser }).where(eq(children.id, childId)).run();
	db().update(children).set({ userId: otherChildUser }).where(eq(children.id, otherChildId)).run();
	const carerId = addCarer(childId, {
		fullName: 'Carla Carer',
		relationship: 'Foster carer',
		email: '',
		phone: ''
	});
	db().update(carers).set({ userId: carerUser }).where(eq(carers.id, carerId)).run();
	people.bookMeeting(childId, 14);
});

describe('a voice upload is checked by its content', () => {
	it('accepts real WebM, Ogg and M4A recordings, with the type their bytes show', async () => {
		expect((await voice.readVoice(file(WEBM, 'a.webm', 'audio/webm'))) as object).toMatchObject({
			contentType: 'audio/webm'
		});
		expect((await voice.readVoice(file(OGG, 'a.ogg', 'audio/ogg'))) as object).toMatchObject({
			contentType: 'audio/ogg'
		});
		// The declared type does not matter: Safari's recording called "recording" with no type.
		expect((await voice.readVoice(file(M4A, 'recording', ''))) as object).toMatchObject({
			contentType: 'audio/mp4'
		});
	});

	it('refuses a PNG renamed .webm with an audio type, and anything over 3 MB', async () => {
		expect(await voice.readVoice(file(PNG, 'answer.webm', 'audio/webm'))).toEqual({ problem: 'notAudio' });
		expect(await voice.readVoice(file(WEBM, 'long.webm', 'audio/webm', VOICE_MAX_BYTES + 1))).toEqual({
			problem: 'tooBig'
		});
		expect(voice.voiceError('notAudio')).toBe('voice:errors.notAudio');
	});

	it('takes an empty file input or a text field as no recording', async () => {
		expect(await voice.readVoice(new File([], ''))).toBeNull();
		expect(await voice.readVoice('hello')).toBeNull();
		expect(await voice.readVoice(null)).toBeNull();
	});
});

describe('a voice answer in My say', () => {
	let voiceId: string;

	it('is saved with the page, and can be sent on its own (no written answer needed)', async () => {
		const state = say.sayFor({ id: childId, dateOfBirth: '2013-03-03' })!;
		const question = state.steps[0].questions[0].id;
		const audio = await upload();
		say.saveAnswers(state, [{ id: question, value: '', visibility: 'iro' }], 0, Date.now(), (tx, c) =>
			voice.saveSayVoices(
				tx,
				c,
				[{ questionId: question, visibility: 'iro' }],
				[{ questionId: question, upload: audio }],
				Date.now()
			)
		);
		const consultation = say.findConsultation(state.meeting.id)!;
		const saved = voice.sayVoices(consultation.id);
		expect(saved).toHaveLength(1);
		voiceId = saved[0].id;
		expect(voice.sentSayVoices(consultation.id, consultation.sentAt)).toEqual([]);
		expect(say.consultationStatus(state.meeting.id).status).toBe('started');

		// Before it is sent the IRO cannot play it; the child can.
		signIn(iro, 'iro');
		expect(statusOf(voiceId)).toBe(404);
		signIn(childUser, 'child');
		expect(statusOf(voiceId)).toBe(200);

		expect(say.sendConsultation(state.meeting.id, Date.now() + 1)).toBe(true);
		const sent = say.findConsultation(state.meeting.id)!;
		expect(voice.sentSayVoices(sent.id, sent.sentAt).map((v) => v.id)).toEqual([voiceId]);
	});

	it('plays an “Only my IRO” answer for the child and their IRO only: another child, a carer, another IRO get 404', () => {
		signIn(iro, 'iro');
		expect(statusOf(voiceId)).toBe(200);
		signIn(otherIro, 'iro');
		expect(statusOf(voiceId)).toBe(404);
		signIn(otherChildUser, 'child');
		expect(statusOf(voiceId)).toBe(404);
		signIn(carerUser, 'carer');
		expect(statusOf(voiceId)).toBe(404);
		expect(voice.voiceFacts('no-such-recording')).toBeUndefined();
		signIn(iro, 'iro');
		expect(statusOf('no-such-recording')).toBe(404);
	});

	it('"Only my IRO" stays private: a manager plays it only after giving a reason', () => {
		signIn(manager, 'manager');
		expect(statusOf(voiceId)).toBe(404);
		const facts = voice.voiceFacts(voiceId)!;
		recordPrivateRead(manager, facts.meetingId!, 'absent', '');
		expect(statusOf(voiceId)).toBe(200);
	});

	it('is replaced by a new recording (a new id) and removed by the child', async () => {
		const state = say.sayFor({ id: childId, dateOfBirth: '2013-03-03' })!;
		const question = state.steps[0].questions[0].id;
		const audio = await upload(OGG);
		say.saveAnswers(
			state,
			[{ id: question, value: '', visibility: 'everyone' }],
			0,
			Date.now() + 5,
			(tx, c) =>
				voice.saveSayVoices(
					tx,
					c,
					[{ questionId: question, visibility: 'everyone' }],
					[{ questionId: question, upload: audio }],
					Date.now() + 5
				)
		);
		const consultation = say.findConsultation(state.meeting.id)!;
		const [now] = voice.sayVoices(consultation.id);
		expect(now.id).not.toBe(voiceId);
		expect(now.visibility).toBe('everyone');
		expect(voice.voiceAudio(now.id)?.contentType).toBe('audio/ogg');
		// Shared with everyone: once sent, the child's carer hears it too (as they read such answers);
		// another child still gets 404.
		signIn(carerUser, 'carer');
		expect(statusOf(now.id)).toBe(404);
		expect(say.sendConsultation(state.meeting.id, Date.now() + 10)).toBe(true);
		expect(statusOf(now.id)).toBe(200);
		signIn(otherChildUser, 'child');
		expect(statusOf(now.id)).toBe(404);
		signIn(childUser, 'child');
		expect(voice.voiceFacts(voiceId)).toBeUndefined();
		expect(voice.removeSayVoice('another-consultation', now.id)).toBe(false);
		expect(voice.removeSayVoice(consultation.id, now.id)).toBe(true);
		expect(voice.sayVoices(consultation.id)).toEqual([]);
	});
});

describe('a voice message to the IRO', () => {
	it('travels with its message, plays for the IRO, and never goes in the email', async () => {
		const audio = await upload(M4A);
		const id = messages.sendMessage({
			childId,
			carerId: null,
			author: { id: childUser, role: 'child' },
			body: '',
			origin: 'https://voicebox.example',
			voice: audio
		});
		const conversation = messages.findConversation(childId, null)!;
		const sent = messages.latestOf(conversation.id, new URLSearchParams()).messages.at(-1)!;
		expect(sent.id).toBe(id);
		const voiceId = sent.voiceId!;
		expect(voiceId).toBeTruthy();
		expect(messages.threadOf(conversation.id).at(-1)?.voiceId).toBe(voiceId);
		// Messages without a recording have none.
		expect(
			messages
				.threadOf(conversation.id)
				.filter((m) => m.id !== id)
				.every((m) => m.voiceId === null)
		).toBe(true);
		signIn(iro, 'iro');
		expect(statusOf(voiceId)).toBe(200);
		signIn(otherIro, 'iro');
		expect(statusOf(voiceId)).toBe(404);
		signIn(carerUser, 'carer');
		expect(statusOf(voiceId)).toBe(404);
		// A manager reads the messages only with a reason (privacy.ts), so plays them only then.
		signIn(manager, 'manager');
		expect(statusOf(voiceId)).toBe(404);
		for (const mail of db().select().from(tables.outbox).all()) expect(mail.text).not.toContain(voiceId);
	});

	it('is in the child’s subject access zip as its own file, named in the JSON and the HTML', () => {
		const record = subject.childRecord(childId)!;
		const files = unzipSync(subject.subjectZip(record));
		const listed = JSON.parse(strFromU8(files['everything-held.json'])).voiceRecordings;
		expect(listed.length).toBeGreaterThan(0);
		const message = listed.find((v: { messageId: string | null }) => v.messageId !== null);
		expect(message).toMatchObject({ contentType: 'audio/mp4', onlyMyIro: true });
		expect(message.file).toMatch(/^voice\/[a-z0-9]+\.m4a$/);
		expect(files[message.file].subarray(4, 8)).toEqual(new TextEncoder().encode('ftyp'));
		expect(strFromU8(files['everything-held.html'])).toContain(message.file);
	});

	it('goes with the child’s record when it is deleted', async () => {
		const gone = people.newChild(iro, { fullName: 'Gina Gone', dateOfBirth: '2012-02-02' });
		messages.sendMessage({
			childId: gone,
			carerId: null,
			author: { id: iro, role: 'iro' },
			body: 'Hello',
			origin: 'https://voicebox.example',
			voice: await upload()
		});
		expect(voice.voicesOfChild(gone)).toHaveLength(1);
		db().delete(tables.children).where(eq(tables.children.id, gone)).run();
		expect(voice.voicesOfChild(gone)).toHaveLength(0);
	});
});
