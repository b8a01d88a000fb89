import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { PrescriptionContentInput } from '../../../shared/ipc/doctor/schemas';
import type {
  DoctorAppointmentPage,
  DoctorDayView,
  FollowUpSlots,
  PrescriptionPdf,
  PrescriptionView,
  SigningKeyStatus,
} from '../../../shared/ipc/doctor/types';
import type { AppointmentView } from '../../../shared/ipc/scheduling-types';
import type {
  AffectedAppointment,
  ConflictResolution,
  DoctorScheduleView,
  ScheduleChangeResult,
  UnavailableBlockInput,
  WeeklyRange,
} from '../../../shared/ipc/admin/availability';
import { onSessionReset, noted } from './app-store';
import { clinicToday } from './display-format';

/** Where the doctor is inside "My day". */
export type DoctorScreen =
  | { kind: 'day' }
  | { kind: 'appointment'; appointmentId: number }
  | { kind: 'prescription'; appointmentId: number; prescriptionId: string | null };

export interface DoctorState {
  screen: DoctorScreen;
  date: string | null;
  day: DoctorDayView | null;
  dayLoading: boolean;
  dayError: AppError | null;
  page: DoctorAppointmentPage | null;
  pageLoading: boolean;
  pageError: AppError | null;
  show(screen: DoctorScreen): void;
  loadDay(date?: string): Promise<void>;
  loadAppointment(appointmentId: number): Promise<void>;
  setOutcome(appointmentId: number, status: 'Completed' | 'No-Show'): Promise<Result<AppointmentView>>;
  /** Records the visit's patient's allergies (the doctor's own patients), then reads the visit again. */
  setAllergies(appointmentId: number, input: ChannelInput<'patients.allergies.set'>): Promise<Result<unknown>>;
  signingKey(): Promise<Result<SigningKeyStatus>>;
  getPrescription(prescriptionId: string): Promise<Result<PrescriptionView>>;
  savePrescription(appointmentId: number, prescriptionId: string | null, content: PrescriptionContentInput): Promise<Result<PrescriptionView>>;
  signPrescription(prescriptionId: string, password?: string, acknowledgedAllergies?: string[]): Promise<Result<PrescriptionView>>;
  medicationNames(startsWith: string): Promise<Result<string[]>>;
  followUpSlots(prescriptionId: string): Promise<Result<FollowUpSlots>>;
  bookFollowUp(prescriptionId: string, date: string, time: string, idempotencyKey: string): Promise<Result<AppointmentView>>;
  exportPdf(prescriptionId: string): Promise<Result<PrescriptionPdf>>;
  schedule: DoctorScheduleView | null;
  scheduleError: AppError | null;
  loadSchedule(): Promise<void>;
  previewWeekly(weekly: WeeklyRange[]): Promise<Result<AffectedAppointment[]>>;
  saveWeekly(weekly: WeeklyRange[], resolution: ConflictResolution): Promise<Result<ScheduleChangeResult>>;
  previewBlock(block: UnavailableBlockInput): Promise<Result<AffectedAppointment[]>>;
  addBlock(block: UnavailableBlockInput, resolution: ConflictResolution): Promise<Result<ScheduleChangeResult>>;
  removeBlock(blockId: number): Promise<Result<DoctorScheduleView>>;
}

const EMPTY = {
  screen: { kind: 'day' },
  date: null,
  day: null,
  dayLoading: false,
  dayError: null,
  page: null,
  pageLoading: false,
  pageError: null,
  schedule: null,
  scheduleError: null,
} satisfies Partial<DoctorState>;

/** The doctor's own day, the open appointment, prescriptions: the only caller of the doctor channels. */
export const useDoctorStore = create<DoctorState>()((set, get) => {
  return {
    ...EMPTY,

    show: (screen) => set({ screen }),

    loadDay: async (date) => {
      const wanted = date ?? get().date ?? get().day?.today ?? clinicToday();
      set({ dayLoading: true, date: wanted });
      const result = noted(await clinicApi()['doctor.myDay']({ date: wanted }));
      if (get().date !== wanted) return; // a later choice of date won
      set(result.ok ? { day: result.data, dayError: null, dayLoading: false } : { dayError: result.error, dayLoading: false });
    },

    loadAppointment: async (appointmentId) => {
      set({ pageLoading: true, pageError: null, page: get().page?.appointment.appointmentId === appointmentId ? get().page : null });
      const result = noted(await clinicApi()['doctor.appointment']({ appointmentId }));
      set(result.ok ? { page: result.data, pageLoading: false } : { pageError: result.error, pageLoading: false, page: null });
    },

    setOutcome: async (appointmentId, status) => {
      const result = noted(await clinicApi()['doctor.setVisitOutcome']({ appointmentId, status }));
      if (result.ok) await Promise.all([get().loadAppointment(appointmentId), get().loadDay()]);
      return result;
    },

    setAllergies: async (appointmentId, input) => {
      const result = noted(await clinicApi()['patients.allergies.set'](input));
      if (result.ok) await get().loadAppointment(appointmentId);
      return result;
    },

    signingKey: async () => noted(await clinicApi()['doctor.signingKey']({})),
    getPrescription: async (prescriptionId) => noted(await clinicApi()['doctor.prescription.get']({ prescriptionId })),

    savePrescription: async (appointmentId, prescriptionId, content) =>
      noted(await clinicApi()['doctor.prescription.save']({ appointmentId, ...(prescriptionId ? { prescriptionId } : {}), content })),

    signPrescription: async (prescriptionId, password, acknowledgedAllergies = []) =>
      noted(await clinicApi()['doctor.prescription.sign']({ prescriptionId, ...(password ? { password } : {}), acknowledgedAllergies })),

    medicationNames: async (startsWith) => noted(await clinicApi()['doctor.medicationNames']({ startsWith })),

    followUpSlots: async (prescriptionId) => noted(await clinicApi()['doctor.followUp.slots']({ prescriptionId, count: 6 })),

    bookFollowUp: async (prescriptionId, date, time, idempotencyKey) => {
      const result = noted(await clinicApi()['doctor.followUp.book']({ prescriptionId, date, time, idempotencyKey }));
      if (result.ok) void get().loadDay();
      return result;
    },

    exportPdf: async (prescriptionId) => noted(await clinicApi()['doctor.prescription.pdf']({ prescriptionId })),

    loadSchedule: async () => {
      const result = noted(await clinicApi()['doctor.schedule.get']({}));
      set(result.ok ? { schedule: result.data, scheduleError: null } : { scheduleError: result.error });
    },
    previewWeekly: async (weekly) => noted(await clinicApi()['doctor.schedule.previewWeekly']({ weekly })),
    saveWeekly: async (weekly, resolution) => {
      const result = noted(await clinicApi()['doctor.schedule.saveWeekly']({ weekly, resolution }));
      if (result.ok) set({ schedule: result.data.schedule });
      return result;
    },
    previewBlock: async (block) => noted(await clinicApi()['doctor.schedule.previewBlock']({ block })),
    addBlock: async (block, resolution) => {
      const result = noted(await clinicApi()['doctor.schedule.addBlock']({ block, resolution }));
      if (result.ok) set({ schedule: result.data.schedule });
      return result;
    },
    removeBlock: async (blockId) => {
      const result = noted(await clinicApi()['doctor.schedule.removeBlock']({ blockId }));
      if (result.ok) set({ schedule: result.data });
      return result;
    },
  };
});


onSessionReset(() => useDoctorStore.setState(EMPTY));
