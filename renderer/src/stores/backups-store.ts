import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { BackupView, RestoreResult } from '../../../shared/ipc/backups/types';
import { onSessionReset, noted } from './app-store';
import { loadInto } from './load-state';

export interface BackupsState {
  backups: BackupView[] | null;
  loading: boolean;
  error: AppError | null;
  creating: boolean;
  load(): Promise<void>;
  create(): Promise<Result<BackupView>>;
  restore(name: string): Promise<Result<RestoreResult>>;
}

const EMPTY = { backups: null, loading: false, error: null, creating: false } satisfies Partial<BackupsState>;

/** The local store's backups, for admins. */
export const useBackupsStore = create<BackupsState>()((set, get) => {
  return {
    ...EMPTY,
    load: async () => {
      await loadInto(set, 'backups', clinicApi()['backups.list']({}));
    },
    create: async () => {
      set({ creating: true });
      const result = noted(await clinicApi()['backups.create']({}));
      set({ creating: false });
      if (result.ok) await get().load();
      return result;
    },
    restore: async (name) => noted(await clinicApi()['backups.restore']({ name })),
  };
});

onSessionReset(() => useBackupsStore.setState(EMPTY));
