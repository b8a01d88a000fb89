import { normalisedSubstance, type AllergyEntry } from './allergy-list';
import { containsWords, ingredientsOf, type MedicationIngredientsEntry } from './medication-ingredients';

/**
 * A medication on a prescription that matches a substance the patient is allergic to; `ingredient`
 * says which of its listed active ingredients did when its name alone does not.
 */
export interface AllergyMatch {
  medication: string;
  substance: string;
  ingredient?: string;
}

/**
 * Each medication against each recorded allergy, by its name and by the active ingredients the
 * clinic's list gives for it: "Amoxicillin 500mg" matches an allergy to "amoxicillin" whatever the
 * case, accents or spacing; "Augmentin" matches it when the list says Augmentin contains
 * amoxicillin; "Penicillamine" does not match "penicillin" (whole words only). One match per
 * medication and substance; the name wins over an ingredient. The editor and the signature's
 * check on the server both use this function.
 */
export function allergyMatches(
  medications: readonly string[],
  allergies: readonly AllergyEntry[],
  ingredientList: readonly MedicationIngredientsEntry[] = [],
): AllergyMatch[] {
  const matches: AllergyMatch[] = [];
  for (const medication of medications) {
    if (!medication.trim()) continue;
    const ingredients = ingredientsOf(medication, ingredientList);
    for (const allergy of allergies) {
      if (containsWords(medication, allergy.substance)) {
        matches.push({ medication, substance: allergy.substance });
        continue;
      }
      const ingredient = ingredients.find((candidate) => containsWords(candidate, allergy.substance));
      if (ingredient !== undefined) matches.push({ medication, substance: allergy.substance, ingredient });
    }
  }
  return matches;
}

/** The matches a doctor has not acknowledged (acknowledgements name the substance). */
export function unacknowledged(matches: readonly AllergyMatch[], acknowledged: readonly string[]): AllergyMatch[] {
  const done = new Set(acknowledged.map(normalisedSubstance));
  return matches.filter((match) => !done.has(normalisedSubstance(match.substance)));
}
