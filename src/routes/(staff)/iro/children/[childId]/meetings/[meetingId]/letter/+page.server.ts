import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireHeldReview } from '$lib/server/access';
import { failWith, keepTyped } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { letterOf, saveLetterDraft, sendLetter } from '$lib/server/outcomes';
import { letterPreview } from '$lib/server/outcome-letters';
import { downloadsFor } from '$lib/server/downloads';
import { letterLanguage } from '$lib/server/welcome-letters';
import { letterWords } from '$lib/forms/outcomes';
import { LOCALES } from '$lib/i18n/locales';
import { LETTER_PARTS } from '$lib/domain/outcomes';
import { callName } from '$lib/domain/names';
import { auditRead } from '$lib/server/audit';

/**
 * The IRO writes "A letter from your IRO" after a held review: set words in the child's language,
 * their own words under each part, a preview that is exactly what the child will see, then send.
 */
export const load: PageServerLoad = ({ params, url }) => {
	const { user, child, meeting } = requireHeldReview(params.childId, params.meetingId);
	auditRead(user, 'letter', { childId: child.id, subjectId: meeting.id });
	const { letter, locale, words, preview } = letterPreview(child, meeting);
	return {
		child: { id: child.id, name: callName(child), hasAccount: child.userId !== null },
		meeting: { id: meeting.id },
		parts: LETTER_PARTS,
		words,
		locale,
		languages: LOCALES.map(({ code, name }) => ({ value: code, label: name })),
		sentAt: letter?.sentAt ?? null,
		preview,
		downloads: downloadsFor(locale),
		submission: submissionToken(),
		saved: url.searchParams.has('saved'),
		justSent: url.searchParams.has('sent')
	};
};

async function start({ params, request, locals }: RequestEvent) {
	const review = requireHeldReview(params.childId, params.meetingId);
	const form = await request.formData();
	const parsed = letterWords(form, letterLanguage(review.child));
	return {
		...review,
		form,
		parsed,
		lang: locals.lang,
		back: `/iro/children/${review.child.id}/meetings/${review.meeting.id}/letter`
	};
}

export const actions: Actions = {
	/** Keeps the draft and shows the preview with it. */
	save: keepTyped('thanks', async (event) => {
		const { user, meeting, form, parsed, lang, back } = await start(event);
		if ('errors' in parsed) return failWith(form, parsed.errors);
		const result = saveLetterDraft(meeting, user.id, parsed.words, parsed.locale, Date.now(), lang);
		if (result === 'alreadySent') return failWith(form, { form: 'outcomes:errors.alreadySent' }, 409);
		redirect(303, `${back}?saved=1#preview-title`);
	}),
	/** Sends the letter: it is on the child's home from now on, and never changes. */
	send: keepTyped('thanks', async (event) => {
		const { user, child, meeting, form, parsed, lang, back } = await start(event);
		if ('errors' in parsed) return failWith(form, parsed.errors);
		const result = storeOnce(form, user.id, () =>
			sendLetter(meeting, child, user.id, parsed.words, parsed.locale, Date.now(), lang)
		);
		if (!result.ok && !letterOf(meeting.id)?.sentAt)
			return failWith(form, { form: 'outcomes:errors.alreadySent' }, 409);
		redirect(303, `${back}?sent=1`);
	})
};
