import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { SetupInput } from '../../../shared/ipc/schemas';
import type { AppStatus, SessionUser, SetupResult } from '../../../shared/ipc/types';

export type AppScreen = 'splash' | 'problem' | 'setup' | 'signIn' | 'shell';

export interface AppState {
  /** The last answer of app.status / app.retryStores; null until the first one arrives. */
  status: AppStatus | null;
  /** Set when app.status itself could not be answered (main unreachable). */
  statusError: AppError | null;
  /** The signed-in user of this workstation, as main's session knows it. */
  user: SessionUser | null;
  loading: boolean;
  retrying: boolean;
  /** When the last Retry came back, so a repeated failure visibly changes something. */
  lastRetryAt: Date | null;
  load(): Promise<void>;
  retry(): Promise<void>;
  completeSetup(input: SetupInput): Promise<Result<SetupResult>>;
}

export function hasStoreProblem(status: AppStatus): boolean {
  return Boolean(status.fatal) || status.stores.length === 0 || status.stores.some((store) => !store.ok);
}

/** Which screen the window shows; a pure function of the state so it can be tested without React. */
export function screenFor(state: Pick<AppState, 'status' | 'statusError' | 'user' | 'loading'>): AppScreen {
  if (state.statusError) return 'problem';
  if (!state.status) return 'splash';
  if (hasStoreProblem(state.status)) return 'problem';
  if (state.status.setupRequired) return 'setup';
  if (state.loading) return 'splash';
  return state.user ? 'shell' : 'signIn';
}

/** The store that owns the workstation's status and session; the only caller of the api for them. */
export const useAppStore = create<AppState>()((set, get) => {
  async function loadSession(status: AppStatus): Promise<SessionUser | null> {
    if (hasStoreProblem(status) || status.setupRequired) return null;
    const session = await clinicApi()['session.current']({});
    return session.ok ? session.data.user : null;
  }

  async function applyStatus(result: Result<AppStatus>): Promise<void> {
    if (!result.ok) {
      set({ statusError: result.error, loading: false });
      return;
    }
    // Show the status at once (a problem or the setup form needs no session) and then the session.
    set({ status: result.data, statusError: null, loading: true });
    const user = await loadSession(result.data);
    set({ user, loading: false });
  }

  return {
    status: null,
    statusError: null,
    user: null,
    loading: true,
    retrying: false,
    lastRetryAt: null,

    load: async () => {
      set({ loading: true });
      await applyStatus(await clinicApi()['app.status']({}));
    },

    retry: async () => {
      if (get().retrying) return;
      set({ retrying: true });
      // When main itself did not answer, asking it again is the retry; otherwise reopen the stores.
      const result = get().statusError ? await clinicApi()['app.status']({}) : await clinicApi()['app.retryStores']({});
      await applyStatus(result);
      set({ retrying: false, lastRetryAt: new Date() });
    },

    completeSetup: async (input) => {
      const result = await clinicApi()['setup.complete'](input);
      if (result.ok) {
        const { clinicName, timezone, user } = result.data;
        set((state) => ({
          user,
          status: state.status ? { ...state.status, setupRequired: false, clinicName, timezone } : state.status,
        }));
      }
      return result;
    },
  };
});
