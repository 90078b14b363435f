import { request, type APIRequestContext } from '@playwright/test';
import { expect, DEMO_PASSWORD } from './fixtures';
import type { Actor, Ids } from '../access-matrix';

/** Signing in as each role of the access matrix, and the demo's records it names (access.e2e.ts, fuzz.e2e.ts). */
export const LOGINS: Record<Exclude<Actor, 'anon'>, string> = {
	child: 'sam',
	carer: 'helen',
	iro: 'amina',
	manager: 'manager'
};

/** A signed-in API session as `actor` (a role, or a demo login) on the server at `base`. */
export async function session(base: string, actor: Actor | string): Promise<APIRequestContext> {
	const ctx = await request.newContext({
		baseURL: base,
		extraHTTPHeaders: { origin: base, accept: 'text/html' }
	});
	if (actor === 'anon') return ctx;
	const response = await ctx.post('/signin', {
		form: { login: LOGINS[actor as Exclude<Actor, 'anon'>] ?? actor, password: DEMO_PASSWORD },
		maxRedirects: 0
	});
	expect(response.status(), `sign in as ${actor}`).toBe(303);
	return ctx;
}

/** The ids of Sam's and Kacper's records, read from the pages (see tests/access-matrix.ts). */
export async function demoIds(base: string, manager: APIRequestContext): Promise<Ids> {
	const session_ = (login: string) => session(base, login);
	const html = await (await manager.get('/manage')).text();
	const inbox = await (await manager.get('/iro/inbox')).text();
	const link = (source: string, path: string, name: string) =>
		source.match(new RegExp(`${path}(\\w+)"[^>]*>(?:<[^>]+>|\\s)*${name}`))?.[1] ?? '';
	const ids: Ids = {
		ownChild: link(html, '/iro/children/', 'Samuel Carter'),
		otherChild: link(html, '/iro/children/', 'Kacper Nowak'),
		ownIro: link(html, '/manage/iros/', 'Amina Rahman'),
		otherIro: link(html, '/manage/iros/', 'Ben Kowalski'),
		ownConversation: link(inbox, '/iro/conversations/', 'Samuel Carter</bdi>(?:<!--[^>]*-->)*</a>'),
		otherConversation: link(inbox, '/iro/conversations/', 'Kacper Nowak</bdi>(?:<!--[^>]*-->)*</a>'),
		ownMeeting: '',
		otherMeeting: '',
		ownHeldMeeting: '',
		otherHeldMeeting: '',
		ownLetter: '',
		otherLetter: ''
	};
	// The next meeting's "Move or cancel" link (not a past meeting's "/write-up" link).
	const meetingOf = async (childId: string) =>
		(await (await manager.get(`/iro/children/${childId}`)).text()).match(
			/\/meetings\/(?!new\b)(\w+)"/
		)?.[1] ?? 'none';
	ids.ownMeeting = await meetingOf(ids.ownChild);
	ids.otherMeeting = await meetingOf(ids.otherChild);
	// Held reviews (linked for their own IRO only) and letters (listed for their own child only).
	const heldOf = async (login: string, childId: string) =>
		[
			...(await (await (await session_(login)).get(`/iro/children/${childId}`)).text()).matchAll(
				/\/meetings\/(\w+)\/outcomes"/g
			)
		].pop()?.[1] ?? '';
	const letterOf = async (login: string) =>
		(await (await (await session_(login)).get('/me/letters')).text()).match(/\/me\/letters\/(\w+)/)?.[1] ??
		'';
	ids.ownHeldMeeting = await heldOf('amina', ids.ownChild);
	ids.otherHeldMeeting = await heldOf('ben', ids.otherChild);
	ids.ownLetter = await letterOf('sam');
	ids.otherLetter = await letterOf('kacper');
	const pastMeetingOf = async (childId: string) =>
		[
			...(await (await manager.get(`/iro/children/${childId}`)).text()).matchAll(
				/\/meetings\/(\w+)\/write-up"/g
			)
		].pop()?.[1] ?? 'none';
	ids.ownPastMeeting = await pastMeetingOf(ids.ownChild);
	ids.otherPastMeeting = await pastMeetingOf(ids.otherChild);
	// An open concern in each child's oversight log (the first link in the log, open ones first).
	const concernOf = async (childId: string) =>
		(await (await manager.get(`/iro/children/${childId}/oversight`)).text()).match(
			/\/oversight\/(\w+)"/
		)?.[1] ?? 'none';
	ids.ownConcern = await concernOf(ids.ownChild);
	// Helen's carer record, from the "Unlink Helen Price" link on Sam's page.
	ids.ownCarer =
		(await (await manager.get(`/iro/children/${ids.ownChild}`)).text()).match(
			/\/carers\/(\w+)\/unlink"/
		)?.[1] ?? '';
	ids.otherConcern = await concernOf(ids.otherChild);
	expect(Object.values(ids).every(Boolean), JSON.stringify(ids)).toBe(true);
	return ids;
}
