import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { SetupInput } from '../../../shared/ipc/schemas';
import type { SignInInput } from '../../../shared/ipc/auth-schemas';
import { clinicPhoneCountry } from '../../../shared/domain/phone';
import type { AppStatus, SessionInfo, SessionUser, SetupResult } from '../../../shared/ipc/types';

export type AppScreen = 'splash' | 'problem' | 'setup' | 'signIn' | 'shell' | 'kiosk';

/** main's default (electron/main/session.ts) until a sign-in brings the clinic's setting. */
const DEFAULT_IDLE_LOCK_MINUTES = 10;

export interface AppState {
  /** The last answer of app.status / app.retryStores; null until the first one arrives. */
  status: AppStatus | null;
  /** Set when app.status itself could not be answered (main unreachable). */
  statusError: AppError | null;
  /** The signed-in user of this workstation, as main's session knows it. */
  user: SessionUser | null;
  /** The workstation is locked: the screen hides everything until the password is re-entered. */
  locked: boolean;
  idleLockMinutes: number;
  /** Set while the workstation is a patient kiosk (main's session says so); null otherwise. */
  kiosk: { idleSeconds: number; checkInOnly?: boolean } | null;
  /**
   * Changes when a different person takes over the workstation, so every screen's local state
   * (the shell is keyed on it) starts afresh instead of showing the previous user's work.
   */
  sessionEpoch: number;
  loading: boolean;
  retrying: boolean;
  /** When the last Retry came back, so a repeated failure visibly changes something. */
  lastRetryAt: Date | null;
  load(): Promise<void>;
  retry(): Promise<void>;
  completeSetup(input: SetupInput): Promise<Result<SetupResult>>;
  signIn(input: SignInInput): Promise<Result<SessionInfo>>;
  signOut(): Promise<void>;
  /** Locks the workstation (by hand or after inactivity); main refuses data from then on. */
  lock(): Promise<void>;
  unlock(password: string): Promise<Result<SessionInfo>>;
  /** Tells main the person is still at the workstation (keyboard or pointer use). */
  reportActivity(): Promise<void>;
  /** Every store hands its data results here: a SESSION_LOCKED answer shows the lock screen. */
  noteResult(result: Result<unknown>): void;
  /** Takes main's session as answered by another channel (the kiosk's enter, exit and sign-in). */
  adoptSession(info: SessionInfo): void;
}

export function hasStoreProblem(status: AppStatus): boolean {
  return Boolean(status.fatal) || status.stores.length === 0 || status.stores.some((store) => !store.ok);
}

/** Which screen the window shows; a pure function of the state so it can be tested without React. */
export function screenFor(state: Pick<AppState, 'status' | 'statusError' | 'user' | 'loading'> & { kiosk?: AppState['kiosk'] }): AppScreen {
  if (state.statusError) return 'problem';
  if (!state.status) return 'splash';
  if (hasStoreProblem(state.status)) return 'problem';
  if (state.status.setupRequired) return 'setup';
  if (state.loading) return 'splash';
  if (state.kiosk) return 'kiosk';
  return state.user ? 'shell' : 'signIn';
}

function sameUser(a: SessionUser | null, b: SessionUser | null): boolean {
  return Boolean(a && b && a.id === b.id && a.kind === b.kind);
}

const resetListeners = new Set<() => void>();

/** Lets other stores drop what they hold when a different person signs in (or someone signs out). */
export function onSessionReset(listener: () => void): () => void {
  resetListeners.add(listener);
  return () => resetListeners.delete(listener);
}

/** The store that owns the workstation's status and session; the only caller of the api for them. */
export const useAppStore = create<AppState>()((set, get) => {
  function applySession(info: SessionInfo): void {
    const previous = get().user;
    const changed = !sameUser(previous, info.user);
    if (changed) resetListeners.forEach((listener) => listener());
    set((state) => ({
      user: info.user,
      locked: info.user ? info.locked : false,
      idleLockMinutes: info.idleLockMinutes,
      kiosk: info.kiosk ?? null,
      sessionEpoch: changed ? state.sessionEpoch + 1 : state.sessionEpoch,
    }));
  }

  async function loadSession(status: AppStatus): Promise<void> {
    if (hasStoreProblem(status) || status.setupRequired) {
      set({ user: null, locked: false });
      return;
    }
    const session = await clinicApi()['session.current']({});
    if (session.ok) applySession(session.data);
    else set({ user: null, locked: false });
  }

  async function applyStatus(result: Result<AppStatus>): Promise<void> {
    if (!result.ok) {
      set({ statusError: result.error, loading: false });
      return;
    }
    // Show the status at once (a problem or the setup form needs no session) and then the session.
    set({ status: result.data, statusError: null, loading: true });
    await loadSession(result.data);
    set({ loading: false });
  }

  return {
    status: null,
    statusError: null,
    user: null,
    locked: false,
    idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
    kiosk: null,
    sessionEpoch: 0,
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
          status: state.status
            ? { ...state.status, setupRequired: false, clinicName, timezone, phoneCountry: clinicPhoneCountry(null, timezone) }
            : state.status,
        }));
        applySession({ user, locked: false, idleLockMinutes: get().idleLockMinutes });
      }
      return result;
    },

    signIn: async (input) => {
      const result = await clinicApi()['session.signIn'](input);
      if (result.ok) applySession(result.data);
      return result;
    },

    signOut: async () => {
      const result = await clinicApi()['session.signOut']({});
      // Even when main did not answer, the screen stops showing the user's work.
      applySession(result.ok ? result.data : { user: null, locked: false, idleLockMinutes: get().idleLockMinutes, kiosk: get().kiosk });
    },

    lock: async () => {
      if (!get().user) return;
      // Hide at once; main's answer follows.
      set({ locked: true });
      const result = await clinicApi()['session.lock']({});
      if (result.ok) applySession(result.data);
    },

    unlock: async (password) => {
      const result = await clinicApi()['session.unlock']({ password });
      if (result.ok) applySession(result.data);
      else if (result.error.code === 'ACCOUNT_INACTIVE' || result.error.code === 'UNAUTHENTICATED') {
        // main signed the account out: the lock screen becomes the sign-in form.
        applySession({ user: null, locked: false, idleLockMinutes: get().idleLockMinutes });
      }
      return result;
    },

    reportActivity: async () => {
      if (!get().user || get().locked) return;
      const result = await clinicApi()['session.activity']({});
      if (result.ok) applySession(result.data);
      else get().noteResult(result);
    },

    noteResult: (result) => {
      if (!result.ok && result.error.code === 'SESSION_LOCKED' && get().user) set({ locked: true });
      // main ended the session meanwhile (a kiosk patient's idle time ran out there first)
      if (!result.ok && result.error.code === 'UNAUTHENTICATED' && get().user) {
        applySession({ user: null, locked: false, idleLockMinutes: get().idleLockMinutes, kiosk: get().kiosk });
      }
    },

    adoptSession: (info) => applySession(info),
  };
});

/** Every answer from main passes here once: a locked or ended session shows at once, whichever screen asked. */
export function noted<T>(result: Result<T>): Result<T> {
  useAppStore.getState().noteResult(result);
  return result;
}
