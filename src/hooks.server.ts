import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { handleAuth } from '$lib/server/hooks/auth';
import { handlePage } from '$lib/server/hooks/page';
import { handleHeaders } from '$lib/server/hooks/headers';
import { db } from '$lib/server/db';
import { seedDemoIfAsked } from '$lib/server/demo';
import { startOutboxWorker } from '$lib/server/notify';

export const init: ServerInit = async () => {
	if (building) return;
	db();
	await seedDemoIfAsked();
	startOutboxWorker();
};

export const handle = sequence(handleHeaders, handleAuth, handlePage);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(`${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong' };
};
