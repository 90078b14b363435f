import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { db, tables, write } from './db';

const { photos } = tables;

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** Larger pictures are refused from their header, before any decoding (6000 × 4000). */
export const PHOTO_MAX_PIXELS = 24_000_000;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
/** What a form around a 2 MB photo can add (boundaries, the field's headers). */
const FORM_OVERHEAD = 16 * 1024;

export type PhotoProblem = 'missing' | 'tooBig' | 'tooManyPixels' | 'notImage';

/** Whether a photo upload's Content-Length alone shows the photo is over 2 MB (then it is not read). */
export function photoUploadTooBig(contentLength: string | null): boolean {
	const length = Number(contentLength);
	return Number.isFinite(length) && length > PHOTO_MAX_BYTES + FORM_OVERHEAD;
}

/**
 * Checks an upload by its content (not its name): a real JPEG, PNG or WebP under 2 MB and 24
 * megapixels (read from its header). Re-encodes it
 * as a 400×400 WebP, turned the right way up, with all metadata (GPS location, camera…) left behind.
 */
export async function preparePhoto(
	file: File | null
): Promise<{ image: Buffer } | { problem: PhotoProblem }> {
	if (!file || file.size === 0) return { problem: 'missing' };
	if (file.size > PHOTO_MAX_BYTES) return { problem: 'tooBig' };
	const input = Buffer.from(await file.arrayBuffer());
	try {
		// metadata() reads the header only: the size is known before anything is decoded (no limit
		// here, so that a huge picture is told apart from a file that is not a picture).
		const meta = await sharp(input, { limitInputPixels: false }).metadata();
		if (!meta.format || !ACCEPTED.has(meta.format)) return { problem: 'notImage' };
		if (!meta.width || !meta.height) return { problem: 'notImage' };
		if (meta.width * meta.height > PHOTO_MAX_PIXELS) return { problem: 'tooManyPixels' };
		const image = await sharp(input, { limitInputPixels: PHOTO_MAX_PIXELS })
			.rotate()
			.resize(400, 400, { fit: 'cover', position: 'attention' })
			.webp({ quality: 82 })
			.toBuffer();
		return { image };
	} catch {
		return { problem: 'notImage' };
	}
}

export function savePhoto(userId: string, image: Buffer): void {
	write((tx) =>
		tx
			.insert(photos)
			.values({ userId, image, updatedAt: Date.now() })
			.onConflictDoUpdate({ target: photos.userId, set: { image, updatedAt: Date.now() } })
			.run()
	);
}

export function removePhoto(userId: string): void {
	write((tx) => tx.delete(photos).where(eq(photos.userId, userId)).run());
}

export function photoOf(userId: string) {
	return db().select().from(photos).where(eq(photos.userId, userId)).get();
}

export function hasPhoto(userId: string): boolean {
	return Boolean(db().select({ userId: photos.userId }).from(photos).where(eq(photos.userId, userId)).get());
}
