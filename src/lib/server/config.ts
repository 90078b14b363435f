import { env } from '$env/dynamic/private';

/** Settings from the environment, with safe defaults for local use. */
export function config() {
	return {
		councilName: env.COUNCIL_NAME || 'Northfield Council',
		councilPhone: env.COUNCIL_PHONE || '0300 123 4567',
		emergencyDutyPhone: env.EMERGENCY_DUTY_PHONE || '0300 123 9999',
		quickExitUrl: env.QUICK_EXIT_URL || 'https://www.bbc.co.uk/weather',
		/** Urgent messages ("I don't feel safe") are also emailed here at once. */
		dutyManagerEmail: env.DUTY_MANAGER_EMAIL || ''
	};
}
