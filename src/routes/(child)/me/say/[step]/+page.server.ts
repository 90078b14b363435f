import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { notFound, requireOwnChild } from '$lib/server/access';
import { sayFor, saveAnswers, type SayState } from '$lib/server/consultation';
import { meetingForForm, SHOWN_MEETING_FIELD } from '$lib/server/meetings';
import { loadedAtOf, parseStep } from '$lib/forms/say';
import { whoOncePerPage } from '$lib/domain/consultation';
import { readForm, type FormEcho } from '$lib/forms/text';
import { done, keepTyped, meetingClosed } from '$lib/server/forms';
import {
	readVoice,
	removeSayVoice,
	saveSayVoices,
	sayVoices,
	voiceError,
	type VoiceUpload
} from '$lib/server/voice';
import { voiceField } from '$lib/domain/voice';

/** If the save could not get the database: the page again, with every answer as typed. */
const PAGE_FIELDS = new Set([SHOWN_MEETING_FIELD, 'loadedAt', 'returnTo', 'go', 'removeVoice']);
const firstAnswer = (form: FormData) => [...form.keys()].find((k) => !PAGE_FIELDS.has(k)) ?? 'form';
const asTyped = (form: FormData) => ({ values: readForm(form), loadedAt: loadedAtOf(form) });

function stepOf(state: SayState, stepId: string) {
	const index = state.steps.findIndex((s) => s.id === stepId);
	if (index === -1) notFound();
	return { step: state.steps[index], index };
}

export const load: PageServerLoad = ({ params, url }) => {
	const child = requireOwnChild();
	const state = sayFor(child);
	if (!state) redirect(303, '/me/say');
	const { step, index } = stepOf(state, params.step);
	const answers = state.consultation?.answers ?? {};
	const onPage = new Set(step.questions.map((q) => q.id));
	return {
		meetingId: state.meeting.id,
		step,
		number: index + 1,
		total: state.steps.length,
		answers: Object.fromEntries(
			step.questions.flatMap((q) => (answers[q.id] ? [[q.id, answers[q.id]]] : []))
		),
		// The voice answers saved for this page's questions (issue 13), by question.
		voices: Object.fromEntries(
			(state.consultation ? sayVoices(state.consultation.id) : [])
				.filter((v) => onPage.has(v.questionId))
				.map((v) => [v.questionId, { id: v.id }])
		),
		loadedAt: Date.now(),
		returnTo: url.searchParams.get('returnTo') === 'check' ? 'check' : '',
		sent: Boolean(state.consultation?.sentAt),
		whoOnce: whoOncePerPage(state.version)
	};
};

/** The page again with its errors by the fields, everything typed kept (and when it was loaded). */
function pageError(form: FormData, values: FormEcho, errors: Record<string, string>) {
	return { failure: fail(400, { kind: 'error' as const, values, errors, loadedAt: loadedAtOf(form) }) };
}

/**
 * Reads and saves one page. The form says which meeting it was shown for: if that meeting has
 * started since, nothing is saved (answers are read-only once the meeting starts).
 */
async function savePage(stepId: string, request: Request, lang: string) {
	const child = requireOwnChild();
	const form = await request.formData();
	const state = sayFor(child);
	if (!meetingForForm(child.id, form)) return { failure: meetingClosed(form) };
	if (!state) redirect(303, '/me/say');
	const { step, index } = stepOf(state, stepId);
	const parsed = parseStep(step.questions, form, whoOncePerPage(state.version));
	if (!parsed.ok) return pageError(form, parsed.values, parsed.errors);
	// A recording is checked by its content before anything on the page is saved (what was typed stays).
	const uploads: Array<{ questionId: string; upload: VoiceUpload }> = [];
	for (const q of step.questions) {
		const voice = await readVoice(form.get(voiceField(q.id)));
		if (voice && 'problem' in voice)
			return pageError(form, readForm(form), { [voiceField(q.id)]: voiceError(voice.problem) });
		if (voice) uploads.push({ questionId: q.id, upload: voice });
	}
	// Each answer keeps the language of the page it was written on (a screen reader's voice for it).
	const incoming = parsed.incoming.map((answer) => ({ ...answer, lang }));
	const now = Date.now();
	const visibility = incoming.map((a) => ({ questionId: a.id, visibility: a.visibility }));
	const { replaced, savedAt } = saveAnswers(state, incoming, loadedAtOf(form), now, (tx, consultation) =>
		saveSayVoices(tx, consultation, visibility, uploads, now)
	);
	return { state, index, form, replaced, savedAt, values: readForm(form) };
}

export const actions: Actions = {
	save: keepTyped(
		firstAnswer,
		async ({ params, request, locals }) => {
			const saved = await savePage(params.step, request, locals.lang);
			if (saved.failure) return saved.failure;
			const { state, index, form, replaced, savedAt, values } = saved;
			// Another window changed an answer on this page: show the page again, with what it had.
			if (replaced.length)
				return fail(409, { kind: 'replaced' as const, replaced, values, loadedAt: savedAt });
			const back = form.get('go') === 'back';
			const toCheck = form.get('returnTo') === 'check';
			const next = back ? state.steps[index - 1] : toCheck ? undefined : state.steps[index + 1];
			if (back) redirect(303, next ? `/me/say/${next.id}` : '/me/say');
			redirect(303, next ? `/me/say/${next.id}` : '/me/say/check');
		},
		asTyped
	),
	/** "Remove" beside a saved voice answer: the page is saved as it is, then that recording goes. */
	removeVoice: keepTyped(
		firstAnswer,
		async ({ params, request, locals }) => {
			const saved = await savePage(params.step, request, locals.lang);
			if (saved.failure) return saved.failure;
			const consultation = sayFor(requireOwnChild())?.consultation;
			const voiceId = saved.form.get('removeVoice');
			if (!consultation || typeof voiceId !== 'string' || !removeSayVoice(consultation.id, voiceId))
				notFound();
			return done('voiceRemoved', { loadedAt: saved.savedAt, values: saved.values });
		},
		asTyped
	),
	autosave: keepTyped(
		firstAnswer,
		async ({ params, request, locals }) => {
			const saved = await savePage(params.step, request, locals.lang);
			if (saved.failure) return saved.failure;
			return done('autosaved', { loadedAt: saved.savedAt, replaced: saved.replaced });
		},
		asTyped
	)
};
