/** The first bytes of real recordings (issue 13), and of files that are not audio, for the voice tests. */
const bytes = (...parts: Array<number[] | string>) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** Chromium's MediaRecorder: an EBML header whose DocType is "webm". */
export const WEBM = bytes(
	[0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04],
	[0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84],
	'webm',
	[0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02, 0x18, 0x53, 0x80, 0x67]
);
/** Firefox: an Ogg page carrying Opus. */
export const OGG = bytes('OggS', [0x00, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34, 0x56, 0x78], 'OpusHead');
/** Safari and phones' voice memos: MP4 with the M4A brand. */
export const M4A = bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0], 'M4A mp42isom', [0, 0, 0, 8], 'free');
/** A PNG picture (whatever it is called). */
export const PNG = bytes(
	[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d],
	'IHDR',
	[0, 0, 0, 1]
);
/** An HEIC photo: an ISO box like MP4, with a picture's brand. */
export const HEIC = bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic');
/** A Matroska video that is not WebM. */
export const MKV = bytes(
	[0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88],
	'matroska',
	[0x42, 0x87, 0x81, 0x04]
);

/** A recording of these first bytes, padded to `size`. */
export function recording(head: Uint8Array, size = 4096): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(new ArrayBuffer(Math.max(size, head.length)));
	out.set(head);
	return out;
}
