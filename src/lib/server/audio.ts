import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Locale } from '$lib/i18n/locales';
import { documentSpeech, documentVersion, type DocumentText } from './documents';
import { workerJobs } from './worker-jobs';

/**
 * The audio version of a document: eSpeak NG (the `espeak-ng` package, compiled to WebAssembly, its
 * voices inside it, nothing fetched at run time) speaks the words in the document's language, and
 * `@breezystack/lamejs` makes a small mono MP3 that plays on any phone. Both run in a worker thread
 * so a long letter never holds up other requests; finished files are kept in memory (up to
 * AUDIO_CACHE_BYTES, oldest dropped first) by the document's words and language. eSpeak NG has no
 * Pashto, Tigrinya or Sorani voice: no audio file is offered in them, and the page says so.
 */
export const VOICES: Record<Locale, string | null> = {
	en: 'en-gb',
	ar: 'ar',
	'zh-Hant': 'yue', // Cantonese, as zh-Hant is written in Hong Kong
	ur: 'ur',
	pl: 'pl',
	pa: 'pa',
	es: 'es',
	bn: 'bn',
	hi: 'hi',
	de: 'de',
	fr: 'fr',
	tr: 'tr',
	ms: 'ms',
	ps: null,
	'fa-AF': 'fa', // eSpeak NG's Persian: Dari read with a Tehran accent
	ti: null,
	ckb: null,
	vi: 'vi',
	sq: 'sq',
	cy: 'cy'
};

export const AUDIO_SAMPLE_RATE = 22050;
const BITRATE_KBPS = 32;
const AUDIO_CACHE_BYTES = 32 * 1024 * 1024;
/** A document longer than this is not spoken (no document that matters comes near it). */
const MAX_CHARACTERS = 20_000;

export function hasVoice(lang: Locale): boolean {
	return VOICES[lang] !== null;
}

/** The worker: speaks one text to WAV with eSpeak NG, then encodes the samples as MP3. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
function samplesOf(wav) {
	const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
	let at = 12;
	while (at + 8 <= wav.byteLength) {
		const id = String.fromCharCode(wav[at], wav[at + 1], wav[at + 2], wav[at + 3]);
		const size = view.getUint32(at + 4, true);
		if (id === 'data') {
			const end = Math.min(wav.byteLength, at + 8 + size);
			return new Int16Array(wav.buffer.slice(wav.byteOffset + at + 8, wav.byteOffset + end - ((end - at - 8) % 2)));
		}
		at += 8 + size + (size % 2);
	}
	return new Int16Array(0);
}
parentPort.on('message', async ({ id, message: { text, voice } }) => {
	try {
		const { default: ESpeakNg } = await import(workerData.espeak);
		const { Mp3Encoder } = await import(workerData.lame);
		const speech = await ESpeakNg({
			arguments: ['-v', voice, '-s', '150', '-w', '/tmp/out.wav', '-f', '/tmp/in.txt'],
			preRun: [(m) => m.FS.writeFile('/tmp/in.txt', text)],
			print: () => {},
			printErr: () => {}
		});
		const samples = samplesOf(speech.FS.readFile('/tmp/out.wav'));
		const encoder = new Mp3Encoder(1, workerData.rate, workerData.kbps);
		const parts = [];
		for (let i = 0; i < samples.length; i += 1152) {
			const part = encoder.encodeBuffer(samples.subarray(i, i + 1152));
			if (part.length) parts.push(Buffer.from(part.buffer, part.byteOffset, part.length));
		}
		const last = encoder.flush();
		if (last.length) parts.push(Buffer.from(last.buffer, last.byteOffset, last.length));
		const mp3 = Buffer.concat(parts);
		let sum = 0;
		for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
		const rms = samples.length ? Math.sqrt(sum / samples.length) / 32768 : 0;
		parentPort.postMessage({ id, value: { mp3, samples: samples.length, rms } });
	} catch (error) {
		parentPort.postMessage({ id, error: String(error) });
	}
});
`;

/** A spoken text: the MP3, and what the samples measured before encoding (RMS 0–1 of full scale). */
export type Speech = { mp3: Buffer; seconds: number; rms: number };

const speech = workerJobs<{ text: string; voice: string }, { mp3: Uint8Array; samples: number; rms: number }>(
	() => {
		const require = createRequire(import.meta.url);
		const espeak = pathToFileURL(require.resolve('espeak-ng')).href;
		const lame = pathToFileURL(join(dirname(require.resolve('@breezystack/lamejs')), 'lamejs.js')).href;
		return new Worker(WORKER, {
			eval: true,
			workerData: { espeak, lame, rate: AUDIO_SAMPLE_RATE, kbps: BITRATE_KBPS }
		});
	}
);

/** Speaks a text in a language's voice: an MP3 file (22 050 Hz mono, 32 kbit/s). */
export async function speak(text: string, lang: Locale): Promise<Speech> {
	const voice = VOICES[lang];
	if (!voice) throw new Error(`no voice for ${lang}`);
	const { mp3, samples, rms } = await speech({ text: text.slice(0, MAX_CHARACTERS), voice });
	return {
		mp3: Buffer.from(mp3.buffer, mp3.byteOffset, mp3.byteLength),
		seconds: samples / AUDIO_SAMPLE_RATE,
		rms
	};
}

/** Each block ends a sentence, so the voice pauses between them. */
function speechText(doc: DocumentText): string {
	return documentSpeech(doc)
		.map((line) => (/[.!?。！？؟۔।:]$/u.test(line) ? line : `${line}.`))
		.join('\n');
}

const cache = new Map<string, Promise<Buffer>>();
const sizes = new Map<string, number>();
let cached = 0;

function keep(key: string, mp3: Buffer) {
	sizes.set(key, mp3.length);
	cached += mp3.length;
	for (const [old, size] of sizes) {
		if (cached <= AUDIO_CACHE_BYTES) break;
		sizes.delete(old);
		cache.delete(old);
		cached -= size;
	}
}

/** The audio version of a document, made once per version of its words and kept; null without a voice. */
export function audioFile(doc: DocumentText): Promise<Buffer> | null {
	if (!hasVoice(doc.lang)) return null;
	const key = `${doc.lang}:${documentVersion(doc)}`;
	const known = cache.get(key);
	if (known) return known;
	const made = speak(speechText(doc), doc.lang).then((speech) => speech.mp3);
	cache.set(key, made);
	made.then(
		(mp3) => keep(key, mp3),
		() => cache.delete(key)
	);
	return made;
}
