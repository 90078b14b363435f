import { and, eq } from 'drizzle-orm';
import { db, inList, keptQuery, rowsWhere, tables, write } from './db';
import { newId } from './ids';

/**
 * Parents' and carers' "your views" before a meeting (table carer_views): all its SQL lives here.
 * A carer saves a draft as often as they like; sending makes it visible to the IRO. After sending,
 * every change is sent at once (the IRO always reads what the carer last gave), until the meeting.
 */
const { carerViews } = tables;

export type CarerViews = typeof carerViews.$inferSelect;
export type Attending = NonNullable<CarerViews['attending']>;

export interface ViewsInput {
	goingWell: string;
	worries: string;
	nextSteps: string;
	anythingElse: string;
	attending: Attending | null;
}

/** A carer's views as a page shows them (the carer's own form, the IRO's pack). */
export function viewsShown(views: CarerViews) {
	return {
		goingWell: views.goingWell,
		worries: views.worries,
		nextSteps: views.nextSteps,
		anythingElse: views.anythingElse,
		lang: views.viewsLang,
		attending: views.attending,
		sentAt: views.sentAt,
		updatedAt: views.updatedAt
	};
}

export function viewsOf(meetingId: string, carerId: string): CarerViews | undefined {
	return db()
		.select()
		.from(carerViews)
		.where(and(eq(carerViews.meetingId, meetingId), eq(carerViews.carerId, carerId)))
		.get();
}

/** Every carer's views for one meeting (drafts too: callers decide what to show). */
export function viewsOfMeeting(meetingId: string): CarerViews[] {
	return viewsOfMeetingQuery().all({ value: meetingId });
}

const viewsOfMeetingQuery = rowsWhere(carerViews, carerViews.meetingId);

/** Views for many meetings in one query (for the caseload). */
export function viewsOfMeetings(meetingIds: string[]): CarerViews[] {
	if (!meetingIds.length) return [];
	return viewsOfMeetingsQuery().all({ ids: JSON.stringify(meetingIds) });
}

const viewsOfMeetingsQuery = keptQuery((db) =>
	db.select().from(carerViews).where(inList(carerViews.meetingId, 'ids')).prepare()
);

/**
 * Saves a carer's views for a meeting. `send` marks them sent now; once sent, a later save counts as
 * sent too (with its new time), so the IRO never reads an old version without knowing.
 */
export function saveViews(input: {
	meetingId: string;
	carerId: string;
	values: ViewsInput;
	send: boolean;
	/** The language of the carer's page as they wrote (kept for a screen reader's voice). */
	lang?: string | null;
	now?: number;
}): CarerViews {
	const now = input.now ?? Date.now();
	return write((tx) => {
		const existing = viewsOf(input.meetingId, input.carerId);
		const sentAt = input.send || existing?.sentAt != null ? now : null;
		tx.insert(carerViews)
			.values({
				id: newId(),
				meetingId: input.meetingId,
				carerId: input.carerId,
				...input.values,
				viewsLang: input.lang ?? null,
				sentAt,
				updatedAt: now
			})
			.onConflictDoUpdate({
				target: [carerViews.meetingId, carerViews.carerId],
				set: { ...input.values, viewsLang: input.lang ?? null, sentAt, updatedAt: now }
			})
			.run();
		return viewsOf(input.meetingId, input.carerId)!;
	});
}
