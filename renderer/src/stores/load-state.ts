import type { AppError, Result } from '../../../shared/ipc/result';
import { noted } from './app-store';

/** What a store shows while it reads one thing from main: whether the read runs, and main's last refusal. */
export interface LoadState {
  loading: boolean;
  error: AppError | null;
}

/**
 * The load pattern of a store: `loading` while the call runs, then the data under `key` (and the
 * refusal cleared), or main's refusal with the data left as it was (a retry keeps the screen).
 */
export async function loadInto<S extends LoadState, K extends keyof S>(
  set: (partial: Partial<S>) => void,
  key: K,
  call: Promise<Result<S[K]>>,
): Promise<void> {
  set({ loading: true } as Partial<S>);
  const result = noted(await call);
  // A computed key widens to a string index: the object is exactly `key`'s data plus the LoadState.
  set((result.ok ? { [key]: result.data, error: null, loading: false } : { error: result.error, loading: false }) as Partial<S>);
}
