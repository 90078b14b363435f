import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { pngClaiming } from './support/png';

const { preparePhoto, photoUploadTooBig, PHOTO_MAX_BYTES } = await import('../../src/lib/server/photos');

async function jpegWithLocation() {
	return sharp({ create: { width: 800, height: 600, channels: 3, background: '#3366cc' } })
		.withExif({
			IFD0: { Make: 'PhoneCo', Model: 'Snap 9' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '51/1 30/1 0/1',
				GPSLongitudeRef: 'W',
				GPSLongitude: '0/1 7/1 0/1'
			}
		})
		.jpeg()
		.toBuffer();
}

const file = (bytes: Uint8Array, name: string, type: string) =>
	new File([new Uint8Array(bytes)], name, { type });

describe('IRO photos', () => {
	it('re-encode a real JPEG as a small WebP without any metadata (no GPS location)', async () => {
		const input = await jpegWithLocation();
		expect((await sharp(input).metadata()).exif).toBeDefined();
		const result = await preparePhoto(file(input, 'me.jpg', 'image/jpeg'));
		if (!('image' in result)) throw new Error(`refused: ${result.problem}`);
		const meta = await sharp(result.image).metadata();
		expect(meta.format).toBe('webp');
		expect([meta.width, meta.height]).toEqual([400, 400]);
		expect(meta.exif).toBeUndefined();
		expect(meta.icc).toBeUndefined();
		expect(result.image.includes(Buffer.from('PhoneCo'))).toBe(false);
	});

	it('refuse a file that is not an image, whatever its name says', async () => {
		const fake = new TextEncoder().encode('#!/bin/sh\necho not a picture\n');
		expect(await preparePhoto(file(fake, 'holiday.jpg', 'image/jpeg'))).toEqual({ problem: 'notImage' });
	});

	it('refuse an image type we do not accept (GIF)', async () => {
		const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: 'red' } })
			.gif()
			.toBuffer();
		expect(await preparePhoto(file(gif, 'x.png', 'image/png'))).toEqual({ problem: 'notImage' });
	});

	it('refuse files over 2 MB and empty uploads', async () => {
		expect(await preparePhoto(file(new Uint8Array(PHOTO_MAX_BYTES + 1), 'big.jpg', 'image/jpeg'))).toEqual({
			problem: 'tooBig'
		});
		expect(await preparePhoto(file(new Uint8Array(0), '', 'application/octet-stream'))).toEqual({
			problem: 'missing'
		});
		expect(await preparePhoto(null)).toEqual({ problem: 'missing' });
	});

	it('refuse a picture of more than 24 megapixels from its header, before decoding it', async () => {
		const huge = await pngClaiming(30_000, 30_000);
		expect(huge.length).toBeLessThan(200);
		expect((await sharp(huge, { limitInputPixels: false }).metadata()).width).toBe(30_000);
		const started = performance.now();
		expect(await preparePhoto(file(huge, 'huge.png', 'image/png'))).toEqual({ problem: 'tooManyPixels' });
		expect(performance.now() - started).toBeLessThan(500);
		// 6000 × 4000 is within the limit (it fails later only because this file has no real pixels).
		expect(await preparePhoto(file(await pngClaiming(6000, 4000), 'ok.png', 'image/png'))).not.toEqual({
			problem: 'tooManyPixels'
		});
	});

	it('know an upload is too big from its Content-Length alone, at any size', () => {
		expect(photoUploadTooBig(String(PHOTO_MAX_BYTES))).toBe(false);
		expect(photoUploadTooBig(String(5 * 1024 * 1024))).toBe(true);
		expect(photoUploadTooBig(String(500 * 1024 * 1024))).toBe(true);
		expect(photoUploadTooBig(null)).toBe(false);
		expect(photoUploadTooBig('nonsense')).toBe(false);
	});
});
