import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { createIro } from './flow-helpers';
import { device, t } from './messages-helpers';
import { pngClaiming } from '../unit/support/png';

/**
 * An IRO's photo on "Meet your IRO": what the IRO uploads reaches their children as a small WebP,
 * without the GPS location and camera details a phone puts into a JPEG. Files that are not
 * pictures, or too big, are refused with a message.
 */

/** A blue 800×600 JPEG, with the camera maker and a GPS position in its EXIF, as phones write. */
function phoneJpeg() {
	return sharp({ create: { width: 800, height: 600, channels: 3, background: '#3366cc' } })
		.withExif({
			IFD0: { Make: 'PhoneCo' },
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

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
	await page.goto('/iro/profile');
	await page.getByLabel('Upload a photo').setInputFiles({ name, mimeType, buffer });
	await page.getByRole('button', { name: 'Upload photo' }).click();
}

async function expectRefused(page: Page, message: string) {
	await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(page.getByRole('alert').getByRole('link', { name: message })).toBeVisible();
	await expect(page.getByLabel('Upload a photo')).toHaveAccessibleDescription(
		new RegExp(`Error: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
	);
	await expect(page.getByText('Your photo has been saved.')).toHaveCount(0);
}

test('the photo an IRO uploads reaches their children without its location', async ({ page, browser }) => {
	const jpeg = await phoneJpeg();
	const uploaded = await sharp(jpeg).metadata();
	expect(uploaded.format).toBe('jpeg');
	expect(uploaded.exif?.includes('PhoneCo')).toBe(true);
	expect(uploaded.exif?.includes('GPS') || uploaded.exif!.length > 100).toBe(true);

	await signIn(page, 'ben');
	await upload(page, 'holiday.jpg', 'image/jpeg', jpeg);
	await expect(page.getByText('Your photo has been saved.')).toBeVisible();
	await expect(page.getByRole('img', { name: 'Photo of Ben Kowalski' })).toBeVisible();

	// Kacper (one of Ben's children; his portal is in Polish) sees it on "Meet your IRO".
	const kacper = await device(browser, 'kacper');
	await kacper.page.goto('/me');
	const meet = kacper.page.getByRole('region', { name: t('pl', 'child', 'iro.title') });
	const photo = meet.getByRole('img', { name: t('pl', 'child', 'iro.photoAlt', { name: 'Ben Kowalski' }) });
	await expect(photo).toBeVisible();
	const response = await kacper.page.request.get((await photo.getAttribute('src'))!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('image/webp');
	// Not kept by the browser: after signing out, the next person on the device cannot find it.
	expect(response.headers()['cache-control']).toBe('no-store');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	const image = await response.body();
	const meta = await sharp(image).metadata();
	expect(meta.format).toBe('webp');
	expect(meta.exif).toBeUndefined();
	expect(meta.xmp).toBeUndefined();
	expect([meta.width, meta.height]).toEqual([400, 400]);
	expect(image.includes('PhoneCo')).toBe(false);
	// It is the blue photo Ben uploaded, not the demo's green initials.
	const [r, g, b] = (await sharp(image).stats()).channels.map((c) => c.mean);
	expect(b).toBeGreaterThan(150);
	expect(r).toBeLessThan(100);
	expect(g).toBeLessThan(140);

	// A text file named .jpg is refused, and so is a file over 2 MB; the photo stays as it was.
	await upload(page, 'selfie.jpg', 'image/jpeg', Buffer.from('This is not a picture, just some text.'));
	await expectRefused(page, 'The file must be a JPEG, PNG or WebP picture');
	await upload(page, 'huge.jpg', 'image/jpeg', Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024)]));
	await expectRefused(page, 'The photo must be smaller than 2 MB');
	const again = await kacper.page.request.get((await photo.getAttribute('src'))!);
	expect((await again.body()).equals(image)).toBe(true);
	await kacper.context.close();
	// Ben keeps this photo: other tests expect him to have one.
});

test('an IRO can remove their photo', async ({ page, browser }) => {
	// A new IRO of our own, so that nobody else's photo disappears.
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	await upload(page, 'me.jpg', 'image/jpeg', await phoneJpeg());
	await expect(page.getByText('Your photo has been saved.')).toBeVisible();
	const photo = page.getByRole('img', { name: `Photo of ${iro.displayName}` });
	await expect(photo).toBeVisible();
	expect((await page.request.get(`/people/${iro.id}/photo`)).status()).toBe(200);

	await page.getByRole('button', { name: 'Remove photo' }).click();
	await expect(page.getByText('Your photo has been removed.')).toBeVisible();
	await expect(photo).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Remove photo' })).toHaveCount(0);
	expect((await page.request.get(`/people/${iro.id}/photo`)).status()).toBe(404);
});

test('a photo too big to send, or with too many pixels, gets the form’s own message', async ({
	page,
	browser
}) => {
	// Files of many megabytes go through the browser's file chooser: slow on a small machine.
	test.setTimeout(240_000);
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	// Over the server's whole body limit (4 MB): still the form's message, not a bare 413 page.
	for (const megabytes of [3, 6, 16]) {
		await upload(
			page,
			'huge.jpg',
			'image/jpeg',
			Buffer.concat([await phoneJpeg(), Buffer.alloc(megabytes * 1024 * 1024)])
		);
		await expectRefused(page, 'The photo must be smaller than 2 MB');
	}
	// A tiny file whose header says 30,000 × 30,000 pixels is refused before it is decoded.
	await upload(page, 'tiny.png', 'image/png', await pngClaiming(30_000, 30_000));
	await expectRefused(page, 'The photo must be 24 megapixels or smaller (for example 6000 × 4000 pixels)');
	expect((await page.request.get(`/people/${iro.id}/photo`)).status()).toBe(404);
});
