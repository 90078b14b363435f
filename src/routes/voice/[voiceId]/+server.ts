import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireVoice } from '$lib/server/access';
import { voiceAudio } from '$lib/server/voice';
import { auditRead } from '$lib/server/audit';

/** A voice answer or voice message (issue 13), for those access.ts lets play it; 404 for anyone else. */
export const GET: RequestHandler = ({ params }) => {
	const { user, voice, child } = requireVoice(params.voiceId);
	const found = voiceAudio(voice.id);
	if (!found) error(404, 'Not found');
	// A staff member playing part of a child's record is a read, like opening the pack or the thread.
	if (user.role === 'iro' || user.role === 'manager')
		auditRead(user, 'voice', { childId: child.id, subjectId: voice.id });
	return new Response(new Uint8Array(found.audio), {
		headers: {
			'content-type': found.contentType,
			// Not kept anywhere: the next person on a shared device must not find it.
			'cache-control': 'private, no-store',
			'content-disposition': 'inline',
			'content-length': String(found.audio.length)
		}
	});
};
