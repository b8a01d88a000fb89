import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { SyncStatus } from '../../../shared/ipc/sync/types';
import { onSessionReset } from './app-store';

/** How often the indicator asks main; main probes the server on its own schedule. */
const POLL_MS = 3000;

export interface ConnectionStoreState {
  status: SyncStatus | null;
  /** Starts polling; returns the function that stops it. */
  watch(): () => void;
  /** Asks at once, after something that changes the counts (a conflict resolved). */
  refresh(): Promise<void>;
}

export const useConnectionStore = create<ConnectionStoreState>()((set) => ({
  status: null,
  watch: () => {
    let stopped = false;
    const poll = async () => {
      const result = await clinicApi()['sync.status']({});
      // A refusal (locked, signed out) keeps the last known state rather than inventing one.
      if (!stopped && result.ok) set({ status: result.data });
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  },
  refresh: async () => {
    const result = await clinicApi()['sync.status']({});
    if (result.ok) set({ status: result.data });
  },
}));

onSessionReset(() => useConnectionStore.setState({ status: null }));
