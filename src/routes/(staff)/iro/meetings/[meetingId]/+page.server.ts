import type { Actions, PageServerLoad } from './$types';
import { notFound, requireChild, requireRole } from '$lib/server/access';
import { done, failWith, parseForm } from '$lib/server/forms';
import { assemblePack } from '$lib/server/pack';
import { meetingById } from '$lib/server/meetings';
import { auditRead } from '$lib/server/audit';
import { sendReminder } from '$lib/server/reminders';
import { updateSupportStatus } from '$lib/server/support';
import { remindSchema, supportStatusSchema } from '$lib/forms/pack';
import { privateReadSchema } from '$lib/forms/privacy';
import { privateReadsOf, privateShown, recordPrivateRead } from '$lib/server/privacy';
import { withoutPrivate } from '$lib/domain/privacy';

/** The pre-meeting pack: for the child's own IRO and for managers; 404 for anyone else. */
function packAccess(meetingId: string) {
	const user = requireRole('iro', 'manager');
	const meeting = meetingById(meetingId);
	if (!meeting) notFound();
	const child = requireChild(meeting.childId, 'manage', 'iro', 'manager');
	return { user, meeting, child };
}

export const load: PageServerLoad = ({ params, locals }) => {
	const { user, meeting, child } = packAccess(params.meetingId);
	auditRead(user, 'pack', { childId: child.id, subjectId: meeting.id });
	const pack = assemblePack(meeting, child, Date.now(), locals.t);
	const access = privateShown(user, child, meeting.id);
	const privateReads = privateReadsOf(meeting.id);
	// A closed record (the child left care) is read-only: the pack says so.
	const closedOn = child.closedAt !== null ? (child.closedOn ?? '') : null;
	if (access.shown) return { pack, closedOn, privacy: { ...access, withheld: null, privateReads } };
	// Not the child's IRO and no reason given today: what the child kept for their IRO never leaves the server.
	const kept = withoutPrivate(pack.say.groups, pack.agenda);
	const voices = pack.say.voices.filter((v) => v.visibility === 'everyone');
	const withheld = {
		...kept.withheld,
		answers: kept.withheld.answers + pack.say.voices.length - voices.length
	};
	return {
		pack: { ...pack, say: { ...pack.say, groups: kept.groups, voices }, agenda: kept.agenda },
		closedOn,
		privacy: { ...access, withheld, privateReads }
	};
};

export const actions: Actions = {
	/** Someone other than the child's IRO gives a reason to read what the child kept private. */
	readPrivate: async ({ params, request }) => {
		const { user, meeting, child } = packAccess(params.meetingId);
		if (!privateShown(user, child, meeting.id).needsReason) notFound();
		const form = await request.formData();
		const parsed = parseForm(privateReadSchema, form);
		if (parsed.failure) return parsed.failure;
		recordPrivateRead(user.id, meeting.id, parsed.data.reason, parsed.data.note);
		return done('privateOpened');
	},
	remind: async ({ params, request, url }) => {
		const { user, meeting, child } = packAccess(params.meetingId);
		const form = await request.formData();
		const parsed = parseForm(remindSchema, form);
		if (parsed.failure) return parsed.failure;
		const result = sendReminder({
			meeting,
			child,
			to: parsed.data.to,
			createdBy: user.id,
			origin: url.origin
		});
		if (result === 'refused') return failWith(form, { to: 'pack:errors.remindRefused' });
		return done('reminded', { to: parsed.data.to, emailed: result === 'emailed' });
	},
	support: async ({ params, request }) => {
		const { child } = packAccess(params.meetingId);
		const form = await request.formData();
		const parsed = parseForm(supportStatusSchema, form);
		if (parsed.failure) return parsed.failure;
		if (!updateSupportStatus(child.id, parsed.data.requestId, parsed.data.status)) notFound();
		return done('supportUpdated', { requestId: parsed.data.requestId });
	}
};
