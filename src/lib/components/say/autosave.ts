import { deserialize } from '$app/forms';
import type { AnswerValue } from '$lib/domain/consultation';

export interface AutosaveResult {
	loadedAt: number;
	replaced: Array<{ id: string; value: AnswerValue }>;
}

export interface AutosaveOptions {
	/** How long after the last keystroke or choice to save (ms). */
	delay?: number;
	onSaving?: () => void;
	onSaved: (result: AutosaveResult) => void;
	onFailed: () => void;
}

/**
 * Saves the form a few seconds after the child stops typing, by posting it to the page's
 * `?/autosave` action. The hidden `loadedAt` field moves on with each save, so the page's own
 * saves never look like another window's. `settle()` waits for a save in flight (before Continue).
 */
export function createAutosave(options: AutosaveOptions) {
	const delay = options.delay ?? 3000;
	let form: HTMLFormElement | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let inFlight: Promise<void> | null = null;
	let dirty = false;

	async function save() {
		timer = undefined;
		if (!form || !dirty) return;
		dirty = false;
		const body = new FormData(form);
		body.delete('go');
		// A voice recording is saved with Continue, not sent again with every autosave.
		for (const [key, value] of [...body.entries()]) if (value instanceof File) body.delete(key);
		options.onSaving?.();
		try {
			const response = await fetch(`${location.pathname}?/autosave`, {
				method: 'POST',
				body,
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
			});
			const result = deserialize(await response.text());
			if (result.type === 'success' && result.data) {
				const data = result.data as unknown as AutosaveResult;
				const field = form.elements.namedItem('loadedAt');
				if (field instanceof HTMLInputElement) field.value = String(data.loadedAt);
				options.onSaved(data);
			} else options.onFailed();
		} catch {
			options.onFailed();
		}
	}

	function run() {
		inFlight = save().finally(() => (inFlight = null));
	}

	function schedule() {
		dirty = true;
		clearTimeout(timer);
		timer = setTimeout(run, delay);
	}

	return {
		/** The Svelte action: `<form use:autosave.attach>`. */
		attach(node: HTMLFormElement) {
			form = node;
			node.addEventListener('input', schedule);
			node.addEventListener('change', schedule);
			return {
				destroy() {
					clearTimeout(timer);
					node.removeEventListener('input', schedule);
					node.removeEventListener('change', schedule);
					form = null;
				}
			};
		},
		/** Stops a save that has not started, and waits for one in flight. */
		async settle() {
			clearTimeout(timer);
			timer = undefined;
			dirty = false;
			if (inFlight) await inFlight;
		}
	};
}
