/**
 * The access test matrix: every route × every role × own / someone else's record.
 * `tests/unit/access-matrix.test.ts` fails if a route or form action under src/routes is missing here,
 * so a new route cannot ship without deciding who may use it. `tests/e2e/access.e2e.ts` checks each cell
 * against the running server.
 *
 * "Own" records are Sam (child of IRO amina, foster child of carer helen), his conversation and Amina's
 * photo; "other" records are Kacper (IRO ben, no link to helen), his conversation and Ben's account.
 */
import { PREPARATION_RULES } from './access/preparation';
import { FEEDBACK_RULES } from './access/feedback';
import { REVIEW_RULES } from './access/review';
import { OVERSIGHT_RULES } from './access/oversight';
import { AUDIT_RULES } from './access/audit';
import { ENDING_RULES } from './access/ending';
import { PASSKEY_RULES } from './access/passkeys';
import { FORMAT_RULES } from './access/formats';
import { DOCUMENT_RULES } from './access/documents';
import {
	child,
	everyone,
	familyAction,
	fixed,
	iroOnlyAction,
	only,
	ownIroOnly,
	refusedToNonStaff,
	staffChild,
	visitorsOnly,
	type RouteRule
} from './access/rules';

export type { Actor, Expect, Ids, Outcome, RouteRule, Which } from './access/rules';

export const ACCESS_MATRIX: RouteRule[] = [
	...PREPARATION_RULES,
	...FEEDBACK_RULES,
	...REVIEW_RULES,
	...OVERSIGHT_RULES,
	...AUDIT_RULES,
	...ENDING_RULES,
	...PASSKEY_RULES,
	...FORMAT_RULES,
	...DOCUMENT_RULES,
	{ route: '/', path: fixed('/'), get: visitorsOnly },
	{ route: '/signin', path: fixed('/signin'), get: visitorsOnly, actions: { default: {} } },
	{ route: '/join', path: fixed('/join'), get: visitorsOnly, actions: { code: {}, create: {} } },
	{ route: '/help', path: fixed('/help'), get: everyone },
	// A language's date kit and language names, which every page's script loads (i18n/language-kit.ts).
	{ route: '/i18n/[lang]', path: fixed('/i18n/ar'), get: everyone },
	{ route: '/accessibility', path: fixed('/accessibility'), get: everyone },
	// The privacy notices (for children and young people, for parents and carers): public, linked from every footer.
	{ route: '/privacy', path: fixed('/privacy'), get: everyone },
	{ route: '/privacy/carers', path: fixed('/privacy/carers'), get: everyone },
	{
		route: '/settings',
		path: fixed('/settings'),
		get: everyone,
		actions: { language: {}, display: {}, address: familyAction('child'), pictures: familyAction('child') }
	},
	{
		route: '/signout',
		path: fixed('/signout'),
		get: { anon: 'redirect', child: 'redirect', carer: 'redirect', iro: 'redirect', manager: 'redirect' },
		actions: { default: {} }
	},
	{
		// The quick exit: signs out and goes to the neutral site, for everyone, with or without a form.
		route: '/leave',
		path: fixed('/leave'),
		get: { anon: 'redirect', child: 'redirect', carer: 'redirect', iro: 'redirect', manager: 'redirect' },
		actions: { default: {} },
		signsOut: true
	},
	{
		route: '/account/password',
		path: fixed('/account/password'),
		get: { ...everyone, anon: 'signIn' },
		actions: { default: { anon: 'signIn' } }
	},
	{
		// Shown once after signing in when there is something to tell (a password reset); else it goes on.
		route: '/account/notices',
		path: fixed('/account/notices'),
		get: { anon: 'signIn', child: 'redirect', carer: 'redirect', iro: 'redirect', manager: 'redirect' }
	},
	{ route: '/me', path: fixed('/me'), get: only('child') },
	{
		route: '/me/messages',
		path: fixed('/me/messages'),
		get: only('child'),
		actions: { default: familyAction('child') }
	},
	{
		route: '/me/safe',
		path: fixed('/me/safe'),
		get: only('child'),
		actions: { default: familyAction('child') }
	},
	{ route: '/carer', path: fixed('/carer'), get: only('carer') },
	{
		route: '/carer/children/[childId]',
		path: (ids, which) => `/carer/children/${which === 'own' ? ids.ownChild : ids.otherChild}`,
		get: only('carer', { own: 'ok', other: 'notFound' })
	},
	{
		route: '/carer/children/[childId]/messages',
		path: (ids, which) => `/carer/children/${which === 'own' ? ids.ownChild : ids.otherChild}/messages`,
		get: only('carer', { own: 'ok', other: 'notFound' }),
		actions: { default: { ...familyAction('carer'), carer: { own: 'ok', other: 'notFound' } } }
	},
	{ route: '/iro', path: fixed('/iro'), get: only('iro') },
	{ route: '/iro/inbox', path: fixed('/iro/inbox'), get: { ...only('iro'), manager: 'ok' } },
	{
		route: '/iro/conversations/[conversationId]',
		path: (ids, which) =>
			`/iro/conversations/${which === 'own' ? ids.ownConversation : ids.otherConversation}`,
		get: staffChild,
		// readPrivate: a manager's reason to read the messages (the child's IRO needs none).
		actions: {
			reply: ownIroOnly,
			done: ownIroOnly,
			acknowledge: ownIroOnly,
			readPrivate: { ...refusedToNonStaff, iro: 'notFound' }
		}
	},
	{
		route: '/people/[userId]/photo',
		path: (ids, which) => `/people/${which === 'own' ? ids.ownIro : ids.otherIro}/photo`,
		get: {
			anon: 'signIn',
			child: { own: 'ok', other: 'notFound' },
			carer: { own: 'ok', other: 'notFound' },
			iro: 'ok',
			manager: 'ok'
		}
	},
	{
		// A voice answer or message (issue 13). The demo holds no recording, so the matrix checks that an
		// unknown one is 404 for everyone signed in; who may play a real one: tests/e2e/voice.e2e.ts and
		// tests/unit/voice.test.ts.
		route: '/voice/[voiceId]',
		path: fixed('/voice/aaaaaaaaaaaaaaaaaaaaaaaa'),
		get: { anon: 'signIn', child: 'notFound', carer: 'notFound', iro: 'notFound', manager: 'notFound' }
	},
	{
		route: '/iro/profile',
		path: fixed('/iro/profile'),
		get: only('iro'),
		actions: { save: iroOnlyAction, photo: iroOnlyAction, removePhoto: iroOnlyAction }
	},
	{
		route: '/iro/children/new',
		path: fixed('/iro/children/new'),
		get: only('iro'),
		actions: { default: iroOnlyAction }
	},
	{
		route: '/iro/children/[childId]',
		path: child(),
		get: staffChild,
		actions: { revoke: ownIroOnly, pictures: ownIroOnly }
	},
	{
		route: '/iro/children/[childId]/meetings/[meetingId]',
		path: (ids, which) =>
			which === 'own'
				? `/iro/children/${ids.ownChild}/meetings/${ids.ownMeeting}`
				: `/iro/children/${ids.otherChild}/meetings/${ids.otherMeeting}`,
		get: staffChild,
		actions: { move: ownIroOnly, cancel: ownIroOnly }
	},
	{
		route: '/iro/children/[childId]/meetings/new',
		path: child('/meetings/new'),
		get: staffChild,
		actions: { default: ownIroOnly }
	},
	{
		route: '/iro/children/[childId]/carers/new',
		path: child('/carers/new'),
		get: staffChild,
		actions: { add: ownIroOnly, link: ownIroOnly }
	},
	{
		route: '/iro/children/[childId]/letter',
		path: child('/letter'),
		get: staffChild,
		actions: { issue: ownIroOnly, show: ownIroOnly }
	},
	{
		// The welcome letter in Braille or as audio, posted from its page with the waiting code.
		route: '/iro/children/[childId]/letter/download',
		path: child('/letter/download'),
		get: { anon: 'signIn', child: 'notFound', carer: 'notFound', iro: 'notFound', manager: 'notFound' },
		actions: { POST: ownIroOnly }
	},
	{
		// Sam and Kacper both have accounts; a carer's reset (for=<carer>) is for managers only, see
		// tests/e2e/flow-accounts.e2e.ts.
		route: '/iro/children/[childId]/reset',
		path: child('/reset'),
		get: staffChild,
		actions: { default: ownIroOnly }
	},
	{ route: '/manage', path: fixed('/manage'), get: only('manager') },
	{ route: '/manage/urgent', path: fixed('/manage/urgent'), get: only('manager') },
	// Emails given up on after their last attempt (issue 14): the address, the subject and the error.
	{ route: '/manage/emails', path: fixed('/manage/emails'), get: only('manager') },
	{
		route: '/manage/allocations',
		path: fixed('/manage/allocations'),
		get: only('manager'),
		actions: { default: { ...refusedToNonStaff, iro: 'notFound' } }
	},
	{
		route: '/manage/staff/new',
		path: fixed('/manage/staff/new'),
		get: only('manager'),
		actions: { default: { ...refusedToNonStaff, iro: 'notFound' } }
	},
	{
		route: '/manage/iros/[iroId]',
		path: (ids, which) => `/manage/iros/${which === 'own' ? ids.otherIro : ids.ownChild}`,
		get: only('manager', { own: 'ok', other: 'notFound' })
	}
];
