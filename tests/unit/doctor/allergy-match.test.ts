import { describe, expect, it } from 'vitest';
import { allergyColumnOf, allergyRecordOf, AllergyListSchema, normalisedSubstance } from '../../../shared/domain/allergies/allergy-list';
import { allergyMatches, unacknowledged } from '../../../shared/domain/allergies/allergy-match';

const allergy = (substance: string) => ({ substance });

describe('allergy warnings', () => {
  it('matches a medication named as the allergy, whatever the case and spacing', () => {
    expect(allergyMatches(['  AMOXICILLIN '], [allergy('amoxicillin')])).toEqual([{ medication: '  AMOXICILLIN ', substance: 'amoxicillin' }]);
    expect(allergyMatches(['Amoxicillin 500mg capsules'], [allergy('Amoxicillin')])).toHaveLength(1);
    expect(allergyMatches(['acetylsalicylic   acid'], [allergy('Acetylsalicylic Acid')])).toHaveLength(1);
  });

  it('matches whole words only, in order', () => {
    expect(allergyMatches(['Penicillamine'], [allergy('Penicillin')])).toEqual([]);
    expect(allergyMatches(['Acid reflux tablets'], [allergy('Acetylsalicylic acid')])).toEqual([]);
    expect(allergyMatches(['Ibuprofen', ''], [allergy('Amoxicillin')])).toEqual([]);
  });

  it('leaves only the matches whose substance was not acknowledged', () => {
    const matches = allergyMatches(['Amoxicillin', 'Aspirin'], [allergy('Amoxicillin'), allergy('Aspirin')]);
    expect(unacknowledged(matches, [' amoxicillin '])).toEqual([{ medication: 'Aspirin', substance: 'Aspirin' }]);
    expect(unacknowledged(matches, ['AMOXICILLIN', 'aspirin'])).toEqual([]);
  });
});

describe('the allergy record', () => {
  it('tells never asked, none known and a list apart', () => {
    expect(allergyRecordOf(null)).toEqual({ recorded: false, noneKnown: false, entries: [] });
    expect(allergyRecordOf(allergyColumnOf({ noneKnown: true, entries: [] }))).toEqual({ recorded: true, noneKnown: true, entries: [] });
    const listed = allergyRecordOf(allergyColumnOf({ noneKnown: false, entries: [{ substance: 'Latex', reaction: 'Hives' }, { substance: 'Iodine' }] }));
    expect(listed.entries).toEqual([{ substance: 'Latex', reaction: 'Hives' }, { substance: 'Iodine' }]);
    expect(allergyRecordOf('not json')).toEqual({ recorded: false, noneKnown: false, entries: [] });
  });

  it('refuses a list that also says none known, and a substance listed twice', () => {
    expect(AllergyListSchema.safeParse({ noneKnown: true, entries: [{ substance: 'Latex' }] }).success).toBe(false);
    const twice = AllergyListSchema.safeParse({ noneKnown: false, entries: [{ substance: 'Latex' }, { substance: ' latex' }] });
    expect(twice.success).toBe(false);
    expect(normalisedSubstance('  Co-Amoxiclav\tForte ')).toBe('co-amoxiclav forte');
  });
});
