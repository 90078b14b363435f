import { z } from 'zod';
import { requiredText, requiredAsSent } from './text';

/** Adding a passkey: its name, and the authenticator's answer (filled in by the page's script). */
export const addPasskeySchema = z.object({
	name: requiredText('passkeys:errors.nameRequired', 60),
	response: requiredAsSent('passkeys:errors.noResponse', 20_000)
});

export const removePasskeySchema = z.object({
	passkeyId: z.string().min(1).max(64)
});

/** Signing in with a passkey: the authenticator's answer. */
export const usePasskeySchema = z.object({
	response: requiredAsSent('passkeys:errors.noResponse', 20_000)
});

export const recoveryCodeSchema = z.object({
	code: requiredText('passkeys:errors.codeRequired', 64)
});
