import { deserialize } from '$app/forms';

/**
 * The browser's side of a passkey: asks this page's `options` action for a fresh challenge (so
 * nothing runs out while the page is open), lets `run` talk to the authenticator, then posts the
 * answer in the form's hidden `response` field as an ordinary form post.
 */
export async function passkeyCeremony(
	form: HTMLFormElement,
	run: (options: never) => Promise<unknown>
): Promise<'cancelled' | 'failed' | undefined> {
	try {
		const reply = await fetch('?/options', {
			method: 'POST',
			body: new FormData(),
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		const result = deserialize(await reply.text());
		if (result.type !== 'success' || !result.data?.options) return 'failed';
		const answer = await run(result.data.options as never);
		const field = form.querySelector<HTMLInputElement>('input[name="response"]');
		if (!field) return 'failed';
		field.value = JSON.stringify(answer);
		form.submit();
		return undefined;
	} catch (error) {
		// The person closed the browser's prompt, or it timed out: nothing is lost, they can try again.
		return error instanceof Error && error.name === 'NotAllowedError' ? 'cancelled' : 'failed';
	}
}
