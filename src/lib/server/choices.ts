import { eq } from 'drizzle-orm';
import { inList, keptQuery, rowsWhere, tables, write } from './db';
import type { Chair } from '$lib/domain/agenda';
import { parseStoredChoices, type MeetingChoices } from '$lib/forms/prepare';

/**
 * Who chairs the meeting and "about my meeting" (who comes, how the child takes part, where, when,
 * in person or online, talking to the IRO first). All SQL for meeting_choices lives here.
 */
const { meetingChoices } = tables;

export interface ChoicesOfMeeting {
	chair: Chair | null;
	choices: MeetingChoices;
	/** When the child chose to chair or co-chair, so the IRO should get in touch to help them prepare. */
	chairHelpRequestedAt: number | null;
	updatedAt: number;
}

/** What the child chose for this meeting, or null if they have not chosen anything yet. */
export function choicesFor(meetingId: string): ChoicesOfMeeting | null {
	const row = choicesQuery().get({ value: meetingId });
	if (!row) return null;
	return {
		chair: row.chair,
		choices: parseStoredChoices(row.choices),
		chairHelpRequestedAt: row.chairHelpRequestedAt,
		updatedAt: row.updatedAt
	};
}

const choicesQuery = rowsWhere(meetingChoices, meetingChoices.meetingId);

const choicesOfMeetingsQuery = keptQuery((db) =>
	db.select().from(meetingChoices).where(inList(meetingChoices.meetingId, 'ids')).prepare()
);

/** choicesFor for many meetings at once (for the caseload); meetings without choices are left out. */
export function choicesForMeetings(meetingIds: string[]): Map<string, ChoicesOfMeeting> {
	if (!meetingIds.length) return new Map();
	return new Map(
		choicesOfMeetingsQuery()
			.all({ ids: JSON.stringify(meetingIds) })
			.map((row) => [
				row.meetingId,
				{
					chair: row.chair,
					choices: parseStoredChoices(row.choices),
					chairHelpRequestedAt: row.chairHelpRequestedAt,
					updatedAt: row.updatedAt
				}
			])
	);
}

/**
 * Records who chairs. Choosing to chair or co-chair asks the IRO to help (once: the first time is
 * kept); going back to "my IRO chairs" clears the request. Returns whether help is now asked for.
 */
export function setChair(
	childId: string,
	meetingId: string,
	chair: Chair,
	now = Date.now()
): { helpRequestedAt: number | null } {
	return write((tx) => {
		const row = tx.select().from(meetingChoices).where(eq(meetingChoices.meetingId, meetingId)).get();
		const helpRequestedAt = chair === 'iro' ? null : (row?.chairHelpRequestedAt ?? now);
		tx.insert(meetingChoices)
			.values({ meetingId, childId, chair, chairHelpRequestedAt: helpRequestedAt, updatedAt: now })
			.onConflictDoUpdate({
				target: meetingChoices.meetingId,
				set: { chair, chairHelpRequestedAt: helpRequestedAt, updatedAt: now }
			})
			.run();
		return { helpRequestedAt };
	});
}

/** Saves "about my meeting" (the whole form at once), leaving the chair choice as it was. */
export function saveChoices(
	childId: string,
	meetingId: string,
	choices: MeetingChoices,
	now = Date.now()
): void {
	const json = JSON.stringify(choices);
	write((tx) =>
		tx
			.insert(meetingChoices)
			.values({ meetingId, childId, choices: json, updatedAt: now })
			.onConflictDoUpdate({ target: meetingChoices.meetingId, set: { choices: json, updatedAt: now } })
			.run()
	);
}
