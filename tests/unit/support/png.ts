import sharp from 'sharp';

/** CRC-32 of PNG chunks. */
function crc32(bytes: Uint8Array): number {
	let crc = ~0;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

/** A small PNG (under 100 bytes) whose header claims `width` × `height` pixels. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
	const png = Buffer.from(
		await sharp({ create: { width: 1, height: 1, channels: 3, background: 'red' } })
			.png()
			.toBuffer()
	);
	// The IHDR chunk starts at byte 8: length (4), type (4), width (4), height (4), … , CRC.
	png.writeUInt32BE(width, 16);
	png.writeUInt32BE(height, 20);
	png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
	return png;
}
