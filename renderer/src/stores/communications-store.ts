import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { MessageTemplates } from '../../../shared/domain/communications/templates';
import type { SaveCommunicationSettingsInput, SearchLogInput } from '../../../shared/ipc/communications/schemas';
import type {
  CommunicationLogView,
  CommunicationSettingsView,
  ConfirmationResult,
  MessageRunSummary,
  PatientCommunicationsView,
  PatientMatch,
  TemplatesView,
  TestMessageResult,
} from '../../../shared/ipc/communications/types';
import { onSessionReset, noted } from './app-store';

export type LogFilters = Omit<SearchLogInput, 'limit' | 'offset'>;
const PAGE_SIZE = 50;

export interface CommunicationsState {
  settings: CommunicationSettingsView | null;
  templates: TemplatesView | null;
  log: CommunicationLogView[] | null;
  logTotal: number;
  logFilters: LogFilters;
  logLoading: boolean;
  logError: AppError | null;
  lastRun: MessageRunSummary | null;
  /** Patient histories by patient id: several components may show one. */
  histories: Record<number, PatientCommunicationsView | undefined>;
  loadSettings(): Promise<Result<CommunicationSettingsView>>;
  saveSettings(input: SaveCommunicationSettingsInput): Promise<Result<CommunicationSettingsView>>;
  sendTest(to: string): Promise<Result<TestMessageResult>>;
  loadTemplates(): Promise<Result<TemplatesView>>;
  saveTemplates(templates: MessageTemplates): Promise<Result<TemplatesView>>;
  runNow(): Promise<Result<MessageRunSummary>>;
  searchLog(filters: LogFilters): Promise<void>;
  loadMoreLog(): Promise<void>;
  findPatients(query: string): Promise<Result<PatientMatch[]>>;
  loadHistory(patientId: number): Promise<Result<PatientCommunicationsView>>;
  setEmailOptOut(patientId: number, optOut: boolean): Promise<Result<PatientCommunicationsView>>;
  recordConfirmation(appointmentId: number, via: 'phone' | 'reply' | 'in_person'): Promise<Result<ConfirmationResult>>;
}

const EMPTY = {
  settings: null,
  templates: null,
  log: null,
  logTotal: 0,
  logFilters: {},
  logLoading: false,
  logError: null,
  lastRun: null,
  histories: {},
} satisfies Partial<CommunicationsState>;

/** Reminders, notices and the communication log: the only caller of the communications channels. */
export const useCommunicationsStore = create<CommunicationsState>()((set, get) => {
  return {
    ...EMPTY,

    loadSettings: async () => {
      const result = noted(await clinicApi()['communications.settings.get']({}));
      if (result.ok) set({ settings: result.data });
      return result;
    },
    saveSettings: async (input) => {
      const result = noted(await clinicApi()['communications.settings.save'](input));
      if (result.ok) set({ settings: result.data });
      return result;
    },
    sendTest: async (to) => noted(await clinicApi()['communications.settings.sendTest']({ to })),
    loadTemplates: async () => {
      const result = noted(await clinicApi()['communications.templates.get']({}));
      if (result.ok) set({ templates: result.data });
      return result;
    },
    saveTemplates: async (templates) => {
      const result = noted(await clinicApi()['communications.templates.save']({ templates }));
      if (result.ok) set({ templates: result.data });
      return result;
    },
    runNow: async () => {
      const result = noted(await clinicApi()['communications.job.runNow']({}));
      if (result.ok) {
        set({ lastRun: result.data });
        await get().searchLog(get().logFilters);
        // Open histories may have new messages.
        for (const id of Object.keys(get().histories)) await get().loadHistory(Number(id));
      }
      return result;
    },
    searchLog: async (filters) => {
      set({ logLoading: true, logFilters: filters });
      const result = noted(await clinicApi()['communications.log.search']({ ...filters, limit: PAGE_SIZE, offset: 0 }));
      if (result.ok) set({ log: result.data.rows, logTotal: result.data.total, logError: null, logLoading: false });
      else set({ logError: result.error, logLoading: false });
    },
    loadMoreLog: async () => {
      const { log, logFilters, logLoading } = get();
      if (!log || logLoading) return;
      set({ logLoading: true });
      const result = noted(await clinicApi()['communications.log.search']({ ...logFilters, limit: PAGE_SIZE, offset: log.length }));
      if (result.ok) set({ log: [...log, ...result.data.rows], logTotal: result.data.total, logError: null, logLoading: false });
      else set({ logError: result.error, logLoading: false });
    },
    findPatients: async (query) => noted(await clinicApi()['communications.patient.find']({ query })),
    loadHistory: async (patientId) => {
      const result = noted(await clinicApi()['communications.patient.history']({ patientId }));
      if (result.ok) set((state) => ({ histories: { ...state.histories, [patientId]: result.data } }));
      return result;
    },
    setEmailOptOut: async (patientId, optOut) => {
      const result = noted(await clinicApi()['communications.patient.setEmailOptOut']({ patientId, optOut }));
      if (result.ok) set((state) => ({ histories: { ...state.histories, [patientId]: result.data } }));
      return result;
    },
    recordConfirmation: async (appointmentId, via) => noted(await clinicApi()['communications.appointment.recordConfirmation']({ appointmentId, via })),
  };
});

// What one person looked at is not shown to the next.
onSessionReset(() => useCommunicationsStore.setState(EMPTY));
