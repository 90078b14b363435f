import { fixed, only, type Ids, type RouteRule, type Which } from './rules';

/**
 * Braille and audio downloads of the documents that matter: the same access as each document's own
 * page (the child's letter, agenda and My say: the child only, another child's letter 404; the IRO's
 * preview of the letter: the child's own IRO only). Braille (quick to make) is what the matrix asks for.
 */
export const DOCUMENT_RULES: RouteRule[] = [
	{
		route: '/me/letters/[letterId]/download/[format]',
		path: (ids: Ids, which: Which) =>
			`/me/letters/${which === 'own' ? ids.ownLetter : ids.otherLetter}/download/brf`,
		get: only('child', { own: 'ok', other: 'notFound' })
	},
	{
		route: '/iro/children/[childId]/meetings/[meetingId]/letter/download/[format]',
		path: (ids: Ids, which: Which) =>
			which === 'own'
				? `/iro/children/${ids.ownChild}/meetings/${ids.ownHeldMeeting}/letter/download/brf`
				: `/iro/children/${ids.otherChild}/meetings/${ids.otherHeldMeeting}/letter/download/brf`,
		get: only('iro', { own: 'ok', other: 'notFound' })
	},
	{ route: '/me/agenda/download/[format]', path: fixed('/me/agenda/download/brf'), get: only('child') },
	{ route: '/me/say/download/[format]', path: fixed('/me/say/download/brf'), get: only('child') }
];
