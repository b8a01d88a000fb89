import { z } from 'zod';
import { text } from '../text';

/**
 * The clinic's ingredient list: a medication's name (a brand or a combination, "Augmentin",
 * "Co-amoxiclav") and the active ingredients it contains. The allergy check reads it so that a
 * product whose name does not name the substance is still caught. Kept as the clinic setting
 * `medication_ingredients` (JSON), which every workstation's mirror holds.
 */
export const MedicationIngredientsEntrySchema = z
  .object({
    medication: text().trim().min(1, 'Name the medication').max(80, 'A medication name must be at most 80 characters'),
    ingredients: z
      .array(text().trim().min(1, 'Name the ingredient').max(80, 'An ingredient must be at most 80 characters'))
      .min(1, 'List at least one active ingredient')
      .max(12, 'At most 12 ingredients per medication'),
  })
  .strict();
export type MedicationIngredientsEntry = z.output<typeof MedicationIngredientsEntrySchema>;

/** What clinic_settings.setting_value can hold (TEXT: 65,535 bytes on MySQL/MariaDB), with room to spare. */
const MAX_STORED_BYTES = 60_000;

export const MedicationIngredientListSchema = z
  .array(MedicationIngredientsEntrySchema)
  .max(400, 'At most 400 medications')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      const key = matchKey(entry.medication);
      if (key === '') ctx.addIssue({ code: 'custom', path: [index, 'medication'], message: `${entry.medication} has no letters or digits to match` });
      else if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'medication'], message: `${entry.medication} is listed twice` });
      seen.add(key);
      const own = new Set<string>();
      entry.ingredients.forEach((ingredient, at) => {
        const ingredientKey = matchKey(ingredient);
        if (ingredientKey === '') ctx.addIssue({ code: 'custom', path: [index, 'ingredients', at], message: `${ingredient} has no letters or digits to match` });
        else if (own.has(ingredientKey)) ctx.addIssue({ code: 'custom', path: [index, 'ingredients', at], message: `${ingredient} is listed twice for ${entry.medication}` });
        own.add(ingredientKey);
      });
    });
    if (new TextEncoder().encode(JSON.stringify(list)).length > MAX_STORED_BYTES) {
      ctx.addIssue({ code: 'custom', path: [], message: 'The list is too long to store: shorten names or remove medications' });
    }
  });
export type MedicationIngredientList = z.output<typeof MedicationIngredientListSchema>;

/**
 * The words of a name as the check compares them: lower case, accents dropped ("Amoxicilína" is
 * "amoxicilina"), split on anything that is not a letter or digit ("Co-amoxiclav" is "co",
 * "amoxiclav").
 */
export function matchWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** One text per name for comparing names: two names with the same words are the same name. */
export function matchKey(name: string): string {
  return matchWords(name).join(' ');
}

/** True when the words of `part` appear together, in order, in `whole` (whole words only). */
export function containsWords(whole: string, part: string): boolean {
  const outer = matchWords(whole);
  const inner = matchWords(part);
  if (inner.length === 0) return false;
  for (let start = 0; start + inner.length <= outer.length; start += 1) {
    if (inner.every((word, offset) => outer[start + offset] === word)) return true;
  }
  return false;
}

/**
 * The active ingredients the list gives for a medication as written on a prescription: every
 * entry whose name appears, as whole words, in it ("Augmentin 625mg tablets" takes the entry
 * "Augmentin"). Several entries can apply; each ingredient is given once.
 */
export function ingredientsOf(medication: string, list: readonly MedicationIngredientsEntry[]): string[] {
  const found = new Map<string, string>();
  for (const entry of list) {
    if (!containsWords(medication, entry.medication)) continue;
    for (const ingredient of entry.ingredients) {
      const key = matchKey(ingredient);
      if (key && !found.has(key)) found.set(key, ingredient.trim());
    }
  }
  return [...found.values()];
}
