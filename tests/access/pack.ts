import type { RouteRule } from './rules';

export const PACK_RULES: RouteRule[] = [];
