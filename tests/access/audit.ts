import { child, only, staffChild, type RouteRule } from './rules';

/**
 * The audit trail and subject access (issue 10). A child's trail is for the child's IRO and managers;
 * one staff member's reads and subject access downloads are for managers only. "Other" is a record
 * that does not exist as asked (an IRO's id as a child, a child's id as a member of staff, a child
 * who is not the carer's), so a manager gets 404 there too.
 */
export const AUDIT_RULES: RouteRule[] = [
	{ route: '/iro/children/[childId]/audit', path: child('/audit'), get: staffChild },
	{
		route: '/manage/staff/[userId]/reads',
		path: (ids, which) => `/manage/staff/${which === 'own' ? ids.ownIro : ids.ownChild}/reads`,
		get: only('manager', { own: 'ok', other: 'notFound' })
	},
	{
		route: '/manage/subject-access/[childId]',
		path: (ids, which) => `/manage/subject-access/${which === 'own' ? ids.ownChild : ids.ownIro}`,
		get: only('manager', { own: 'ok', other: 'notFound' })
	},
	{
		// The download (a zip): "other" asks for Kacper's record as a carer of his, which Sam is not.
		route: '/manage/subject-access/[childId]/download',
		path: (ids, which) =>
			which === 'own'
				? `/manage/subject-access/${ids.ownChild}/download?for=child`
				: `/manage/subject-access/${ids.otherChild}/download?for=${ids.ownChild}`,
		get: only('manager', { own: 'ok', other: 'notFound' })
	}
];
