import type { LayoutLoad } from './$types';
import { messagesOf } from '$lib/i18n/messages';

// The strings are not part of the server's data (so not in every page's HTML): the browser loads its
// language's file once and keeps it (i18n/messages.ts).
export const load: LayoutLoad = async ({ data }) => ({ ...data, messages: await messagesOf(data.lang) });
