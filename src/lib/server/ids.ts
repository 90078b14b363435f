import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random public id: 120 bits, base32 (never an autoincrement number in a URL). */
export function newId(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}
