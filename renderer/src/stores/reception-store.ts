import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type {
  PatientDetails,
  PatientRecord,
  PatientSearchPage,
  WaitingEntryWithSlots,
  WaitingListBooking,
  WaitingListOffer,
  WalkInBooking,
  WalkInEntryView,
  WalkInQueue,
} from '../../../shared/ipc/reception/types';
import type { AppointmentView, SlotView } from '../../../shared/ipc/scheduling-types';
import { onSessionReset, noted } from './app-store';

export interface DoctorOption {
  id: number;
  name: string;
  specialization: string;
}

export interface OpenedSlot {
  doctorId: number;
  date: string;
  time: string;
  durationMinutes: number;
}

export interface ReceptionState {
  doctors: DoctorOption[] | null;
  /** The patient page's record, by patient id. */
  record: PatientRecord | null;
  recordLoading: boolean;
  queue: WalkInQueue | null;
  waiting: WaitingEntryWithSlots[] | null;
  loadDoctors(today: string): Promise<void>;
  /** `limit` grows by a page each "Show more" (the same words asked again for more). */
  searchPatients(query: string, options?: { includeInactive?: boolean; limit?: number }): Promise<Result<PatientSearchPage>>;
  loadRecord(patientId: number): Promise<Result<PatientRecord>>;
  registerPatient(input: ChannelInput<'patients.register'>): Promise<Result<PatientDetails>>;
  updatePatient(input: ChannelInput<'patients.update'>): Promise<Result<PatientDetails>>;
  setPatientActive(patientId: number, active: boolean): Promise<Result<PatientDetails>>;
  setAllergies(input: ChannelInput<'patients.allergies.set'>): Promise<Result<PatientDetails>>;
  book(input: ChannelInput<'appointments.book'>): Promise<Result<AppointmentView>>;
  soonest(input: ChannelInput<'slots.soonest'>): Promise<Result<SlotView[]>>;
  loadQueue(): Promise<void>;
  joinQueue(input: ChannelInput<'walkIns.join'>): Promise<Result<WalkInEntryView>>;
  removeFromQueue(entryId: number): Promise<Result<WalkInEntryView>>;
  bookWalkIn(input: ChannelInput<'walkIns.book'>): Promise<Result<WalkInBooking>>;
  loadWaitingList(): Promise<void>;
  addToWaitingList(input: ChannelInput<'waitingList.add'>): Promise<Result<unknown>>;
  removeFromWaitingList(entryId: number): Promise<Result<unknown>>;
  offersFor(slot: OpenedSlot): Promise<Result<WaitingListOffer[]>>;
  bookFromWaitingList(input: ChannelInput<'waitingList.book'>): Promise<Result<WaitingListBooking>>;
}

/** Patients a search lists at first, and how many more each "Show more" adds (up to the channel's limit). */
export const PATIENT_SEARCH_PAGE = 12;

const EMPTY = {
  doctors: null,
  record: null,
  recordLoading: false,
  queue: null,
  waiting: null,
} satisfies Partial<ReceptionState>;

/** Patients, walk-ins and the waiting list at the front desk: the only caller of their channels. */
export const useReceptionStore = create<ReceptionState>()((set, get) => {
  /** A change to a list this store holds: once main has taken it, the list is read again. */
  const changeThenReload = async <T>(answer: Promise<Result<T>>, reload: () => Promise<void>) => {
    const result = noted(await answer);
    if (result.ok) await reload();
    return result;
  };
  /** A change to one patient: an open record of that patient shows the saved details at once. */
  const keepOpenRecord = async (answer: Promise<Result<PatientDetails>>) => {
    const result = noted(await answer);
    if (result.ok)
      set((state) =>
        state.record?.patient.id === result.data.id ? { record: { ...state.record, patient: result.data } } : {},
      );
    return result;
  };

  return {
    ...EMPTY,

    loadDoctors: async (today) => {
      if (get().doctors) return;
      const result = noted(await clinicApi()['calendar.day']({ date: today }));
      if (result.ok) {
        const doctors = result.data.doctors.map((d) => ({
          id: d.doctorId,
          name: d.doctorName,
          specialization: d.specialization,
        }));
        set({ doctors: doctors.sort((a, b) => a.name.localeCompare(b.name)) });
      }
    },

    searchPatients: async (query, options = {}) =>
      noted(
        await clinicApi()['patients.search']({
          query,
          limit: options.limit ?? PATIENT_SEARCH_PAGE,
          includeInactive: options.includeInactive ?? false,
        }),
      ),

    loadRecord: async (patientId) => {
      set({ recordLoading: true });
      const result = noted(await clinicApi()['patients.get']({ patientId }));
      set(result.ok ? { record: result.data, recordLoading: false } : { recordLoading: false });
      return result;
    },

    registerPatient: async (input) => noted(await clinicApi()['patients.register'](input)),

    updatePatient: (input) => keepOpenRecord(clinicApi()['patients.update'](input)),

    setPatientActive: (patientId, active) => keepOpenRecord(clinicApi()['patients.setActive']({ patientId, active })),

    setAllergies: (input) => keepOpenRecord(clinicApi()['patients.allergies.set'](input)),

    book: async (input) => noted(await clinicApi()['appointments.book'](input)),
    soonest: async (input) => noted(await clinicApi()['slots.soonest'](input)),

    loadQueue: async () => {
      const result = noted(await clinicApi()['walkIns.list']({}));
      if (result.ok) set({ queue: result.data });
    },
    joinQueue: (input) => changeThenReload(clinicApi()['walkIns.join'](input), get().loadQueue),
    removeFromQueue: (entryId) => changeThenReload(clinicApi()['walkIns.remove']({ entryId }), get().loadQueue),
    bookWalkIn: (input) => changeThenReload(clinicApi()['walkIns.book'](input), get().loadQueue),

    loadWaitingList: async () => {
      const result = noted(await clinicApi()['waitingList.list']({ withSlots: true }));
      if (result.ok) set({ waiting: result.data });
    },
    addToWaitingList: (input) => changeThenReload(clinicApi()['waitingList.add'](input), get().loadWaitingList),
    removeFromWaitingList: (entryId) => changeThenReload(clinicApi()['waitingList.remove']({ entryId }), get().loadWaitingList),
    offersFor: async (slot) => noted(await clinicApi()['waitingList.offers'](slot)),
    bookFromWaitingList: async (input) => {
      const result = noted(await clinicApi()['waitingList.book'](input));
      if (result.ok && get().waiting) await get().loadWaitingList();
      return result;
    },
  };
});

// What one person looked at is not shown to the next.
onSessionReset(() => useReceptionStore.setState(EMPTY));

/** A fresh idempotency key: one per booking dialog or step opened, reused by its retries. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
