import type { LayoutServerLoad } from './$types';
import { localeInfo } from '$lib/i18n/locales';
import { messagesFor } from '$lib/server/i18n';
import { config } from '$lib/server/config';
import { IDLE_TIMEOUT_MS } from '$lib/domain/session-policy';
import { unreadCount } from '$lib/server/messages';

export const load: LayoutServerLoad = ({ locals }) => {
	const { lang, user, display } = locals;
	const { councilName, quickExitUrl } = config();
	return {
		lang,
		dir: localeInfo(lang).dir,
		messages: messagesFor(lang),
		display,
		user: user && { role: user.role, displayName: user.displayName },
		idleTimeoutMs: user ? IDLE_TIMEOUT_MS[user.role] : null,
		unread: user ? unreadCount(user) : 0,
		councilName,
		quickExitUrl
	};
};
