import { eq, lt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { tables, write } from './db';
import { RETENTION } from '$lib/domain/retention';

/**
 * One submission stores once. Each form that stores something carries a one-off token (hidden field
 * `submission`, made by the page's load); a double-clicked "Send" or a resent POST arrives with the
 * same token and the same fields, finds its row in form_submissions, stores nothing new and gets
 * the first submission's result back. The same token with different fields (a page brought back
 * with the browser's Back button, something new typed) is a new submission, never dropped.
 */
const { formSubmissions } = tables;

export const SUBMISSION_FIELD = 'submission';
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const KEEP_FOR = RETENTION.submissionsMs;

/** A fresh token for one rendered form. */
export function submissionToken(): string {
	return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(18)));
}

function keyOf(userId: string, token: string, form: FormData): string {
	const fields = [...form].filter(([name, value]) => name !== SUBMISSION_FIELD && typeof value === 'string');
	return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify([userId, token, fields]))));
}

/**
 * Runs `store` (which writes, and returns something JSON can keep) once per submission, in the same
 * write() as the record of the token; a repeat returns what the first run returned. A form without
 * a valid token is stored as usual.
 */
export function storeOnce<T>(form: FormData, userId: string, store: () => T, now = Date.now()): T {
	const token = form.get(SUBMISSION_FIELD);
	if (typeof token !== 'string' || !TOKEN.test(token)) return store();
	const key = keyOf(userId, token, form);
	return write((tx) => {
		const seen = tx.select().from(formSubmissions).where(eq(formSubmissions.token, key)).get();
		if (seen) return (seen.result === null ? undefined : JSON.parse(seen.result)) as T;
		const result = store();
		tx.delete(formSubmissions)
			.where(lt(formSubmissions.createdAt, now - KEEP_FOR))
			.run();
		tx.insert(formSubmissions)
			.values({
				token: key,
				userId,
				result: result === undefined ? null : JSON.stringify(result),
				createdAt: now
			})
			.run();
		return result;
	});
}
