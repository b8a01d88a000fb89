import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { IntegrityItem, IntegrityReport, IntegrityRepairResult } from '../../../shared/ipc/consistency/types';
import { onSessionReset, noted } from './app-store';

export interface DataHealthState {
  report: IntegrityReport | null;
  checking: boolean;
  error: AppError | null;
  /** Items being repaired now, by collection/id/kind. */
  repairing: readonly string[];
  check(): Promise<void>;
  repair(item: IntegrityItem): Promise<Result<IntegrityRepairResult>>;
}

export const itemKey = (item: Pick<IntegrityItem, 'collection' | 'documentId' | 'kind'>) => `${item.collection}/${item.documentId}/${item.kind}`;

const EMPTY = { report: null, checking: false, error: null, repairing: [] } satisfies Partial<DataHealthState>;

/** The Data health screen: the integrity check's report and its one-step repairs (admins). */
export const useDataHealthStore = create<DataHealthState>()((set, get) => ({
  ...EMPTY,
  check: async () => {
    set({ checking: true });
    const result = noted(await clinicApi()['dataHealth.check']({}));
    set(result.ok ? { report: result.data, error: null, checking: false } : { error: result.error, checking: false });
  },
  repair: async (item) => {
    if (!item.repair) throw new Error('This item has no repair');
    const key = itemKey(item);
    set({ repairing: [...get().repairing, key] });
    const result = noted(
      await clinicApi()['dataHealth.repair']({ kind: item.kind, collection: item.collection, documentId: item.documentId, repair: item.repair }),
    );
    set({ repairing: get().repairing.filter((k) => k !== key) });
    // The report is read again, so what the repair fixed leaves the list.
    if (result.ok) await get().check();
    return result;
  },
}));

onSessionReset(() => useDataHealthStore.setState(EMPTY));
