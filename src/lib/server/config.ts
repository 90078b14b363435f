import { env } from '$env/dynamic/private';
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
		/** The public address, for links in emails sent without a request (the escalation job). */
		origin: env.ORIGIN || `http://localhost:${env.PORT || 3000}`,
		/** Urgent messages ("I don't feel safe") are also emailed here at once. Required in production. */
		dutyManagerEmail: (env.DUTY_MANAGER_EMAIL || '').trim(),
		/** Unacknowledged urgent messages sent in working hours are escalated after this many minutes. */
		urgentAckMinutes: ackMinutes(env.URGENT_ACK_MINUTES),
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
	const secondFactor = settings.STAFF_SECOND_FACTOR?.trim().toLowerCase();
	if (secondFactor && secondFactor !== 'required' && secondFactor !== 'optional')
		problems.push(
			`STAFF_SECOND_FACTOR must be "required" or "optional", not "${settings.STAFF_SECOND_FACTOR}".`
		);
	return problems;
}
