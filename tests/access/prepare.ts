import { familyAction, fixed, only, type RouteRule } from './rules';

/**
 * The child's own preparation: agenda, chairing and running order, about my
 * meeting, support. Child pages take no ids: the child is the signed-in user, so "own" and "other"
 * are the same path and only a child (Sam) gets in; everyone else is refused.
 */
const child = familyAction('child');

export const PREPARE_RULES: RouteRule[] = [
	{
		route: '/me/agenda',
		path: fixed('/me/agenda'),
		get: only('child'),
		actions: { add: child, starter: child, edit: child, remove: child, move: child, reorder: child }
	},
	{ route: '/me/chair', path: fixed('/me/chair'), get: only('child'), actions: { default: child } },
	{ route: '/me/chair/running-order', path: fixed('/me/chair/running-order'), get: only('child') },
	{ route: '/me/meeting', path: fixed('/me/meeting'), get: only('child'), actions: { default: child } },
	{
		route: '/me/support',
		path: fixed('/me/support'),
		get: only('child'),
		actions: { request: child, withdraw: child }
	}
];
