/**
 * Answers by voice (issue 13): a child may record an answer to a My say question, or a message to
 * their IRO, instead of (or beside) writing it. The limits and what counts as audio live here; the
 * server checks every upload by its first bytes (never its name or declared type).
 */

/** The recorder stops by itself after two minutes. */
export const VOICE_MAX_SECONDS = 120;
/** When the recorder says how long is left ("30 seconds left"). */
export const VOICE_WARN_AT_SECONDS = 90;
/** The most a recording may weigh (two minutes of Opus at 64 kbit/s is under 1 MB). */
export const VOICE_MAX_BYTES = 3 * 1024 * 1024;
/** The bit rate the recorder asks for. */
export const VOICE_BITS_PER_SECOND = 64_000;

export type AudioType = 'audio/webm' | 'audio/ogg' | 'audio/mp4';
export type VoiceProblem = 'tooBig' | 'notAudio';

/** The field of a My say question's voice answer (`<id>-voice`, beside `<id>-who`). */
export const voiceField = (questionId: string) => `${questionId}-voice`;
/** The field of a message's voice recording. */
export const MESSAGE_VOICE_FIELD = 'voice';

const ascii = (bytes: Uint8Array, from: number, to: number) =>
	String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** MP4 brands of sound (M4A from Safari's recorder and phones' voice memos), not of pictures (HEIC, AVIF). */
const MP4_BRANDS = new Set(['M4A ', 'M4B ', 'mp41', 'mp42', 'isom', 'iso2', 'iso4', 'iso5', 'iso6', 'dash']);

/**
 * What kind of audio these bytes are, from their signature: WebM (EBML with doc type "webm", what
 * Chromium's MediaRecorder writes), Ogg ("OggS": Opus or Vorbis from Firefox), or MP4/M4A ("ftyp" with
 * a sound brand, Safari). Null for anything else (a picture, a document, a renamed file).
 */
export function audioTypeOf(bytes: Uint8Array): AudioType | null {
	if (bytes.length < 12) return null;
	if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
		// The EBML header names its doc type near the start: Chromium writes "webm".
		return ascii(bytes, 4, 64).includes('webm') ? 'audio/webm' : null;
	}
	if (ascii(bytes, 0, 4) === 'OggS') return 'audio/ogg';
	if (ascii(bytes, 4, 8) === 'ftyp' && MP4_BRANDS.has(ascii(bytes, 8, 12))) return 'audio/mp4';
	return null;
}

/** Checks a recording: its size first (it is not read when too big), then its signature. */
export function checkVoice(size: number, head: Uint8Array): { type: AudioType } | { problem: VoiceProblem } {
	if (size > VOICE_MAX_BYTES) return { problem: 'tooBig' };
	const type = audioTypeOf(head);
	return type ? { type } : { problem: 'notAudio' };
}

/** What the recorder's live region says at this second of recording (null: nothing new). */
export function recorderAnnouncement(seconds: number): 'warn' | 'stop' | null {
	if (seconds >= VOICE_MAX_SECONDS) return 'stop';
	if (seconds === VOICE_WARN_AT_SECONDS) return 'warn';
	return null;
}

/** "1:05": minutes and seconds of a recording. */
export function clock(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
