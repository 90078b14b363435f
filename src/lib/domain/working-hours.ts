import { londonDate } from './dates';
import { londonTime } from './london-time';
import { isWorkingDay } from './working-days';

/**
 * The council's working hours, when an IRO is at work: Monday to Friday, 09:00 to 17:00 in
 * Europe/London (GMT in winter, BST in summer), not on England and Wales bank holidays.
 * 09:00 is inside, 17:00 is outside. Outside 2018–2030 only weekends are excluded (the bank
 * holiday list is held for those years).
 */
export const WORKING_DAY_START = '09:00';
export const WORKING_DAY_END = '17:00';

/** True if a person is at work at this instant. */
export function isWorkingTime(instant: number): boolean {
	if (!isWorkingDay(londonDate(instant))) return false;
	const time = londonTime(instant);
	return time >= WORKING_DAY_START && time < WORKING_DAY_END;
}

/**
 * When an urgent message that nobody has acknowledged is escalated (emailed again to the duty
 * manager and every manager):
 *  - sent in working hours: `ackMinutes` after it was sent, by the clock, even if that is after
 *    17:00 (the child was told "within about an hour"; if the IRO has gone home, the duty manager
 *    must know);
 *  - sent out of hours: at once, because the IRO is not at work to read it.
 */
export function escalationDueAt(sentAt: number, ackMinutes: number): number {
	return isWorkingTime(sentAt) ? sentAt + ackMinutes * 60_000 : sentAt;
}

/**
 * Messages older than this are not escalated by email any more (they stay on the managers' list as
 * not acknowledged). Escalation runs every minute, so this only matters after an upgrade, when urgent
 * messages sent before acknowledgement existed would otherwise all be emailed to every manager at once.
 */
export const ESCALATION_LOOKBACK_MS = 7 * 24 * 60 * 60_000;

/** True if an unacknowledged urgent message sent at `sentAt` should be escalated at `now`. */
export function isEscalationDue(sentAt: number, now: number, ackMinutes: number): boolean {
	return now >= escalationDueAt(sentAt, ackMinutes) && now - sentAt <= ESCALATION_LOOKBACK_MS;
}
