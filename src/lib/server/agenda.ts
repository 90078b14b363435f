import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { db, tables, write } from './db';
import { newId } from './ids';
import { AGENDA_MAX_ITEMS, move, reorder, type Raiser } from '$lib/domain/agenda';

/**
 * "My agenda": the things a child wants talked about at their next meeting, in their order.
 * All SQL for agenda_items lives here. Positions are kept as 0, 1, 2 … in the child's order.
 */
const { agendaItems } = tables;

export type AgendaRow = typeof agendaItems.$inferSelect;
export type Visibility = AgendaRow['visibility'];

/** The child's agenda for one meeting, in their order. */
export function agendaFor(meetingId: string): AgendaRow[] {
	return db()
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.position), asc(agendaItems.createdAt))
		.all();
}

/** How many agenda items each meeting has (for the caseload); meetings without any are left out. */
export function agendaCounts(meetingIds: string[]): Map<string, number> {
	if (!meetingIds.length) return new Map();
	const rows = db()
		.select({ meetingId: agendaItems.meetingId, n: count() })
		.from(agendaItems)
		.where(inArray(agendaItems.meetingId, meetingIds))
		.groupBy(agendaItems.meetingId)
		.all();
	return new Map(rows.map((r) => [r.meetingId, r.n]));
}

/** One agenda item if it is this child's; undefined otherwise (the caller answers 404). */
export function agendaItemOf(childId: string, itemId: string): AgendaRow | undefined {
	if (!itemId) return undefined;
	return db()
		.select()
		.from(agendaItems)
		.where(and(eq(agendaItems.id, itemId), eq(agendaItems.childId, childId)))
		.get();
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

/** Adds an item at the end of the agenda, unless it already has AGENDA_MAX_ITEMS. */
export function addAgendaItem(
	input: { childId: string; meetingId: string; text: string; raiser: Raiser; visibility: Visibility },
	now = Date.now()
): AddResult {
	return write((tx) => {
		const items = itemsIn(tx, input.meetingId);
		if (items.length >= AGENDA_MAX_ITEMS) return { ok: false, reason: 'tooMany' } as const;
		const id = newId();
		tx.insert(agendaItems)
			.values({ id, ...input, position: items.length, createdAt: now, updatedAt: now })
			.run();
		return { ok: true, id } as const;
	});
}

/** Changes an item's words, who raises it and who can see it. */
export function updateAgendaItem(
	childId: string,
	itemId: string,
	changes: { text: string; raiser: Raiser; visibility: Visibility },
	now = Date.now()
): boolean {
	const result = write((tx) =>
		tx
			.update(agendaItems)
			.set({ ...changes, updatedAt: now })
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
