import { inList, keptQuery, tables } from './db';
import { isOpen, type Meeting } from './meetings';
import { viewsOfMeeting, viewsOfMeetings, viewsShown } from './views';
import type { Child } from './children';
import { consultationFor, consultationStatuses } from './consultation';
import { agendaAsRead, agendaCounts } from './agenda';
import { translator } from './i18n';
import type { Translate } from '$lib/i18n/translate';
import { choicesFor, choicesForMeetings } from './choices';
import { openSupportCounts, supportForMeeting } from './support';
import { linkedCarers } from './carers';
import { remindersOf } from './reminders';
import { packReads } from './audit';
import { sentSayVoices } from './voice';
import { ageOn } from '$lib/domain/age';
import { daysBetween, londonDate } from '$lib/domain/dates';
import {
	canRemind,
	carersHeard,
	groupAnswers,
	hasChoices,
	notHeardFrom,
	type BeforeTheMeeting
} from '$lib/domain/pack';
import { callName } from '$lib/domain/names';

/**
 * The IRO's pre-meeting pack, and the caseload's "who has the IRO heard from". What the child and
 * carers prepared is read through the modules that own those tables (consultation, agenda, choices,
 * support, views, reminders), singly for a pack and in bulk for the caseload.
 */
const { childCarers } = tables;

/* ---------- The pack ---------- */

/**
 * Everything the child and their carers sent for one meeting, as the IRO reads it. The child's answers
 * appear as last SENT (changes the child has not sent yet show only as "changes not sent yet", with
 * when); carers' views once sent.
 */
export function assemblePack(
	meeting: Meeting,
	child: Child,
	now = Date.now(),
	t: Translate = translator('en')
) {
	const consultation = consultationFor(meeting.id);
	const state = consultation?.status ?? 'notStarted';
	const views = new Map(viewsOfMeeting(meeting.id).map((v) => [v.carerId, v]));
	const remindersSent = remindersOf(meeting.id);
	const open = isOpen(meeting, now);
	const carerList = linkedCarers(child.id).map((c) => {
		const v = views.get(c.id);
		const sent = v?.sentAt != null;
		return {
			id: c.id,
			fullName: c.fullName,
			relationship: c.relationship,
			relationshipLang: c.relationshipLang,
			hasAccount: c.hasAccount,
			hasEmail: c.email !== null,
			state: sent ? ('sent' as const) : v ? ('draft' as const) : ('none' as const),
			views: sent && v ? viewsShown(v) : null,
			canRemind: canRemind({ meetingOpen: open, sentAt: v?.sentAt ?? null, reachable: c.hasAccount }),
			lastReminder: remindersSent.find((r) => r.carerId === c.id)?.createdAt ?? null
		};
	});
	const choices = choicesFor(meeting.id);
	return {
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			startsAt: meeting.startsAt,
			venue: meeting.venue,
			venueLang: meeting.venueLang,
			mode: meeting.mode,
			cancelled: meeting.cancelledAt !== null,
			open,
			daysAway: daysBetween(londonDate(now), londonDate(meeting.startsAt))
		},
		child: {
			id: child.id,
			fullName: child.fullName,
			name: callName(child),
			age: ageOn(child.dateOfBirth, londonDate(meeting.startsAt)),
			hasAccount: child.userId !== null
		},
		say: {
			state,
			version: consultation?.version ?? null,
			withCarer: consultation?.withCarer ?? false,
			sentAt: consultation?.sentAt ?? null,
			updatedAt: consultation?.updatedAt ?? null,
			unsentChangesAt: consultation?.unsentChangesAt ?? null,
			groups:
				consultation?.sentAnswers && state === 'sent'
					? groupAnswers(consultation.version, consultation.age, consultation.sentAnswers, null)
					: [],
			// Voice answers (issue 13) as sent, each with its question and who can see it.
			voices: consultation && state === 'sent' ? sentSayVoices(consultation.id, consultation.sentAt) : [],
			canRemind: canRemind({
				meetingOpen: open,
				sentAt: consultation?.sentAt ?? null,
				reachable: child.userId !== null
			}),
			lastReminder: remindersSent.find((r) => r.carerId === null)?.createdAt ?? null
		},
		agenda: agendaAsRead(meeting.id, t),
		chair: choices?.chair ?? null,
		chairHelpRequestedAt: choices?.chairHelpRequestedAt ?? null,
		choices: choices && hasChoices(choices.choices) ? choices.choices : null,
		choicesUpdatedAt: choices?.updatedAt ?? null,
		support: supportForMeeting(meeting),
		carers: carerList,
		heard: carersHeard(carerList),
		reminders: remindersSent.map((r) => ({
			id: r.id,
			to: r.carerId ? (carerList.find((c) => c.id === r.carerId)?.fullName ?? '') : null,
			by: r.by,
			createdAt: r.createdAt
		})),
		reads: packReads(meeting.id)
	};
}

export type Pack = ReturnType<typeof assemblePack>;

/* ---------- The caseload: who has the IRO heard from? ---------- */

/** For each child with an upcoming meeting, what has come in for it (a handful of queries for the lot). */
export function beforeTheMeeting(
	rows: Array<{ childId: string; meetingId: string }>
): Record<string, BeforeTheMeeting> {
	const out: Record<string, BeforeTheMeeting> = {};
	if (!rows.length) return out;
	const meetingIds = rows.map((r) => r.meetingId);
	const childIds = rows.map((r) => r.childId);
	const says = consultationStatuses(meetingIds);
	const agenda = agendaCounts(meetingIds);
	const choices = choicesForMeetings(meetingIds);
	const links = carerLinksQuery().all({ childIds: JSON.stringify(childIds) });
	const sentViews = viewsOfMeetings(meetingIds).filter((v) => v.sentAt !== null);
	const waiting = openSupportCounts(childIds);

	for (const { childId, meetingId } of rows) {
		const say = says.get(meetingId);
		const carerIds = new Set(links.filter((l) => l.childId === childId).map((l) => l.carerId));
		const carersSent = sentViews.filter((v) => v.meetingId === meetingId && carerIds.has(v.carerId)).length;
		const choice = choices.get(meetingId);
		const childSentAt = say?.status === 'sent' ? say.sentAt : null;
		out[childId] = {
			meetingId,
			childSentAt,
			childStarted: say?.status === 'started',
			carersSent,
			carersTotal: carerIds.size,
			agendaItems: agenda.get(meetingId) ?? 0,
			chair: choice?.chair ?? null,
			supportWaiting: waiting.get(childId) ?? 0,
			talkBefore: choice?.choices.talkFirst === 'yes',
			notHeard: notHeardFrom({ childSentAt, carersSent })
		};
	}
	return out;
}

/** Which carers are linked to each of these children (`childIds`, a JSON array). */
const carerLinksQuery = keptQuery((db) =>
	db
		.select({ childId: childCarers.childId, carerId: childCarers.carerId })
		.from(childCarers)
		.where(inList(childCarers.childId, 'childIds'))
		.prepare()
);
