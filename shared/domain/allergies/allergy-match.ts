import { normalisedSubstance, type AllergyEntry } from './allergy-list';

/** A medication on a prescription that matches a substance the patient is allergic to. */
export interface AllergyMatch {
  medication: string;
  substance: string;
}

const words = (name: string): string[] => normalisedSubstance(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** True when the substance's words appear together, in order, in the medication's name. */
function nameContains(medication: string, substance: string): boolean {
  const med = words(medication);
  const sub = words(substance);
  if (sub.length === 0) return false;
  for (let start = 0; start + sub.length <= med.length; start += 1) {
    if (sub.every((word, offset) => med[start + offset] === word)) return true;
  }
  return false;
}

/**
 * Each medication against each recorded allergy, by name: "Amoxicillin 500mg" matches an
 * allergy to "amoxicillin" whatever the case or spacing; "Penicillamine" does not match
 * "penicillin" (whole words only). One match per medication and substance.
 */
export function allergyMatches(medications: readonly string[], allergies: readonly AllergyEntry[]): AllergyMatch[] {
  const matches: AllergyMatch[] = [];
  for (const medication of medications) {
    if (!medication.trim()) continue;
    for (const allergy of allergies) {
      if (nameContains(medication, allergy.substance)) matches.push({ medication, substance: allergy.substance });
    }
  }
  return matches;
}

/** The matches a doctor has not acknowledged (acknowledgements name the substance). */
export function unacknowledged(matches: readonly AllergyMatch[], acknowledged: readonly string[]): AllergyMatch[] {
  const done = new Set(acknowledged.map(normalisedSubstance));
  return matches.filter((match) => !done.has(normalisedSubstance(match.substance)));
}
