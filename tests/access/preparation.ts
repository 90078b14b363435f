import type { RouteRule } from './rules';

/**
 * Access rules for "before the meeting". Each area's pages add their rows to their own
 * list here, and ACCESS_MATRIX includes them all.
 */
import { SAY_RULES } from './say';
import { PREPARE_RULES } from './prepare';
import { PACK_RULES } from './pack';
import { OUTCOME_RULES } from './outcomes';

export const PREPARATION_RULES: RouteRule[] = [
	...SAY_RULES,
	...PREPARE_RULES,
	...PACK_RULES,
	...OUTCOME_RULES
];
