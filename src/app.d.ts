import type { SessionUser } from '$lib/server/auth/session';
import type { Translate } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/locales';
import type { DisplaySettings } from '$lib/display';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			/** When this session used a second factor (staff passkeys); null if it has not. */
			secondFactorAt?: number | null;
			lang: Locale;
			t: Translate;
			display: DisplaySettings;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
