import { error, type Handle } from '@sveltejs/kit';

/**
 * A posted body that cannot be read (broken multipart, a content type that is not a form, a body cut
 * short) answers 400 with the translated error page instead of a 500 and a stack trace; one over
 * BODY_SIZE_LIMIT answers 413 the same way (the photo form turns that into its own "smaller than
 * 2 MB" message). Every action reads its form through `request.formData()`, so that is where it is
 * caught, once, for all of them.
 */
export const handleBody: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		const request = event.request;
		const read = request.formData.bind(request);
		request.formData = async () => {
			try {
				return await read();
			} catch (cause) {
				const status = (cause as { status?: unknown })?.status === 413 ? 413 : 400;
				error(status, status === 413 ? 'Too large' : 'Bad request');
			}
		};
	}
	return resolve(event);
};

/** Whether an error is the 413 that `handleBody` answers for a body over BODY_SIZE_LIMIT. */
export function isTooLarge(cause: unknown): boolean {
	return (cause as { status?: unknown })?.status === 413;
}
