import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchWords } from '../../../electron/main/data/documents/document-store';
import { excerptOf } from '../../../electron/main/services/search/text-search';

describe('searchWords', () => {
  it('keeps letters and digits of every script, drops query syntax and one-letter words', () => {
    expect(searchWords('"sinusitis" OR * NEAR( x')).toEqual(['sinusitis', 'OR', 'NEAR']);
    expect(searchWords('Übelkeit, Fieber 38')).toEqual(['Übelkeit', 'Fieber', '38']);
    expect(searchWords('***')).toEqual([]);
  });

  it('never returns more than 8 words, and each is only letters and digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => {
        const words = searchWords(query);
        expect(words.length).toBeLessThanOrEqual(8);
        for (const w of words) expect(w).toMatch(/^[\p{L}\p{N}]{2,}$/u);
      }),
    );
  });
});

describe('excerptOf', () => {
  it('shows the text around the first word found', () => {
    const long = `${'Patient reports mild symptoms. '.repeat(10)}Maxillary sinusitis confirmed.`;
    const excerpt = excerptOf([long], 'sinusitis');
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt).toContain('Maxillary sinusitis confirmed.');
    expect(excerptOf(['Short note'], 'absent')).toBe('Short note');
  });
});
