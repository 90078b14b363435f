import { createUser } from '../../../src/lib/server/accounts';
import { createChild } from '../../../src/lib/server/children';
import { scheduleMeeting } from '../../../src/lib/server/meetings';

/** Records for server-module tests: an IRO, a child on their caseload, a meeting some days ahead. */
export const DAY = 86_400_000;

export function newIro(username: string, displayName = 'Ira Iro') {
	return newAccount('iro', username, displayName);
}

/** An account of any role (password "password one"). */
export function newAccount(
	role: 'iro' | 'manager' | 'child' | 'carer',
	username: string,
	displayName = username
) {
	return createUser({ role, username, password: 'password one', displayName });
}

export function newChild(
	iroId: string,
	fields: Partial<Omit<Parameters<typeof createChild>[0], 'iroId'>> = {}
) {
	return createChild({
		iroId,
		fullName: 'Ada Lovelace',
		preferredName: '',
		dateOfBirth: '2016-05-05',
		status: 'cared_for',
		startDate: '2024-01-08',
		languages: '',
		communicationNeeds: '',
		...fields
	});
}

export function bookMeeting(childId: string, daysAhead: number, now = Date.now()) {
	return scheduleMeeting({
		childId,
		startsAt: now + daysAhead * DAY,
		kind: 'cla_review',
		venue: 'Home',
		mode: 'in_person'
	});
}
