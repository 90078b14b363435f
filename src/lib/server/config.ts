import { env } from '$env/dynamic/private';
import { DEFAULT_STAGE_DAYS, parseStageDays } from '$lib/domain/oversight';
import { retentionDays } from '$lib/domain/retention';
import type { SecondFactorMode } from '$lib/domain/second-factor';

/** Minutes an IRO has to acknowledge an urgent message (in working hours) before it is escalated. */
export const DEFAULT_URGENT_ACK_MINUTES = 60;

function ackMinutes(value: string | undefined): number {
	const n = Number(value);
	return value && /^\d+$/.test(value.trim()) && n >= 1 && n <= 1440 ? n : DEFAULT_URGENT_ACK_MINUTES;
}

/** Settings from the environment, with safe defaults for local use. */
export function config() {
	return {
		councilName: env.COUNCIL_NAME || 'Northfield Council',
		councilPhone: env.COUNCIL_PHONE || '0300 123 4567',
		emergencyDutyPhone: env.EMERGENCY_DUTY_PHONE || '0300 123 9999',
		quickExitUrl: env.QUICK_EXIT_URL || 'https://www.bbc.co.uk/weather',
		/**
		 * How to reach the council's data protection officer (an email address, a phone number or a postal
		 * address), on the privacy notices. Unset, the notices send people to the council's phone number.
		 */
		dpoContact: (env.DPO_CONTACT || '').trim(),
		/** The public address, for links in emails sent without a request (the escalation job). */
		origin: env.ORIGIN || `http://localhost:${env.PORT || 3000}`,
		/** Urgent messages ("I don't feel safe") are also emailed here at once. Required in production. */
		dutyManagerEmail: (env.DUTY_MANAGER_EMAIL || '').trim(),
		/** Unacknowledged urgent messages sent in working hours are escalated after this many minutes. */
		urgentAckMinutes: ackMinutes(env.URGENT_ACK_MINUTES),
		/** Working days each stage of a concern in the oversight log has (informal, then stages 1–3). */
		oversightStageDays: parseStageDays(env.OVERSIGHT_STAGE_DAYS) ?? { ...DEFAULT_STAGE_DAYS },
		/** Days a closed child's record is kept before the housekeeping job deletes it (README: retention). */
		closedRecordRetentionDays: retentionDays(env.CLOSED_RECORD_RETENTION_DAYS),
		/** Staff passkeys: `required` for every staff member, or `optional` (the default; see README). */
		staffSecondFactor: secondFactorMode(env.STAFF_SECOND_FACTOR),
		/** The WebAuthn relying party: passkeys work on this domain and its subdomains (default: ORIGIN's host). */
		rpId: rpIdOf(env.RP_ID, env.ORIGIN || `http://localhost:${env.PORT || 3000}`)
	};
}

function secondFactorMode(value: string | undefined): SecondFactorMode {
	return value?.trim().toLowerCase() === 'required' ? 'required' : 'optional';
}

function rpIdOf(rpId: string | undefined, origin: string): string {
	if (rpId?.trim()) return rpId.trim().toLowerCase();
	try {
		return new URL(origin).hostname;
	} catch {
		return 'localhost';
	}
}

/**
 * What stops the built server from starting (`npm start`, `node build`): a child who says they do
 * not feel safe must reach a person, so a production server needs the duty manager's address.
 * `npm run dev` and the unit tests do not ask. Each problem is one line for the operator.
 */
export function startupProblems(settings: Record<string, string | undefined> = env): string[] {
	const problems: string[] = [];
	const duty = (settings.DUTY_MANAGER_EMAIL ?? '').trim();
	if (!duty)
		problems.push(
			'DUTY_MANAGER_EMAIL is not set: urgent messages from children ("I don\'t feel safe") must reach the duty manager. Set it to their email address (see README, Environment).'
		);
	else if (!/^[^\s@]+@[^\s@]+$/.test(duty))
		problems.push(`DUTY_MANAGER_EMAIL is not an email address: ${duty}`);
	const minutes = settings.URGENT_ACK_MINUTES;
	if (minutes !== undefined && minutes !== '' && ackMinutes(minutes) !== Number(minutes))
		problems.push(`URGENT_ACK_MINUTES must be a whole number of minutes from 1 to 1440, not "${minutes}".`);
	if (parseStageDays(settings.OVERSIGHT_STAGE_DAYS) === null)
		problems.push(
			`OVERSIGHT_STAGE_DAYS must be up to four whole numbers of working days, such as "5,10,20,20" (informal, then stages 1 to 3), not "${settings.OVERSIGHT_STAGE_DAYS}".`
		);
	const retention = settings.CLOSED_RECORD_RETENTION_DAYS;
	if (retention !== undefined && retention !== '' && retentionDays(retention) !== Number(retention))
		problems.push(
			`CLOSED_RECORD_RETENTION_DAYS must be a whole number of days from 1 to 36500, not "${retention}".`
		);
	const secondFactor = settings.STAFF_SECOND_FACTOR?.trim().toLowerCase();
	if (secondFactor && secondFactor !== 'required' && secondFactor !== 'optional')
		problems.push(
			`STAFF_SECOND_FACTOR must be "required" or "optional", not "${settings.STAFF_SECOND_FACTOR}".`
		);
	return problems;
}
