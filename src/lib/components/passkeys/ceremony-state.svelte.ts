import { onMount } from 'svelte';
import { passkeyCeremony } from './ceremony';

/**
 * A page's passkey step (adding one, or signing in with one): whether the page's script runs (without
 * it passkeys cannot work), whether a ceremony is under way, and what went wrong (a translation key).
 * Made while the page's component is set up.
 */
export class PasskeyStep {
	scripted = $state(false);
	busy = $state(false);
	problem = $state('');

	constructor() {
		onMount(() => (this.scripted = true));
	}

	/** Runs the ceremony for `form`; on success the form is posted, otherwise `problem` says why not. */
	async run(form: HTMLFormElement, start: (options: never) => Promise<unknown>): Promise<void> {
		this.busy = true;
		this.problem = '';
		const failed = await passkeyCeremony(form, start);
		if (failed) {
			this.problem = `passkeys:errors.${failed}`;
			this.busy = false;
		}
	}
}
