/**
 * Background work that writes one row after another (a backlog of escalations, of records past their
 * retention period) awaits this between them: each write waits for the disk, and the pages waiting
 * meanwhile are answered before the work goes on.
 */
export function nextTurn(): Promise<void> {
	return new Promise((next) => setImmediate(next));
}
