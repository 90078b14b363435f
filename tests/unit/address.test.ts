import { describe, expect, it } from 'vitest';
import { translator, addressMatters } from '../../src/lib/server/i18n';
import { readerAddress } from '../../src/lib/domain/address';
import { CONTEXT_SUFFIX } from '../../src/lib/domain/address';
import { GENDERED_LANGUAGES, gendered, isChildFacing, loadLocale } from './support/address-words';
/**
 * Flagged strings not yet rewritten (issue 11, Hindi, Urdu and Punjabi verb endings, the rest of Arabic):
 * listed so that nothing new joins them; the list only shrinks. The markers for these languages also
 * catch forms that refer to someone else (the IRO's honorific plural), so each needs a reader's eye.
 */
import PENDING from './support/address-pending.json';

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
		it('writes every child-facing string neutrally, or with a girl’s form beside it', () => {
			const unresolved = Object.keys(messages).filter((key) => {
				if (!isChildFacing(key) || CONTEXT_SUFFIX.test(key) || !gendered(lng, messages[key])) return false;
				return !(key.replace(/(_(zero|one|two|few|many|other))?$/, '_female$1') in messages);
			});
			expect(unresolved.filter((key) => !(PENDING as Record<string, string[]>)[lng]?.includes(key))).toEqual(
				[]
			);
		});
	});
});
