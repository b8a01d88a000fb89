import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { SlotView } from '../../../shared/ipc/scheduling-types';
import type { ResolvedConflict, SyncConflict } from '../../../shared/ipc/sync/types';
import { onSessionReset, noted } from './app-store';
import { loadInto } from './load-state';
import { useConnectionStore } from './connection-store';

export interface SyncConflictsState {
  conflicts: SyncConflict[] | null;
  loading: boolean;
  error: AppError | null;
  load(): Promise<void>;
  resolve(input: ChannelInput<'sync.conflicts.resolve'>): Promise<Result<ResolvedConflict>>;
  freeSlots(input: ChannelInput<'slots.free'>): Promise<Result<SlotView[]>>;
}

const EMPTY = { conflicts: null, loading: false, error: null } satisfies Partial<SyncConflictsState>;

/** Changes made offline that the clinic server refused, and the one step that settles each. */
export const useSyncConflictsStore = create<SyncConflictsState>()((set) => {
  return {
    ...EMPTY,
    load: async () => {
      await loadInto(set, 'conflicts', clinicApi()['sync.conflicts.list']({}));
    },
    resolve: async (input) => {
      const result = noted(await clinicApi()['sync.conflicts.resolve'](input));
      if (result.ok) {
        // The row leaves at once; the indicator's count follows without waiting for its next poll.
        set((state) => ({ conflicts: state.conflicts?.filter((conflict) => conflict.id !== input.conflictId) ?? null }));
        void useConnectionStore.getState().refresh();
      }
      return result;
    },
    freeSlots: async (input) => noted(await clinicApi()['slots.free'](input)),
  };
});

onSessionReset(() => useSyncConflictsStore.setState(EMPTY));
