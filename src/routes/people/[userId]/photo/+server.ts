import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePhotoAccess } from '$lib/server/access';
import { photoOf } from '$lib/server/photos';

/** An IRO's photo, for the people they work with. */
export const GET: RequestHandler = ({ params }) => {
	requirePhotoAccess(params.userId);
	const photo = photoOf(params.userId);
	if (!photo) error(404, 'Not found');
	return new Response(new Uint8Array(photo.image), {
		headers: {
			'content-type': 'image/webp',
			// Not kept after signing out: the next person on a shared device must not find it.
			'cache-control': 'no-store',
			'content-disposition': 'inline'
		}
	});
};
