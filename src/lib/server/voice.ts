import { and, asc, eq, lte } from 'drizzle-orm';
import { db, tables, write, type Tx } from './db';
import { newId } from './ids';
import { checkVoice, type AudioType, type VoiceProblem } from '$lib/domain/voice';
import type { Visibility } from '$lib/domain/consultation';

/**
 * Answers by voice (issue 13): ALL SQL for `voice_recordings`. A recording is a My say answer (with its
 * consultation and question) or a message to the IRO. Who may play one is `requireVoice` in access.ts;
 * the audio leaves the server only through `routes/voice/[voiceId]`, never by email.
 */
const { voiceRecordings, consultations, messages } = tables;

export interface VoiceUpload {
	audio: Buffer;
	contentType: AudioType;
}

/** How many first bytes the signature check reads. */
const HEAD = 64;

/**
 * One posted recording, checked by its content: null when none was posted (an empty file input), the
 * audio, or why it is refused (too big: not read at all; not audio, whatever its name or type says).
 */
export async function readVoice(
	entry: FormDataEntryValue | null
): Promise<VoiceUpload | { problem: VoiceProblem } | null> {
	if (!entry || typeof entry === 'string' || entry.size === 0) return null;
	const sizeCheck = checkVoice(entry.size, new Uint8Array(0));
	if ('problem' in sizeCheck && sizeCheck.problem === 'tooBig') return sizeCheck;
	const audio = Buffer.from(await entry.arrayBuffer());
	const checked = checkVoice(audio.length, audio.subarray(0, HEAD));
	if ('problem' in checked) return checked;
	return { audio, contentType: checked.type };
}

/** The translation key of a refused recording (the `voice` namespace). */
export const voiceError = (problem: VoiceProblem) => `voice:errors.${problem}`;

/* ---------- My say ---------- */

export interface SayVoice {
	id: string;
	questionId: string;
	visibility: Visibility;
	createdAt: number;
}

const sayColumns = {
	id: voiceRecordings.id,
	questionId: voiceRecordings.questionId,
	visibility: voiceRecordings.visibility,
	createdAt: voiceRecordings.createdAt
};

function asSayVoice(row: {
	id: string;
	questionId: string | null;
	visibility: Visibility;
	createdAt: number;
}) {
	return { ...row, questionId: row.questionId ?? '' };
}

/** The voice answers of a consultation, as the child sees them (saved, sent or not). */
export function sayVoices(consultationId: string): SayVoice[] {
	return db()
		.select(sayColumns)
		.from(voiceRecordings)
		.where(eq(voiceRecordings.consultationId, consultationId))
		.orderBy(asc(voiceRecordings.createdAt))
		.all()
		.map(asSayVoice);
}

/**
 * The voice answers the IRO may play: those saved before the child last pressed "Send to my IRO"
 * (a recording made since waits for the next send, like a changed written answer).
 */
export function sentSayVoices(consultationId: string, sentAt: number | null): SayVoice[] {
	if (sentAt === null) return [];
	return db()
		.select(sayColumns)
		.from(voiceRecordings)
		.where(and(eq(voiceRecordings.consultationId, consultationId), lte(voiceRecordings.createdAt, sentAt)))
		.orderBy(asc(voiceRecordings.createdAt))
		.all()
		.map(asSayVoice);
}

export function hasSayVoice(consultationId: string): boolean {
	return Boolean(
		db()
			.select({ id: voiceRecordings.id })
			.from(voiceRecordings)
			.where(eq(voiceRecordings.consultationId, consultationId))
			.get()
	);
}

/**
 * Inside the page's save: each new recording replaces the question's earlier one (a new id, so an old
 * link plays nothing), and every voice answer on the page takes the page's "Who can see this?".
 */
export function saveSayVoices(
	tx: Tx,
	consultation: { id: string; childId: string },
	pageVisibility: Array<{ questionId: string; visibility: Visibility }>,
	uploads: Array<{ questionId: string; upload: VoiceUpload }>,
	now: number
): void {
	for (const { questionId, visibility } of pageVisibility) {
		tx.update(voiceRecordings)
			.set({ visibility })
			.where(
				and(eq(voiceRecordings.consultationId, consultation.id), eq(voiceRecordings.questionId, questionId))
			)
			.run();
	}
	for (const { questionId, upload } of uploads) {
		const visibility = pageVisibility.find((p) => p.questionId === questionId)?.visibility ?? 'iro';
		tx.delete(voiceRecordings)
			.where(
				and(eq(voiceRecordings.consultationId, consultation.id), eq(voiceRecordings.questionId, questionId))
			)
			.run();
		tx.insert(voiceRecordings)
			.values({
				id: newId(),
				childId: consultation.childId,
				consultationId: consultation.id,
				questionId,
				visibility,
				contentType: upload.contentType,
				audio: upload.audio,
				bytes: upload.audio.length,
				createdAt: now
			})
			.run();
	}
}

/** "Remove": the child takes back one of their voice answers. False if it is not theirs to remove. */
export function removeSayVoice(consultationId: string, voiceId: string): boolean {
	return write(
		(tx) =>
			tx
				.delete(voiceRecordings)
				.where(and(eq(voiceRecordings.id, voiceId), eq(voiceRecordings.consultationId, consultationId)))
				.run().changes > 0
	);
}

/* ---------- Messages ---------- */

/** Inside sending a message: its recording. */
export function attachMessageVoice(
	tx: Tx,
	childId: string,
	messageId: string,
	upload: VoiceUpload,
	now: number
): string {
	const id = newId();
	tx.insert(voiceRecordings)
		.values({
			id,
			childId,
			messageId,
			contentType: upload.contentType,
			audio: upload.audio,
			bytes: upload.audio.length,
			createdAt: now
		})
		.run();
	return id;
}

/* ---------- Playing, and what is held ---------- */

/**
 * What access.ts needs to decide who may play a recording: whose it is, and what it belongs to (the
 * meeting and when My say was sent, or the message's conversation). Never the audio.
 */
export function voiceFacts(voiceId: string) {
	return db()
		.select({
			id: voiceRecordings.id,
			childId: voiceRecordings.childId,
			visibility: voiceRecordings.visibility,
			createdAt: voiceRecordings.createdAt,
			consultationId: voiceRecordings.consultationId,
			meetingId: consultations.meetingId,
			sentAt: consultations.sentAt,
			messageId: voiceRecordings.messageId,
			conversationId: messages.conversationId
		})
		.from(voiceRecordings)
		.leftJoin(consultations, eq(consultations.id, voiceRecordings.consultationId))
		.leftJoin(messages, eq(messages.id, voiceRecordings.messageId))
		.where(eq(voiceRecordings.id, voiceId))
		.get();
}

export type VoiceFacts = NonNullable<ReturnType<typeof voiceFacts>>;

export function voiceAudio(voiceId: string) {
	return db()
		.select({ audio: voiceRecordings.audio, contentType: voiceRecordings.contentType })
		.from(voiceRecordings)
		.where(eq(voiceRecordings.id, voiceId))
		.get();
}

/** Every recording held about a child, with its audio (subject access). */
export function voicesOfChild(childId: string) {
	return db()
		.select({
			id: voiceRecordings.id,
			questionId: voiceRecordings.questionId,
			visibility: voiceRecordings.visibility,
			messageId: voiceRecordings.messageId,
			meetingId: consultations.meetingId,
			contentType: voiceRecordings.contentType,
			bytes: voiceRecordings.bytes,
			createdAt: voiceRecordings.createdAt,
			audio: voiceRecordings.audio
		})
		.from(voiceRecordings)
		.leftJoin(consultations, eq(consultations.id, voiceRecordings.consultationId))
		.where(eq(voiceRecordings.childId, childId))
		.orderBy(asc(voiceRecordings.createdAt))
		.all();
}
