import { describe, expect, it } from 'vitest';
import { move, reorder, runningOrder } from '../../../src/lib/domain/agenda';

const items = [
	{ id: 'a', text: 'Family time', raiser: 'me' as const },
	{ id: 'b', text: 'School', raiser: 'iro' as const },
	{ id: 'c', text: 'Money', raiser: 'me' as const }
];

describe('my agenda order', () => {
	it('moves an item up or down by one', () => {
		expect(move(items, 'b', 'up').map((i) => i.id)).toEqual(['b', 'a', 'c']);
		expect(move(items, 'b', 'down').map((i) => i.id)).toEqual(['a', 'c', 'b']);
	});

	it('leaves the order alone at the ends or for an unknown item', () => {
		expect(move(items, 'a', 'up')).toBe(items);
		expect(move(items, 'c', 'down')).toBe(items);
		expect(move(items, 'zzz', 'up')).toBe(items);
	});

	it('takes a whole new order from drag and drop only if it has exactly the same items', () => {
		expect(reorder(items, ['c', 'a', 'b']).map((i) => i.id)).toEqual(['c', 'a', 'b']);
		expect(reorder(items, ['c', 'a'])).toBe(items);
		expect(reorder(items, ['c', 'a', 'a'])).toBe(items);
		expect(reorder(items, ['c', 'a', 'x'])).toBe(items);
	});
});

describe('the running order for a child who chairs', () => {
	it('puts the child’s items in their order between the opening and the close', () => {
		const order = runningOrder('me', items);
		expect(order.map((s) => s.kind)).toEqual([
			'welcome',
			'introductions',
			'item',
			'item',
			'item',
			'anythingElse',
			'nextSteps',
			'close'
		]);
		expect(order.filter((s) => s.kind === 'item').map((s) => ('text' in s ? s.text : ''))).toEqual([
			'Family time',
			'School',
			'Money'
		]);
		expect(order[0].by).toBe('me');
		expect(order[3].by).toBe('iro');
		expect(order.find((s) => s.kind === 'nextSteps')?.by).toBe('iro');
	});

	it('shares the opening and close with the IRO for a co-chair', () => {
		const order = runningOrder('cochair', []);
		expect(order.map((s) => [s.kind, s.by])).toEqual([
			['welcome', 'together'],
			['introductions', 'together'],
			['anythingElse', 'together'],
			['nextSteps', 'iro'],
			['close', 'together']
		]);
	});
});
