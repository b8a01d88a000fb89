import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allergyMatches } from '../../../shared/domain/allergies/allergy-match';
import { containsWords, ingredientsOf, matchKey, MedicationIngredientListSchema } from '../../../shared/domain/allergies/medication-ingredients';

const LIST = [
  { medication: 'Co-amoxiclav', ingredients: ['Amoxicillin', 'Clavulanic acid'] },
  { medication: 'Augmentin', ingredients: ['Amoxicillin', 'Clavulanic acid'] },
  { medication: 'Co-codamol', ingredients: ['Codeine', 'Paracetamol'] },
];
const allergy = (substance: string) => ({ substance });

describe('the clinic ingredient list in the allergy check', () => {
  it('matches a medication by a listed active ingredient when its name does not name the substance', () => {
    expect(allergyMatches(['Augmentin 625mg tablets'], [allergy('Amoxicillin')], LIST)).toEqual([
      { medication: 'Augmentin 625mg tablets', substance: 'Amoxicillin', ingredient: 'Amoxicillin' },
    ]);
    expect(allergyMatches(['CO-AMOXICLAV'], [allergy('clavulanic acid')], LIST)).toEqual([
      { medication: 'CO-AMOXICLAV', substance: 'clavulanic acid', ingredient: 'Clavulanic acid' },
    ]);
    // without the list the same prescription warns of nothing
    expect(allergyMatches(['Augmentin 625mg tablets'], [allergy('Amoxicillin')])).toEqual([]);
  });

  it('ignores case and accents, and keeps to whole words', () => {
    expect(allergyMatches(['augméntin'], [allergy('AMOXICILLÍN')], LIST)).toHaveLength(1);
    expect(allergyMatches(['Amoxicilína'], [allergy('amoxicilina')])).toHaveLength(1);
    // "Augmentine" is not "Augmentin"; "Co-amoxiclav" is not "amoxicillin"; "Penicillamine" is not "penicillin"
    expect(allergyMatches(['Augmentine'], [allergy('Amoxicillin')], LIST)).toEqual([]);
    expect(allergyMatches(['Co-amoxiclav'], [allergy('Penicillin')], LIST)).toEqual([]);
    expect(allergyMatches(['Penicillamine'], [allergy('penicillin')], LIST)).toEqual([]);
  });

  it('names the medication once per substance, by its name before its ingredients', () => {
    const list = [{ medication: 'Codeine linctus', ingredients: ['Codeine'] }];
    expect(allergyMatches(['Codeine linctus'], [allergy('codeine')], list)).toEqual([{ medication: 'Codeine linctus', substance: 'codeine' }]);
    expect(ingredientsOf('Co-codamol 30/500 with Augmentin', LIST)).toEqual(['Amoxicillin', 'Clavulanic acid', 'Codeine', 'Paracetamol']);
  });

  it('refuses a medication listed twice, an empty or repeated ingredient, and a list too long to store', () => {
    const twice = MedicationIngredientListSchema.safeParse([...LIST, { medication: ' co amoxiclav ', ingredients: ['Amoxicillin'] }]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]).toMatchObject({ path: [3, 'medication'], message: 'co amoxiclav is listed twice' });
    expect(MedicationIngredientListSchema.safeParse([{ medication: 'X', ingredients: [] }]).success).toBe(false);
    expect(MedicationIngredientListSchema.safeParse([{ medication: 'X', ingredients: [' '] }]).success).toBe(false);
    expect(MedicationIngredientListSchema.safeParse([{ medication: 'X', ingredients: ['Codeine', 'CODEINE'] }]).success).toBe(false);
    expect(MedicationIngredientListSchema.safeParse([{ medication: '--', ingredients: ['Codeine'] }]).success).toBe(false);
    const huge = Array.from({ length: 400 }, (_, i) => ({ medication: `Product ${i}`, ingredients: Array.from({ length: 12 }, (_, j) => `Ingredient number ${j} of ${i}`) }));
    expect(MedicationIngredientListSchema.safeParse(huge).error?.issues.at(-1)?.message).toMatch(/too long to store/);
    expect(MedicationIngredientListSchema.safeParse(LIST).success).toBe(true);
  });
});

const word = fc.stringMatching(/^[a-z]{2,10}$/);
const words = fc.array(word, { minLength: 1, maxLength: 4 });
/** The same words as a person might write them: any case, accents added, other separators. */
const written = (parts: readonly string[], seed: number) =>
  parts
    .map((part, i) => {
      const cased = (seed >> i) & 1 ? part.toUpperCase() : part;
      return (seed >> (i + 4)) & 1 ? cased.replace(/[aeiou]/, (v) => `${v}\u0301`) : cased;
    })
    .join([' ', '-', '  ', ' / '][seed % 4]!);

describe('properties of the ingredient check', () => {
  it('finds a substance among a listed product’s ingredients whatever the case, accents and separators', () => {
    fc.assert(
      fc.property(words, words, words, fc.nat(255), (product, before, substance, seed) => {
        const list = [{ medication: written(product, seed), ingredients: [written(substance, seed >> 1)] }];
        const prescribed = `${before.join(' ')} ${written(product, seed >> 2)} 500mg`;
        const matches = allergyMatches([prescribed], [allergy(written(substance, seed >> 3))], list);
        expect(matches).toHaveLength(1);
      }),
    );
  });

  it('never matches through the list when the product name is not among the prescribed words', () => {
    fc.assert(
      fc.property(words, words, words, (product, prescribed, substance) => {
        fc.pre(!containsWords(prescribed.join(' '), product.join(' ')) && !containsWords(prescribed.join(' '), substance.join(' ')));
        const list = [{ medication: product.join(' '), ingredients: [substance.join(' ')] }];
        expect(allergyMatches([prescribed.join(' ')], [allergy(substance.join(' '))], list)).toEqual([]);
      }),
    );
  });

  it('matches a medication no less with a list than without it, and one per medication and substance', () => {
    fc.assert(
      fc.property(fc.array(words, { maxLength: 4 }), fc.array(words, { maxLength: 3 }), fc.array(fc.tuple(words, fc.array(words, { minLength: 1, maxLength: 3 })), { maxLength: 4 }), (meds, subs, entries) => {
        const medications = meds.map((m) => m.join(' '));
        const allergies = subs.map((s) => allergy(s.join(' ')));
        const list = entries.map(([name, ingredients]) => ({ medication: name.join(' '), ingredients: ingredients.map((i) => i.join(' ')) }));
        const withList = allergyMatches(medications, allergies, list);
        const byName = allergyMatches(medications, allergies);
        for (const match of byName) expect(withList).toContainEqual(match);
        // one warning per medication and (distinct) substance, however many ways it matches
        const distinct = [...new Map(allergies.map((a) => [matchKey(a.substance), a])).values()];
        for (const medication of medications) {
          const keys = allergyMatches([medication], distinct, list).map((m) => matchKey(m.substance));
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
    );
  });
});
