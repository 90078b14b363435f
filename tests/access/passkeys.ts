import { fixed, only, refusedToNonStaff, type RouteRule } from './rules';

/**
 * Staff passkeys. A staff member's own passkeys and recovery codes: staff only (children and carers
 * have none). The second-factor page is for a staff session that still has to use its passkey; every
 * other signed-in visitor (the demo's staff have no passkey) goes on to their home.
 */
const goesOn = {
	anon: 'signIn',
	child: 'redirect',
	carer: 'redirect',
	iro: 'redirect',
	manager: 'redirect'
} as const;

export const PASSKEY_RULES: RouteRule[] = [
	{
		route: '/account/passkeys',
		path: fixed('/account/passkeys'),
		get: { ...only('iro'), manager: 'ok' },
		actions: {
			options: refusedToNonStaff,
			add: refusedToNonStaff,
			remove: refusedToNonStaff,
			codes: refusedToNonStaff
		}
	},
	{
		route: '/account/second-factor',
		path: fixed('/account/second-factor'),
		get: goesOn,
		actions: { options: goesOn, passkey: goesOn, recovery: goesOn }
	}
];
