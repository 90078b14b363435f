/** How long a signed-in session lasts. Staff sign out sooner: their pages show many children's records. */
export type Role = 'manager' | 'iro' | 'child' | 'carer';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const IDLE_TIMEOUT_MS: Record<Role, number> = {
	manager: 30 * MINUTE,
	iro: 30 * MINUTE,
	child: 7 * DAY,
	carer: 7 * DAY
};

export const ABSOLUTE_LIFETIME_MS: Record<Role, number> = {
	manager: 12 * 60 * MINUTE,
	iro: 12 * 60 * MINUTE,
	child: 30 * DAY,
	carer: 30 * DAY
};

/** We record activity at most once a minute, so reading pages does not mean a write each time. */
export const TOUCH_INTERVAL_MS = MINUTE;

export interface SessionTimes {
	role: Role;
	createdAt: number;
	lastSeenAt: number;
	passwordChangedAt: number;
}

export function isSessionExpired(s: SessionTimes, now: number): boolean {
	return (
		now - s.lastSeenAt >= IDLE_TIMEOUT_MS[s.role] ||
		now - s.createdAt >= ABSOLUTE_LIFETIME_MS[s.role] ||
		s.createdAt < s.passwordChangedAt
	);
}

export function shouldTouch(lastSeenAt: number, now: number): boolean {
	return now - lastSeenAt >= TOUCH_INTERVAL_MS;
}
