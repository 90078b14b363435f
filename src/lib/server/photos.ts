import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { db, tables, write } from './db';

const { photos } = tables;

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

export type PhotoProblem = 'missing' | 'tooBig' | 'notImage';

/**
 * Checks an upload by its content (not its name): a real JPEG, PNG or WebP under 2 MB. Re-encodes it
 * as a 400×400 WebP, turned the right way up, with all metadata (GPS location, camera…) left behind.
 */
export async function preparePhoto(
	file: File | null
): Promise<{ image: Buffer } | { problem: PhotoProblem }> {
	if (!file || file.size === 0) return { problem: 'missing' };
	if (file.size > PHOTO_MAX_BYTES) return { problem: 'tooBig' };
	const input = Buffer.from(await file.arrayBuffer());
	try {
		const meta = await sharp(input).metadata();
		if (!meta.format || !ACCEPTED.has(meta.format)) return { problem: 'notImage' };
		const image = await sharp(input, { limitInputPixels: 40_000_000 })
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
