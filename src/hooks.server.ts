import { building, dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { handleAuth } from '$lib/server/hooks/auth';
import { handleSecondFactor } from '$lib/server/hooks/second-factor';
import { handlePage } from '$lib/server/hooks/page';
import { handleHeaders } from '$lib/server/hooks/headers';
import { handleBody } from '$lib/server/hooks/body';
import { db } from '$lib/server/db';
import { seedDemoIfAsked } from '$lib/server/demo';
import { startupProblems } from '$lib/server/config';
import { startBackgroundWork } from '$lib/server/background';
import { keyStoredIdeas } from '$lib/server/agenda';

export const init: ServerInit = async () => {
	if (building) return;
	// The built server refuses to start without what keeps children safe (one line per problem).
	const problems = dev ? [] : startupProblems();
	if (problems.length) {
		for (const problem of problems) console.error(`Voicebox cannot start: ${problem}`);
		process.exit(1);
	}
	db();
	// Agenda ideas stored as words before they were stored as keys (idempotent).
	keyStoredIdeas();
	await seedDemoIfAsked();
	// The outbox, urgent escalation and housekeeping: in whichever one process holds the lease.
	startBackgroundWork();
};

export const handle = sequence(handleHeaders, handleBody, handleAuth, handleSecondFactor, handlePage);

export const handleError: HandleServerError = ({ error, event, status }) => {
	// A request that was refused (bad form, too large, not found) is not a fault of the portal.
	if (status >= 500) console.error(`${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong' };
};
