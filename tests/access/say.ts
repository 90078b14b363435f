import type { RouteRule } from './rules';

export const SAY_RULES: RouteRule[] = [];
