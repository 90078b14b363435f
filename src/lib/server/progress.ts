import { meetingToPrepare } from './meetings';
import { consultationFor } from './consultation';
import { sentSayVoices } from './voice';
import { agendaAsRead, agendaFor } from './agenda';
import { translator } from './i18n';
import type { Translate } from '$lib/i18n/translate';
import { choicesFor } from './choices';
import { supportOf } from './support';
import { viewsOf } from './views';
import { latestReminder } from './reminders';
import type { Child } from './children';
import { hasChoices, sharedAnswers } from '$lib/domain/pack';

/**
 * What a child or carer sees of their own preparation for the next meeting: the child's checklist on
 * their home page, a carer's views and reminder, and what the child shared with everyone.
 */

/** The child's home: for their next meeting, what they have done, what they still can do, any reminder. */
export function childChecklist(
	child: Pick<Child, 'id'>,
	now = Date.now(),
	meeting = meetingToPrepare(child.id, now)
) {
	if (!meeting) return null;
	const consultation = consultationFor(meeting.id);
	const state = consultation?.status ?? 'notStarted';
	const choices = choicesFor(meeting.id);
	// The latest request of each kind (newest first), unless the child withdrew it.
	const support = supportOf(child.id)
		.filter((s, i, all) => all.findIndex((o) => o.kind === s.kind) === i)
		.filter((s) => s.status !== 'withdrawn');
	return {
		meetingId: meeting.id,
		say: { state, sentAt: consultation?.sentAt ?? null },
		agendaItems: agendaFor(meeting.id).length,
		chair: choices?.chair ?? null,
		aboutDone: choices ? hasChoices(choices.choices) : false,
		support: support.map((s) => ({ kind: s.kind, status: s.status })),
		reminder: state === 'sent' ? null : latestReminder(meeting.id, { childId: child.id })
	};
}

/** A carer's page about one child: their views for the next meeting, any reminder, and what the child shared. */
export function carerPreparation(
	childId: string,
	carerId: string,
	now = Date.now(),
	meeting = meetingToPrepare(childId, now)
) {
	if (!meeting) return null;
	const views = viewsOf(meeting.id, carerId);
	const state = views?.sentAt != null ? ('sent' as const) : views ? ('draft' as const) : ('none' as const);
	return {
		meetingId: meeting.id,
		views: { state, sentAt: views?.sentAt ?? null, updatedAt: views?.updatedAt ?? null },
		reminder: state === 'sent' ? null : latestReminder(meeting.id, { carerId })
	};
}

/**
 * What the child chose to share with "everyone at my meeting": the answers marked so as the child last
 * SENT them (never a change not sent yet), voice answers marked so as sent, and agenda items marked so. Nothing else of the child's ever
 * reaches a carer.
 */
export function sharedWithEveryone(
	childId: string,
	now = Date.now(),
	t: Translate = translator('en'),
	meeting = meetingToPrepare(childId, now)
) {
	if (!meeting) return { answers: [], voices: [], agenda: [] };
	const consultation = consultationFor(meeting.id);
	const answers =
		consultation?.sentAnswers && consultation.sentAt !== null
			? sharedAnswers(consultation.version, consultation.age, consultation.sentAnswers).map((a) => ({
					id: a.id,
					kind: a.kind,
					value: a.value,
					lang: a.lang
				}))
			: [];
	const voices = consultation
		? sentSayVoices(consultation.id, consultation.sentAt)
				.filter((v) => v.visibility === 'everyone')
				.map((v) => ({ id: v.id, questionId: v.questionId }))
		: [];
	const agenda = agendaAsRead(meeting.id, t)
		.filter((item) => item.visibility === 'everyone')
		.map((item) => ({ id: item.id, text: item.text, lang: item.lang }));
	return { answers, voices, agenda };
}
