import { and, asc, eq, isNull } from 'drizzle-orm';
import { rowOfChild, countsOf, db, rowsWhere, tables, write } from './db';
import { newId } from './ids';
import { translator } from './i18n';
import {
	AGENDA_MAX_ITEMS,
	agendaWords,
	ideaOfWords,
	ideasToOffer,
	move,
	reorder,
	type Idea,
	type Raiser
} from '$lib/domain/agenda';
import { LOCALE_CODES } from '$lib/i18n/locales';
import type { Translate } from '$lib/i18n/translate';

/**
 * "My agenda": the things a child wants talked about at their next meeting, in their order.
 * All SQL for agenda_items lives here. Positions are kept as 0, 1, 2 … in the child's order.
 */
const { agendaItems } = tables;

export type AgendaRow = typeof agendaItems.$inferSelect;
export type Visibility = AgendaRow['visibility'];

/* ---------- Suggested ideas: stored as their key, read in each reader's language ---------- */

/** An idea's words in the language of this translate function. */
export const ideaIn = (t: Translate) => (idea: Idea) => t(`prepare:starters.${idea}`);

/** Which idea these words are, in any of our languages (null: the child's own words). */
export function ideaOf(text: string): Idea | null {
	return ideaOfWords(text, (idea) => LOCALE_CODES.map((lng) => ideaIn(translator(lng))(idea)));
}

/** An item's words as this reader reads them (an idea in their language; own words as written, with their language). */
export function agendaItemAsRead(item: AgendaRow, t: Translate): AgendaRow {
	return { ...item, ...agendaWords(item, ideaIn(t)) };
}

/** The agenda for one meeting as this reader reads it (see agendaItemAsRead). */
export function agendaAsRead(meetingId: string, t: Translate): AgendaRow[] {
	return agendaFor(meetingId).map((item) => agendaItemAsRead(item, t));
}

/** The ideas still to suggest for this agenda, in the reader's language (none already on it). */
export function ideasLeft(items: AgendaRow[], t: Translate): Idea[] {
	return ideasToOffer(items, ideaIn(t));
}

/**
 * Items stored before ideas were stored as keys: words equal to an idea's words in any language become
 * that idea. Idempotent (only items without a key are read); run at start-up.
 */
export function keyStoredIdeas(): number {
	const rows = db()
		.select({ id: agendaItems.id, text: agendaItems.text })
		.from(agendaItems)
		.where(isNull(agendaItems.ideaKey))
		.all();
	const found = rows.flatMap((row) => {
		const ideaKey = ideaOf(row.text);
		return ideaKey ? [{ id: row.id, ideaKey }] : [];
	});
	if (found.length)
		write((tx) => {
			for (const { id, ideaKey } of found)
				tx.update(agendaItems)
					.set({ ideaKey })
					.where(and(eq(agendaItems.id, id), isNull(agendaItems.ideaKey)))
					.run();
		});
	return found.length;
}

/* ---------- The agenda ---------- */

/** The child's agenda for one meeting, in their order (as stored: read it through agendaAsRead). */
export function agendaFor(meetingId: string): AgendaRow[] {
	return agendaQuery().all({ value: meetingId });
}

const agendaQuery = rowsWhere(
	agendaItems,
	agendaItems.meetingId,
	asc(agendaItems.position),
	asc(agendaItems.createdAt)
);

/** How many agenda items each meeting has (for the caseload); meetings without any are left out. */
export const agendaCounts = countsOf(agendaItems, agendaItems.meetingId);

/** One agenda item if it is this child's; undefined otherwise (the caller answers 404). */
export function agendaItemOf(childId: string, itemId: string): AgendaRow | undefined {
	if (!itemId) return undefined;
	return rowOfChild(agendaItems, childId, itemId);
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0];

function itemsIn(tx: Tx, meetingId: string): AgendaRow[] {
	return tx
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.position), asc(agendaItems.createdAt))
		.all();
}

function renumber(tx: Tx, items: Array<Pick<AgendaRow, 'id' | 'position'>>, now: number) {
	items.forEach((item, position) => {
		if (item.position !== position)
			tx.update(agendaItems).set({ position, updatedAt: now }).where(eq(agendaItems.id, item.id)).run();
	});
}

export type AddResult = { ok: true; id: string } | { ok: false; reason: 'tooMany' };

/**
 * Adds an item at the end of the agenda, unless it already has AGENDA_MAX_ITEMS. Words that are a
 * suggested idea (in any language) are stored as that idea; `lang` is the language of the child's page.
 */
export function addAgendaItem(
	input: {
		childId: string;
		meetingId: string;
		text: string;
		lang?: string | null;
		/** The idea pressed, when the child pressed one (else found from the words). */
		ideaKey?: Idea | null;
		raiser: Raiser;
		visibility: Visibility;
	},
	now = Date.now()
): AddResult {
	const ideaKey = input.ideaKey ?? ideaOf(input.text);
	return write((tx) => {
		const items = itemsIn(tx, input.meetingId);
		if (items.length >= AGENDA_MAX_ITEMS) return { ok: false, reason: 'tooMany' } as const;
		const id = newId();
		tx.insert(agendaItems)
			.values({ id, ...input, ideaKey, position: items.length, createdAt: now, updatedAt: now })
			.run();
		return { ok: true, id } as const;
	});
}

/** Changes an item's words (an idea's words keep it that idea), who raises it and who can see it. */
export function updateAgendaItem(
	childId: string,
	itemId: string,
	changes: { text: string; lang?: string | null; raiser: Raiser; visibility: Visibility },
	now = Date.now()
): boolean {
	const ideaKey = ideaOf(changes.text);
	const result = write((tx) =>
		tx
			.update(agendaItems)
			.set({ ...changes, ideaKey, updatedAt: now })
			.where(and(eq(agendaItems.id, itemId), eq(agendaItems.childId, childId)))
			.run()
	);
	return result.changes > 0;
}

/** One of this child's items, read inside the write that changes it. */
function childsItem(tx: Tx, childId: string, itemId: string): AgendaRow | undefined {
	return tx
		.select()
		.from(agendaItems)
		.where(and(eq(agendaItems.id, itemId), eq(agendaItems.childId, childId)))
		.get();
}

/** Removes an item and closes the gap; returns what was removed. */
export function removeAgendaItem(childId: string, itemId: string, now = Date.now()): AgendaRow | undefined {
	return write((tx) => {
		const item = childsItem(tx, childId, itemId);
		if (!item) return undefined;
		tx.delete(agendaItems).where(eq(agendaItems.id, item.id)).run();
		renumber(tx, itemsIn(tx, item.meetingId), now);
		return item;
	});
}

/** Moves an item one place up or down; returns its new place (0-based), or null if nothing moved. */
export function moveAgendaItem(
	childId: string,
	itemId: string,
	direction: 'up' | 'down',
	now = Date.now()
): number | null {
	return write((tx) => {
		const item = childsItem(tx, childId, itemId);
		if (!item) return null;
		const items = itemsIn(tx, item.meetingId);
		const moved = move(items, itemId, direction);
		if (moved === items) return null;
		renumber(tx, moved, now);
		return moved.findIndex((i) => i.id === itemId);
	});
}

/** Puts the agenda in a whole new order (drag and drop); false if the ids are not exactly its items. */
export function reorderAgenda(childId: string, meetingId: string, ids: string[], now = Date.now()): boolean {
	return write((tx) => {
		const items = itemsIn(tx, meetingId).filter((i) => i.childId === childId);
		const ordered = reorder(items, ids);
		if (ordered === items && ids.join() !== items.map((i) => i.id).join()) return false;
		renumber(tx, ordered, now);
		return true;
	});
}
