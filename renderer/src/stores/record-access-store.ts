import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError } from '../../../shared/ipc/result';
import type { AuditEntryView } from '../../../shared/ipc/types';
import { noted, onSessionReset } from './app-store';

interface RecordAccessState {
  patientId: number | null;
  entries: AuditEntryView[] | null;
  error: AppError | null;
  load(patientId: number): Promise<void>;
}

const EMPTY = { patientId: null, entries: null, error: null } satisfies Partial<RecordAccessState>;

/** Who opened or changed one patient's record (the patient page, admins): the only caller of audit.recordAccess. */
export const useRecordAccessStore = create<RecordAccessState>()((set, get) => ({
  ...EMPTY,
  load: async (patientId) => {
    set({ patientId, entries: get().patientId === patientId ? get().entries : null, error: null });
    const result = noted(await clinicApi()['audit.recordAccess']({ patientId }));
    if (get().patientId !== patientId) return;
    set(result.ok ? { entries: result.data, error: null } : { error: result.error });
  },
}));

onSessionReset(() => useRecordAccessStore.setState(EMPTY));
