/**
 * How a child wants to be addressed in languages whose grammar marks it ("أنتِ مهمّة", "byłaś").
 * The child chooses (asked once on their home page, changed in settings); it is never assumed from the
 * record. `skipped` means they chose not to answer: we write as for `neutral` and do not ask again.
 */
export const ADDRESS_CHOICES = ['female', 'male', 'neutral'] as const;
export const ADDRESS_ANSWERS = [...ADDRESS_CHOICES, 'skipped'] as const;
export type Address = (typeof ADDRESS_ANSWERS)[number];
/** An i18next context: `key_female`, `key_male`; without one the neutral (base) key is used. */
export type AddressContext = 'female' | 'male';

export function isAddress(value: unknown): value is Address {
	return typeof value === 'string' && (ADDRESS_ANSWERS as readonly string[]).includes(value);
}

export function addressContext(address: Address | null | undefined): AddressContext | undefined {
	return address === 'female' || address === 'male' ? address : undefined;
}

/** A context suffix on a translation key ("home.ready_female", "count_male_one"). */
export const CONTEXT_SUFFIX = /_(female|male)(?=(?:_(?:zero|one|two|few|many|other))?$)/;

/** The context a reader is addressed with: only a child is asked, so only a child's answer counts. */
export function readerAddress(
	user: { role: string; address: Address | null } | null | undefined
): AddressContext | undefined {
	return user?.role === 'child' ? addressContext(user.address) : undefined;
}
