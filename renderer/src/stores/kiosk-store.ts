import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { KioskBirthDateSignInInput, KioskExitInput, KioskSignInInput, SubmitFeedbackInput } from '../../../shared/ipc/kiosk/schemas';
import type { FeedbackReceipt, KioskPasswordSet, KioskPatientMatch, KioskPrescriptions, KioskVisits } from '../../../shared/ipc/kiosk/types';
import type { AppointmentView } from '../../../shared/ipc/scheduling-types';
import type { SessionInfo } from '../../../shared/ipc/types';
import { onSessionReset, useAppStore, noted } from './app-store';

/**
 * The patient kiosk: the signed-in patient's visits and prescriptions, check-in and feedback,
 * plus the kiosk's own session moves (enter, leave, patient sign-in, Done). Everything a patient
 * saw is dropped the moment their session ends, however it ends (Done, idle, main's refusal):
 * the next person at the kiosk starts from nothing.
 */
export interface KioskState {
  visits: KioskVisits | null;
  prescriptions: KioskPrescriptions | null;
  loading: boolean;
  error: AppError | null;
  /** The completed visit the patient is giving feedback for, if any. */
  feedbackFor: number | null;
  /** Appointment ids the patient checked in for or left feedback for, to thank them on screen. */
  thanks: string | null;
  enter(): Promise<Result<SessionInfo>>;
  exit(input: KioskExitInput): Promise<Result<SessionInfo>>;
  signIn(input: KioskSignInInput): Promise<Result<SessionInfo>>;
  /** Name, date of birth and the phone's last four digits: a session for checking in only. */
  signInByBirthDate(input: KioskBirthDateSignInInput): Promise<Result<SessionInfo>>;
  /** "Done" or the idle end: ends the patient's session and forgets everything of theirs. */
  done(): Promise<void>;
  load(): Promise<void>;
  checkIn(appointmentId: number): Promise<Result<AppointmentView>>;
  startFeedback(appointmentId: number | null): void;
  submitFeedback(input: SubmitFeedbackInput): Promise<Result<FeedbackReceipt>>;
  dismissThanks(): void;
  findPatient(email: string): Promise<Result<KioskPatientMatch>>;
  setPatientPassword(patientId: number, newPassword: string): Promise<Result<KioskPasswordSet>>;
  clear(): void;
}

const EMPTY = { visits: null, prescriptions: null, loading: false, error: null, feedbackFor: null, thanks: null } satisfies Partial<KioskState>;

export const useKioskStore = create<KioskState>()((set, get) => {
  function adopt(result: Result<SessionInfo>): Result<SessionInfo> {
    if (result.ok) useAppStore.getState().adoptSession(result.data);
    return result;
  }

  return {
    ...EMPTY,

    enter: async () => adopt(await clinicApi()['kiosk.enter']({})),
    exit: async (input) => adopt(await clinicApi()['kiosk.exit'](input)),
    signIn: async (input) => {
      set({ ...EMPTY });
      return adopt(await clinicApi()['kiosk.signIn'](input));
    },

    signInByBirthDate: async (input) => {
      set({ ...EMPTY });
      return adopt(await clinicApi()['kiosk.signInByBirthDate'](input));
    },

    done: async () => {
      set({ ...EMPTY });
      await useAppStore.getState().signOut();
    },

    load: async () => {
      set({ loading: true });
      // Without a password (name and birth date) the patient checks in; prescriptions stay closed.
      const checkInOnly = useAppStore.getState().kiosk?.checkInOnly === true;
      const [visits, prescriptions] = await Promise.all([
        clinicApi()['kiosk.myVisits']({}),
        checkInOnly ? Promise.resolve(null) : clinicApi()['kiosk.myPrescriptions']({}),
      ]);
      noted(visits);
      if (prescriptions) noted(prescriptions);
      // The session may have ended while the answers travelled: never show them to whoever is next.
      if (!useAppStore.getState().user) {
        set({ ...EMPTY });
        return;
      }
      set({
        visits: visits.ok ? visits.data : null,
        prescriptions: prescriptions?.ok ? prescriptions.data : null,
        error: !visits.ok ? visits.error : prescriptions && !prescriptions.ok ? prescriptions.error : null,
        loading: false,
      });
    },

    checkIn: async (appointmentId) => {
      const result = noted(await clinicApi()['kiosk.checkIn']({ appointmentId }));
      if (result.ok) {
        set({ thanks: 'You are checked in. Please take a seat, we will call you.' });
        await get().load();
      }
      return result;
    },

    startFeedback: (appointmentId) => set({ feedbackFor: appointmentId, thanks: null }),

    submitFeedback: async (input) => {
      const result = noted(await clinicApi()['kiosk.submitFeedback'](input));
      if (result.ok) {
        set({ feedbackFor: null, thanks: 'Thank you for your feedback. It helps us care for you better.' });
        await get().load();
      }
      return result;
    },

    dismissThanks: () => set({ thanks: null }),

    findPatient: async (email) => noted(await clinicApi()['kiosk.findPatient']({ email })),
    setPatientPassword: async (patientId, newPassword) => noted(await clinicApi()['kiosk.setPatientPassword']({ patientId, newPassword })),

    clear: () => set({ ...EMPTY }),
  };
});

// Whenever the person at the workstation changes (Done, idle end, sign-out), nothing of theirs stays.
onSessionReset(() => useKioskStore.getState().clear());
