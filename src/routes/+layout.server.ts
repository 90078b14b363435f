import type { LayoutServerLoad } from './$types';
import { localeInfo } from '$lib/i18n/locales';
import { addressMatters } from '$lib/server/i18n';
import { config } from '$lib/server/config';
import { IDLE_TIMEOUT_MS } from '$lib/domain/session-policy';
import { unreadCount } from '$lib/server/messages';
import { readerAddress } from '$lib/domain/address';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const { lang, user, display } = locals;
	// Signed in, the unread count in the header must be fresh on every page, so this load runs again
	// on each navigation (reading url.pathname makes SvelteKit track it).
	if (user) void url.pathname;
	const { councilName, quickExitUrl } = config();
	return {
		lang,
		dir: localeInfo(lang).dir,
		// A child's answer to "How should we talk to you?": the layout's translate adds it to every string.
		address: readerAddress(user),
		// …asked in the settings panel, for a child whose language writes it differently for a girl or a boy.
		addressChoice: user?.role === 'child' && addressMatters(lang) ? { current: user.address } : null,
		// …and whether they use the picture version of My say (pictures and simpler words, at any age).
		pictureChoice: user?.role === 'child' ? { on: user.pictureVersion } : null,
		display,
		user: user && { role: user.role, displayName: user.displayName },
		idleTimeoutMs: user ? IDLE_TIMEOUT_MS[user.role] : null,
		unread: user ? unreadCount(user) : 0,
		councilName,
		quickExitUrl
	};
};
