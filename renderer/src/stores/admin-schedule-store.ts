import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type {
  AffectedAppointment,
  ConflictResolution,
  DoctorScheduleView,
  ScheduleChangeResult,
  UnavailableBlockInput,
  WeeklyRange,
} from '../../../shared/ipc/admin/availability';
import { onSessionReset, noted } from './app-store';
import { loadInto } from './load-state';

export interface AdminScheduleState {
  schedule: DoctorScheduleView | null;
  loading: boolean;
  error: AppError | null;
  load(doctorId: number): Promise<void>;
  previewWeekly(doctorId: number, weekly: WeeklyRange[]): Promise<Result<AffectedAppointment[]>>;
  saveWeekly(doctorId: number, weekly: WeeklyRange[], resolution: ConflictResolution): Promise<Result<ScheduleChangeResult>>;
  previewBlock(doctorId: number, block: UnavailableBlockInput): Promise<Result<AffectedAppointment[]>>;
  addBlock(doctorId: number, block: UnavailableBlockInput, resolution: ConflictResolution): Promise<Result<ScheduleChangeResult>>;
  removeBlock(doctorId: number, blockId: number): Promise<Result<DoctorScheduleView>>;
}

const EMPTY = { schedule: null, loading: false, error: null } satisfies Partial<AdminScheduleState>;

/** One doctor's weekly hours and days off, as the admin's schedule screen edits them. */
export const useAdminScheduleStore = create<AdminScheduleState>()((set) => {
  const keep = (result: Result<ScheduleChangeResult>) => {
    if (result.ok) set({ schedule: result.data.schedule });
    return result;
  };
  return {
    ...EMPTY,
    load: (doctorId) => {
      // another doctor's hours never show under this one's name while they load
      set({ schedule: null });
      return loadInto(set, 'schedule', clinicApi()['admin.schedule.get']({ doctorId }));
    },
    previewWeekly: async (doctorId, weekly) => noted(await clinicApi()['admin.schedule.previewWeekly']({ doctorId, weekly })),
    saveWeekly: async (doctorId, weekly, resolution) => keep(noted(await clinicApi()['admin.schedule.saveWeekly']({ doctorId, weekly, resolution }))),
    previewBlock: async (doctorId, block) => noted(await clinicApi()['admin.schedule.previewBlock']({ doctorId, block })),
    addBlock: async (doctorId, block, resolution) => keep(noted(await clinicApi()['admin.schedule.addBlock']({ doctorId, block, resolution }))),
    removeBlock: async (doctorId, blockId) => {
      const result = noted(await clinicApi()['admin.schedule.removeBlock']({ doctorId, blockId }));
      if (result.ok) set({ schedule: result.data });
      return result;
    },
  };
});

onSessionReset(() => useAdminScheduleStore.setState(EMPTY));
