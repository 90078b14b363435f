import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { notFound, requireOwnChild, requireRole } from '$lib/server/access';
import { afterPost, done, failWith, keepTyped, meetingClosed, parseForm, refuse } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { meetingForForm, meetingForPreparing } from '$lib/server/meetings';
import {
	addAgendaItem,
	agendaFor,
	agendaItemAsRead,
	agendaItemOf,
	ideasLeft,
	moveAgendaItem,
	removeAgendaItem,
	reorderAgenda,
	updateAgendaItem
} from '$lib/server/agenda';
import {
	agendaItemSchema,
	editItemSchema,
	itemIdSchema,
	moveSchema,
	reorderSchema,
	starterSchema
} from '$lib/forms/prepare';
import { message } from '$lib/forms/text';
import { AGENDA_ITEM_MAX, AGENDA_MAX_ITEMS } from '$lib/domain/agenda';
import type { Translate } from '$lib/i18n/translate';
import { downloadsFor } from '$lib/server/downloads';

/** Adds an item once per submitted form (a double-clicked "Add" adds one item). */
function addOnce(form: FormData, input: Parameters<typeof addAgendaItem>[0]) {
	return storeOnce(form, requireRole('child').id, () => addAgendaItem(input));
}

/** The meeting a change is for (null once the meeting the page showed has started). */
function openMeeting(form: FormData) {
	const child = requireOwnChild();
	return { child, meeting: meetingForForm(child.id, form) };
}

/** An item of this child's, or 404; null if it belongs to a meeting that can no longer change. */
function ownItem(childId: string, meetingId: string | undefined, itemId: string) {
	const item = agendaItemOf(childId, itemId);
	if (!item) notFound();
	return item.meetingId === meetingId ? item : null;
}

const limits = { maxItems: AGENDA_MAX_ITEMS, itemMax: AGENDA_ITEM_MAX };
const tooMany = (form: FormData) =>
	failWith(form, { text: message('prepare:errors.tooMany', { count: AGENDA_MAX_ITEMS }) });

/** An item as the child reads it now: a suggested idea in the language of their page. */
const view = (row: ReturnType<typeof agendaFor>[number], t: Translate) => {
	const { id, text, lang, raiser, visibility } = agendaItemAsRead(row, t);
	return { id, text, lang, raiser, visibility };
};

/** What a form that worked did, read back after the redirect (no JavaScript) from `?done=`. */
function doneOf(url: URL, childId: string, t: Translate) {
	const kind = url.searchParams.get('done');
	const stored = agendaItemOf(childId, url.searchParams.get('item') ?? '');
	const item = stored && agendaItemAsRead(stored, t);
	switch (kind) {
		case 'changed':
		case 'removed':
		case 'reordered':
			return { kind };
		case 'added':
			return item ? { kind, text: item.text, id: item.id } : null;
		case 'moved': {
			const direction = url.searchParams.get('dir') === 'down' ? ('down' as const) : ('up' as const);
			if (!item) return null;
			return {
				kind,
				item: { id: item.id, text: item.text, direction },
				position: item.position + 1,
				count: agendaFor(item.meetingId).length
			};
		}
		default:
			return null;
	}
}

export const load: PageServerLoad = ({ url, locals }) => {
	const child = requireOwnChild();
	const preparing = meetingForPreparing(child.id);
	const pick = (name: string) => {
		const itemId = url.searchParams.get(name);
		if (itemId === null) return null;
		const item = agendaItemOf(child.id, itemId);
		if (!item || !preparing || item.meetingId !== preparing.meeting.id) notFound();
		// Once the meeting has started there is nothing to change: the list shows, read-only.
		return preparing.open ? view(item, locals.t) : null;
	};
	const editing = pick('edit');
	const removing = pick('remove');
	if (!preparing)
		return { meeting: null, open: false, items: [], starters: [], editing, removing, done: null, ...limits };
	const stored = agendaFor(preparing.meeting.id);
	const items = stored.map((row) => view(row, locals.t));
	return {
		downloads: downloadsFor(locals.lang),
		meeting: { id: preparing.meeting.id, startsAt: preparing.meeting.startsAt },
		open: preparing.open,
		items,
		starters: ideasLeft(stored, locals.t),
		editing,
		removing,
		done: doneOf(url, child.id, locals.t),
		submission: submissionToken(),
		...limits
	};
};

export const actions: Actions = {
	add: keepTyped('text', async (event) => {
		const { request } = event;
		const form = await request.formData();
		const { child, meeting } = openMeeting(form);
		if (!meeting) return meetingClosed(form);
		const parsed = parseForm(agendaItemSchema, form);
		if (parsed.failure) return parsed.failure;
		const lang = event.locals.lang;
		const result = addOnce(form, { childId: child.id, meetingId: meeting.id, lang, ...parsed.data });
		if (!result.ok) return tooMany(form);
		return afterPost(event, done('added', { text: parsed.data.text, id: result.id }), { item: result.id });
	}),
	starter: keepTyped('text', async (event) => {
		const { request, locals } = event;
		const form = await request.formData();
		const { child, meeting } = openMeeting(form);
		if (!meeting) return meetingClosed(form);
		const parsed = parseForm(starterSchema, form);
		if (parsed.failure) return parsed.failure;
		const text = locals.t(`prepare:starters.${parsed.data.starter}`);
		const result = addOnce(form, {
			childId: child.id,
			meetingId: meeting.id,
			text,
			lang: locals.lang,
			ideaKey: parsed.data.starter,
			raiser: 'me',
			visibility: 'iro'
		});
		if (!result.ok) return tooMany(form);
		return afterPost(event, done('added', { text, id: result.id }), { item: result.id });
	}),
	edit: async ({ request, locals }) => {
		const form = await request.formData();
		const { child, meeting } = openMeeting(form);
		const parsed = parseForm(editItemSchema, form);
		const item = ownItem(child.id, meeting?.id, String(form.get('itemId') ?? ''));
		if (!item) return meetingClosed(form);
		if (parsed.failure) return parsed.failure;
		const { text, raiser, visibility } = parsed.data;
		updateAgendaItem(child.id, item.id, { text, lang: locals.lang, raiser, visibility });
		redirect(303, `/me/agenda?done=changed#item-${item.id}`);
	},
	remove: async ({ request }) => {
		const form = await request.formData();
		const { child, meeting } = openMeeting(form);
		const parsed = parseForm(itemIdSchema, form);
		if (parsed.failure) return parsed.failure;
		const item = ownItem(child.id, meeting?.id, parsed.data.itemId);
		if (!item) return meetingClosed(form);
		removeAgendaItem(child.id, item.id);
		redirect(303, '/me/agenda?done=removed');
	},
	move: async (event) => {
		const form = await event.request.formData();
		const { child, meeting } = openMeeting(form);
		const parsed = parseForm(moveSchema, form);
		if (parsed.failure) return parsed.failure;
		const item = ownItem(child.id, meeting?.id, parsed.data.itemId);
		if (!item) return meetingClosed(form);
		const position = moveAgendaItem(child.id, item.id, parsed.data.direction);
		const { text } = agendaItemAsRead(item, event.locals.t);
		const moved = done('moved', {
			item: { id: item.id, text, direction: parsed.data.direction },
			position: (position ?? item.position) + 1,
			count: agendaFor(item.meetingId).length
		});
		return afterPost(event, moved, { item: item.id, dir: parsed.data.direction });
	},
	reorder: async (event) => {
		const form = await event.request.formData();
		const { child, meeting } = openMeeting(form);
		if (!meeting) return meetingClosed(form);
		const parsed = parseForm(reorderSchema, form);
		if (parsed.failure) return parsed.failure;
		if (!reorderAgenda(child.id, meeting.id, parsed.data.order)) return refuse('reorderFailed', form);
		return afterPost(event, done('reordered'));
	}
};
