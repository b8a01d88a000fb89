import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { ModerationStatus } from '../../../shared/documents/patient-feedback';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { DoctorFeedbackView, DoctorRatingSummary, ModerationItem, MyFeedback } from '../../../shared/ipc/kiosk/types';
import { onSessionReset, noted } from './app-store';

/** Feedback for staff: the moderation queue, rating summaries, a doctor's approved feedback, a doctor's own. */
export interface FeedbackState {
  queueStatus: ModerationStatus;
  queue: ModerationItem[] | null;
  queueError: AppError | null;
  summaries: DoctorRatingSummary[] | null;
  summariesError: AppError | null;
  /** Approved feedback by doctor id, as loaded for the doctor pages. */
  byDoctor: Record<number, DoctorFeedbackView[]>;
  mine: MyFeedback | null;
  mineError: AppError | null;
  loadQueue(status?: ModerationStatus): Promise<void>;
  moderate(feedbackId: string, decision: 'Approved' | 'Rejected'): Promise<Result<ModerationItem>>;
  loadSummaries(): Promise<void>;
  loadSummary(doctorId: number): Promise<Result<DoctorRatingSummary[]>>;
  loadDoctorFeedback(doctorId: number): Promise<Result<DoctorFeedbackView[]>>;
  loadMine(): Promise<void>;
}

const EMPTY = {
  queueStatus: 'Pending' as ModerationStatus,
  queue: null,
  queueError: null,
  summaries: null,
  summariesError: null,
  byDoctor: {},
  mine: null,
  mineError: null,
} satisfies Partial<FeedbackState>;

export const useFeedbackStore = create<FeedbackState>()((set, get) => {
  return {
    ...EMPTY,
    loadQueue: async (status = get().queueStatus) => {
      set({ queueStatus: status });
      const result = noted(await clinicApi()['feedback.queue']({ status }));
      if (get().queueStatus !== status) return; // another tab was chosen meanwhile
      set(result.ok ? { queue: result.data, queueError: null } : { queueError: result.error });
    },
    moderate: async (feedbackId, decision) => {
      const result = noted(await clinicApi()['feedback.moderate']({ feedbackId, decision }));
      if (result.ok) set((state) => ({ queue: state.queue?.filter((item) => item.id !== feedbackId) ?? null }));
      return result;
    },
    loadSummaries: async () => {
      const result = noted(await clinicApi()['feedback.ratingSummaries']({}));
      set(result.ok ? { summaries: result.data, summariesError: null } : { summariesError: result.error });
    },
    loadSummary: async (doctorId) => noted(await clinicApi()['feedback.ratingSummaries']({ doctorId })),
    loadDoctorFeedback: async (doctorId) => {
      const result = noted(await clinicApi()['feedback.doctorFeedback']({ doctorId }));
      if (result.ok) set((state) => ({ byDoctor: { ...state.byDoctor, [doctorId]: result.data } }));
      return result;
    },
    loadMine: async () => {
      const result = noted(await clinicApi()['feedback.mine']({}));
      set(result.ok ? { mine: result.data, mineError: null } : { mineError: result.error });
    },
  };
});

onSessionReset(() => useFeedbackStore.setState({ ...EMPTY }));
