import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError } from '../../../shared/ipc/result';
import type { ClinicReport } from '../../../shared/ipc/admin/reports';
import { onSessionReset, useAppStore } from './app-store';

export interface AdminReportsState {
  report: ClinicReport | null;
  loading: boolean;
  error: AppError | null;
  load(fromDate: string, weeks: number): Promise<void>;
}

const EMPTY = { report: null, loading: false, error: null } satisfies Partial<AdminReportsState>;

export const useAdminReportsStore = create<AdminReportsState>()((set) => ({
  ...EMPTY,
  load: async (fromDate, weeks) => {
    set({ loading: true });
    const result = await clinicApi()['admin.reports.clinic']({ fromDate, weeks });
    useAppStore.getState().noteResult(result);
    set(result.ok ? { report: result.data, error: null, loading: false } : { error: result.error, loading: false });
  },
}));

onSessionReset(() => useAdminReportsStore.setState(EMPTY));
