import type { RequestHandler } from './$types';
import { notFound, requireSubjectAccess } from '$lib/server/access';
import { subjectAccessExport } from '$lib/server/subject-access';

/** The subject access zip (HTML and JSON) for the child or a linked carer; recorded in the audit trail. */
export const GET: RequestHandler = ({ params, url }) => {
	const { user, child, who } = requireSubjectAccess(params.childId, url.searchParams.get('for') ?? 'child');
	const made = subjectAccessExport(user.id, child.id, who);
	if (!made) notFound();
	const file = `everything-held-${who === 'child' ? child.id : who.carerId}.zip`;
	return new Response(made.zip as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${file}"`,
			'cache-control': 'no-store'
		}
	});
};
