import { z } from 'zod';
import { MedicationIngredientListSchema, type MedicationIngredientList } from '../../domain/allergies/medication-ingredients';
import { text } from '../../domain/text';
import type { SettingAuthor } from './settings';

/** The clinic's ingredient list as the Medications screen and the prescription editor load it. */
export interface MedicationIngredientsView {
  entries: MedicationIngredientList;
  updatedAt: string | null;
  updatedBy: SettingAuthor | null;
  /** What the screen loaded; sent back on save so a change made meanwhile is not overwritten. */
  version: string | null;
}

export const MedicationIngredientsGetInput = z.object({}).strict();

export const SaveMedicationIngredientsInput = z
  .object({
    entries: MedicationIngredientListSchema,
    /** The version the screen loaded; null when no list was stored then. */
    version: text().max(200).nullable(),
  })
  .strict();
export type SaveMedicationIngredientsInput = z.infer<typeof SaveMedicationIngredientsInput>;
