import { describe, expect, it } from 'vitest';
import {
	VOICE_MAX_BYTES,
	VOICE_MAX_SECONDS,
	audioTypeOf,
	checkVoice,
	clock,
	recorderAnnouncement,
	voiceField
} from '../../../src/lib/domain/voice';
import { HEIC, M4A, MKV, OGG, PNG, WEBM } from '../support/audio-heads';

describe('answers by voice: what counts as audio', () => {
	it('knows a recording by its first bytes: WebM from Chromium, Ogg from Firefox, M4A from Safari', () => {
		expect(audioTypeOf(WEBM)).toBe('audio/webm');
		expect(audioTypeOf(OGG)).toBe('audio/ogg');
		expect(audioTypeOf(M4A)).toBe('audio/mp4');
	});

	it('refuses what is not sound, whatever it is called: a picture, a photo in an ISO box, a Matroska video, too little', () => {
		expect(audioTypeOf(PNG)).toBeNull();
		expect(audioTypeOf(HEIC)).toBeNull();
		expect(audioTypeOf(MKV)).toBeNull();
		expect(audioTypeOf(new TextEncoder().encode('not a recording at all'))).toBeNull();
		expect(audioTypeOf(WEBM.subarray(0, 8))).toBeNull();
	});

	it('checks the size before the signature: over 3 MB is too big even when it is audio', () => {
		expect(VOICE_MAX_BYTES).toBe(3 * 1024 * 1024);
		expect(checkVoice(VOICE_MAX_BYTES + 1, WEBM)).toEqual({ problem: 'tooBig' });
		expect(checkVoice(VOICE_MAX_BYTES, WEBM)).toEqual({ type: 'audio/webm' });
		expect(checkVoice(1000, PNG)).toEqual({ problem: 'notAudio' });
	});
});

describe('answers by voice: the recorder', () => {
	it('says "30 seconds left" once, at 1:30, and stops at 2:00', () => {
		expect(VOICE_MAX_SECONDS).toBe(120);
		const said = Array.from({ length: 121 }, (_, s) => recorderAnnouncement(s));
		expect(said.filter((x) => x === 'warn')).toHaveLength(1);
		expect(said.indexOf('warn')).toBe(90);
		expect(said.indexOf('stop')).toBe(120);
		expect(said.slice(0, 90).every((x) => x === null)).toBe(true);
	});

	it('writes a time as minutes and seconds', () => {
		expect(clock(0)).toBe('0:00');
		expect(clock(65.7)).toBe('1:05');
		expect(clock(120)).toBe('2:00');
	});

	it('names a question’s voice field beside its "who can see this?"', () => {
		expect(voiceField('good')).toBe('good-voice');
	});
});
