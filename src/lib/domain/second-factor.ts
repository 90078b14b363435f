/**
 * Staff sign in with a password and then a second factor (a passkey, or a one-time recovery code).
 * Children and carers keep the simple sign-in (WCAG 3.3.8: no cognitive test for them).
 *
 * `required`: every staff member must use a passkey; one who has none is sent to set one up first.
 * `optional` (the default): a staff member who has added a passkey must use it at every sign-in
 * (otherwise it would protect nothing); one who has none signs in with their password as before.
 */
export type SecondFactorMode = 'required' | 'optional';

/** What this session still has to do: nothing, use a passkey (or code), or set up a passkey first. */
export type SecondFactorStep = 'none' | 'verify' | 'setup';

export const SECOND_FACTOR_PAGE = '/account/second-factor';
export const PASSKEYS_PAGE = '/account/passkeys';

/** Recovery codes a staff member gets at once (each works once). */
export const RECOVERY_CODE_COUNT = 10;

export function secondFactorStep(facts: {
	role: string;
	mode: SecondFactorMode;
	passkeys: number;
	/** This session has used a second factor already. */
	done: boolean;
}): SecondFactorStep {
	if (facts.role !== 'iro' && facts.role !== 'manager') return 'none';
	if (facts.done) return 'none';
	if (facts.passkeys > 0) return 'verify';
	return facts.mode === 'required' ? 'setup' : 'none';
}

/**
 * Pages a session that still owes its second factor may reach: that step's page, signing out, the quick
 * exit, settings, and the language kit every page loads (`i18n/language-kit.ts`).
 */
const ALWAYS_OPEN = ['/signout', '/leave', '/settings', '/i18n'];

export function allowedBeforeSecondFactor(step: SecondFactorStep, pathname: string): boolean {
	if (step === 'none') return true;
	const own = step === 'verify' ? SECOND_FACTOR_PAGE : PASSKEYS_PAGE;
	return [own, ...ALWAYS_OPEN].some((open) => pathname === open || pathname.startsWith(`${open}/`));
}

/** May this passkey be removed? Not the last one while passkeys are required. */
export function mayRemovePasskey(mode: SecondFactorMode, passkeys: number): boolean {
	return passkeys > 1 || mode === 'optional';
}

/** A recovery code as typed (spaces, dashes, capitals forgiven), or null if it cannot be one. */
export function normaliseRecoveryCode(typed: string): string | null {
	const code = typed.toLowerCase().replace(/[\s-]/g, '');
	return /^[a-z2-7]{12}$/.test(code) ? code : null;
}

/** How a recovery code is shown: three groups of four ("abcd-efgh-ijkl"). */
export function formatRecoveryCode(code: string): string {
	return code.match(/.{1,4}/g)!.join('-');
}
