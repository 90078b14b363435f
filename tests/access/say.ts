import { familyAction, fixed, only, type RouteRule } from './rules';

/**
 * "My say": only the signed-in child, for their own next meeting. The pages take
 * no ids; everyone else is refused (404), visitors are asked to sign in. `good` is a step that every
 * version of the form has.
 */
export const SAY_RULES: RouteRule[] = [
	{
		route: '/me/say',
		path: fixed('/me/say'),
		get: only('child'),
		actions: { start: familyAction('child') }
	},
	{
		route: '/me/say/[step]',
		path: fixed('/me/say/good'),
		get: only('child'),
		actions: {
			save: familyAction('child'),
			autosave: familyAction('child'),
			removeVoice: familyAction('child')
		}
	},
	{
		route: '/me/say/check',
		path: fixed('/me/say/check'),
		get: only('child'),
		actions: { send: familyAction('child') }
	}
];
