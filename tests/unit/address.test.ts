import { describe, expect, it } from 'vitest';
import { translator, addressMatters } from '../../src/lib/server/i18n';
import { readerAddress } from '../../src/lib/domain/address';
import { CONTEXT_SUFFIX } from '../../src/lib/domain/address';
import {
	GENDERED_LANGUAGES,
	gendered,
	isChildFacing,
	loadLocale,
	markedWords
} from './support/address-words';
/**
 * Strings the word check flags that a reader of the language has read and found are not about the child:
 * the marked word is about the IRO (the respectful plural), a carer, “we”, the meeting or a thing. Each
 * entry names the words it was read for; a changed text that marks new words is flagged again.
 */
import REVIEWED from './support/address-reviewed.json';

/**
 * Issue 11: gendered languages addressed every child in the masculine ("أنت مهمّ" to Zainab). What a
 * child reads is written neutrally where the language allows; where it cannot, the child chooses.
 */
describe('how a child is addressed', () => {
	it('says “أنتِ مهمّة” to an Arabic-speaking girl who asked for it, and keeps the base for everyone else', () => {
		expect(translator('ar', 'female')('messages:safe.lead')).toContain('أنتِ مهمّة');
		expect(translator('ar')('messages:safe.lead')).toContain('أنت مهمّ،');
		expect(translator('ar', 'male')('messages:safe.lead')).toContain('أنت مهمّ،');
		// A context variant with a count still finds its plural form, and English is the same for all.
		expect(translator('en', 'female')('child:home.lead')).toBe(translator('en')('child:home.lead'));
	});

	it('writes Polish neutrally for a child who chose “in a way that fits everyone”, and by gender when asked', () => {
		expect(translator('pl')('say:feelings.happy')).toBe('Wesoło mi');
		expect(translator('pl', 'female')('say:feelings.happy')).toBe('Wesoła');
		expect(translator('pl', 'male')('say:feelings.happy')).toBe('Wesoły');
		expect(translator('pl')('say:start.sent', { date: '1' })).not.toMatch(/łeś|łaś/);
	});

	it('uses only a child’s own answer: never a carer’s or a staff member’s, and “skipped” is neutral', () => {
		expect(readerAddress({ role: 'child', address: 'female' })).toBe('female');
		expect(readerAddress({ role: 'child', address: 'skipped' })).toBeUndefined();
		expect(readerAddress({ role: 'child', address: null })).toBeUndefined();
		expect(readerAddress({ role: 'carer', address: 'male' })).toBeUndefined();
		expect(readerAddress(null)).toBeUndefined();
	});

	it('asks only in languages where the answer changes something', () => {
		expect(addressMatters('ar')).toBe(true);
		expect(addressMatters('pl')).toBe(true);
		expect(addressMatters('en')).toBe(false);
		expect(addressMatters('zh-Hant')).toBe(false);
	});

	describe.each(GENDERED_LANGUAGES)('%s', (lng) => {
		const messages = loadLocale(lng);
		const reviewed =
			(REVIEWED as Record<string, Record<string, { words: string[]; about: string }>>)[lng] ?? {};
		const flagged = Object.keys(messages).filter(
			(key) =>
				isChildFacing(key) &&
				!CONTEXT_SUFFIX.test(key) &&
				gendered(lng, messages[key]) &&
				!(key.replace(/(_(zero|one|two|few|many|other))?$/, '_female$1') in messages)
		);
		it('writes every child-facing string neutrally, or with a girl’s form beside it', () => {
			// A flagged string passes only if a reader found every marked word to be about someone else.
			const unresolved = flagged.filter(
				(key) =>
					!reviewed[key] || markedWords(lng, messages[key]).some((w) => !reviewed[key].words.includes(w))
			);
			expect(unresolved.map((key) => `${key}: ${messages[key]}`)).toEqual([]);
		});
		it('keeps the reviewed list honest: each entry is still flagged and says what its words are about', () => {
			expect(Object.keys(reviewed).filter((key) => !flagged.includes(key))).toEqual([]);
			for (const [key, { words, about }] of Object.entries(reviewed)) {
				expect([key, words.length > 0, about.length > 10]).toEqual([key, true, true]);
				expect([key, words.every((w) => markedWords(lng, messages[key]).includes(w))]).toEqual([key, true]);
			}
		});
	});

	it('writes what a child reads before signing in neutrally: nobody knows yet how they want to be addressed', () => {
		// Pre-sign-in pages never carry a context, so a girl's form there would never be shown.
		const ar = loadLocale('ar');
		for (const key of [
			'auth:join.username',
			'errors:signIn.passwordRequired',
			'letter:step1',
			'common:help.emergency'
		])
			expect([key, gendered('ar', ar[key])]).toEqual([key, false]);
		expect(loadLocale('hi')['errors:join.hasAccount']).not.toMatch(/भूल गए/);
		// The child's own words in the IRO's pack are read by staff, who get no context: written neutrally.
		for (const lng of ['hi', 'ur', 'pa'])
			for (const key of ['say:q.change.short', 'say:q.feelHome.short', 'say:pictures.grownUp'])
				expect([lng, key, gendered(lng, loadLocale(lng)[key])]).toEqual([lng, key, false]);
	});
});
