import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { MedicationIngredientList } from '../../../shared/domain/allergies/medication-ingredients';
import type { MedicationIngredientsView } from '../../../shared/ipc/admin/medications';
import { onSessionReset, noted } from './app-store';
import { loadInto } from './load-state';

export interface AdminMedicationsState {
  list: MedicationIngredientsView | null;
  loading: boolean;
  error: AppError | null;
  load(): Promise<void>;
  save(entries: MedicationIngredientList): Promise<Result<MedicationIngredientsView>>;
}

const EMPTY = { list: null, loading: false, error: null } satisfies Partial<AdminMedicationsState>;

/** The Medications screen's data: the clinic's ingredient list (admins change it). */
export const useAdminMedicationsStore = create<AdminMedicationsState>()((set, get) => ({
  ...EMPTY,
  load: () => loadInto(set, 'list', clinicApi()['admin.medications.get']({})),
  save: async (entries) => {
    // the version loaded: a change someone made meanwhile is refused, not overwritten
    const result = noted(await clinicApi()['admin.medications.save']({ entries, version: get().list?.version ?? null }));
    if (result.ok) set({ list: result.data });
    return result;
  },
}));

onSessionReset(() => useAdminMedicationsStore.setState(EMPTY));
