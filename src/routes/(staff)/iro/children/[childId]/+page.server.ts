import type { Actions, PageServerLoad } from './$types';
import { canCloseRecord, canReopenRecord, canResetPassword, requireChild } from '$lib/server/access';
// Unlinking carers, closing the record (issue 10).
import { carerAfterUnlink, wasUnlinked } from '$lib/server/ending';
import { setPictureVersion, timescaleOf } from '$lib/server/children';
import { meetingsOfChild } from '$lib/server/meetings';
import { carersOfChild, carerOfChild } from '$lib/server/carers';
import { latestInvite, revokeInvites } from '$lib/server/auth/invites';
import { getUser } from '$lib/server/accounts';
import { inbox } from '$lib/server/messages';
import { urgentOf } from '$lib/server/urgent';
import { ageOn } from '$lib/domain/age';
import { londonDate } from '$lib/domain/dates';
import { reviewState } from '$lib/domain/meeting-lifecycle';
import { afterPost, done, parseForm } from '$lib/server/forms';
import { pictureVersionSchema } from '$lib/forms/records';
import { openConcernCount } from '$lib/server/oversight';
import { openFormatCount } from '$lib/server/formats';
import { auditRead } from '$lib/server/audit';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	const now = Date.now();
	auditRead(locals.user!, 'child', { childId: child.id }, now);
	const meetings = meetingsOfChild(child.id);
	const carers = carersOfChild(child.id).map(({ carer, relationship }) => ({
		id: carer.id,
		fullName: carer.fullName,
		relationship,
		email: carer.email,
		phone: carer.phone,
		hasAccount: carer.userId !== null,
		userId: carer.userId,
		invite: latestInvite({ carerId: carer.id }, now)?.state ?? null
	}));
	return {
		child: { ...child, age: ageOn(child.dateOfBirth, londonDate(now)) },
		iroName: child.iroId ? (getUser(child.iroId)?.displayName ?? null) : null,
		meetings: meetings.map((m) => ({ ...m, past: m.startsAt <= now, state: reviewState(m, now) })),
		timescale: timescaleOf(child, meetings, now),
		// Held reviews get outcomes, decisions and a letter to the child, written by the child's IRO.
		heldIds:
			locals.user!.role === 'iro'
				? meetings.filter((m) => reviewState(m, now) === 'held').map((m) => m.id)
				: [],
		carers,
		childInvite: latestInvite({ childId: child.id }, now)?.state ?? null,
		canReset: {
			child: canResetPassword(locals.user!, child, 'child'),
			carer: canResetPassword(locals.user!, child, 'carer')
		},
		conversations: inbox(null, child.id),
		isManager: locals.user!.role === 'manager',
		urgent: urgentOf({ childId: child.id }),
		openConcerns: openConcernCount(child.id),
		openFormats: openFormatCount(child.id),
		now,
		added: url.searchParams.has('added'),
		scheduled: url.searchParams.has('scheduled'),
		moved: url.searchParams.has('moved'),
		cancelled: url.searchParams.has('cancelled'),
		writtenUp: url.searchParams.has('writtenUp'),
		carerAdded: url.searchParams.has('carerAdded'),
		closed: child.closedAt !== null,
		canClose: canCloseRecord(locals.user!, child),
		canReopen: canReopenRecord(locals.user!),
		unlinked: unlinkedNotice(child.id, url.searchParams.get('unlinked')),
		recordClosed: url.searchParams.has('recordClosed') && child.closedAt !== null,
		reopened: url.searchParams.has('reopened') && child.closedAt === null,
		pictureVersionSaved: url.searchParams.get('done') === 'pictures'
	};
};

/** What happened to a carer just unlinked from this child (only one the audit says was). */
function unlinkedNotice(childId: string, carerId: string | null) {
	if (!carerId || !wasUnlinked(childId, carerId)) return null;
	return carerAfterUnlink(carerId);
}

export const actions: Actions = {
	revoke: async ({ params, request }) => {
		const child = requireChild(params.childId, 'manage', 'iro', 'manager');
		const target = String((await request.formData()).get('for') ?? '');
		if (target === 'child') revokeInvites({ childId: child.id });
		else if (carerOfChild(child.id, target)) revokeInvites({ carerId: target });
		return done('revoked');
	},
	/** "Use the picture version" for this child, whatever their age (audited). */
	pictures: async (event) => {
		const child = requireChild(event.params.childId, 'manage', 'iro', 'manager');
		const form = await event.request.formData();
		const { data, failure } = parseForm(pictureVersionSchema, form);
		if (failure) return failure;
		setPictureVersion(child, data.pictures === 'on', event.locals.user!.id);
		return afterPost(event, done('pictures'));
	}
};
