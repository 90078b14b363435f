import type { RouteRule } from './rules';

export const PREPARE_RULES: RouteRule[] = [];
