/** What to call a child: the name they asked to be called by, else their full name. */
export function callName(child: { preferredName: string | null; fullName: string }): string {
	return child.preferredName ?? child.fullName;
}
