import type { MedicationIngredientList } from '../../../../shared/domain/allergies/medication-ingredients';
import type { MedicationIngredientsView, SaveMedicationIngredientsInput } from '../../../../shared/ipc/admin/medications';
import type { KnownSettingView } from '../../../../shared/ipc/admin/settings';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { readClinicSetting, saveClinicSetting } from './clinic-settings-admin';

function viewOf(setting: KnownSettingView): MedicationIngredientsView {
  return {
    entries: setting.value as MedicationIngredientList,
    updatedAt: setting.updatedAt,
    updatedBy: setting.updatedBy,
    version: setting.version,
  };
}

/** The clinic's ingredient list (the setting `medication_ingredients`; empty until an admin adds to it). */
export async function readMedicationIngredients(sql: SqlStore): Promise<MedicationIngredientsView> {
  return viewOf(await readClinicSetting(sql, 'medicationIngredients'));
}

/**
 * Replaces the list: validated by the registry's schema, versioned like every setting (a change
 * made meanwhile is a CONFLICT and nothing is written), its author and time recorded.
 */
export async function saveMedicationIngredients(sql: SqlStore, user: SessionUser, input: SaveMedicationIngredientsInput): Promise<MedicationIngredientsView> {
  return viewOf(await saveClinicSetting(sql, user, { name: 'medicationIngredients', value: input.entries, version: input.version }));
}
