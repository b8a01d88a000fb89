import {
  afterProbe,
  FAILURES_BEFORE_OFFLINE,
  INITIAL_CONNECTION,
  type ConnectionEvent,
  type ConnectionState,
} from '../../../../shared/domain/connection-state';
import { pingSqlStore } from '../../data/sql/repositories/store-probe-repository';
import type { AppRuntime } from '../../runtime/app-runtime';

/** What the probe needs: the server's stores, opened on the first good probe. */
export type MonitorRuntime = Pick<AppRuntime, 'openServer' | 'serverOpen' | 'serverStores' | 'servingMirror'>;

const PROBE_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('probe timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface ConnectionMonitorOptions {
  intervalMs?: number;
  nowMs?: () => number;
  /** Called once per change (went offline, came back), after the state has changed. */
  onChange?: (event: Exclude<ConnectionEvent, null>, state: ConnectionState) => void;
  /** Called after every probe that reached the server, after onChange. */
  onReachable?: (state: ConnectionState) => void;
}

/**
 * Probes the clinic server (the relational store and the document store, each with a short
 * timeout) on an interval and keeps the connection state that the status indicator shows.
 */
export class ConnectionMonitor {
  private current: ConnectionState = INITIAL_CONNECTION;
  private timer: NodeJS.Timeout | null = null;
  private probing: Promise<ConnectionState> | null = null;
  private readonly nowMs: () => number;

  constructor(
    private readonly runtime: MonitorRuntime,
    private readonly options: ConnectionMonitorOptions = {},
  ) {
    this.nowMs = options.nowMs ?? Date.now;
    // Started on the mirror because the server was away: the outage began before this run.
    if (runtime.servingMirror) {
      const now = this.nowMs();
      this.current = { online: false, offlineSinceMs: now, failingSinceMs: now, failuresInARow: FAILURES_BEFORE_OFFLINE, lastProbeMs: null };
    }
  }

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.probeNow(), this.options.intervalMs ?? 5000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  probeNow(): Promise<ConnectionState> {
    // Probes never overlap: a slow one (a server that accepts but does not answer) is waited for.
    this.probing ??= this.probe().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async probe(): Promise<ConnectionState> {
    const ok = await this.reachable();
    const { state, event } = afterProbe(this.current, { ok, atMs: this.nowMs() });
    this.current = state;
    if (event) this.options.onChange?.(event, state);
    if (ok) this.options.onReachable?.(state);
    return state;
  }

  /**
   * One more failed probe now, without waiting for the interval: a call just failed on a dropped
   * connection, so the workstation should not wait two intervals before working offline.
   */
  async suspectOutage(): Promise<void> {
    if (!this.current.online) return;
    for (let i = 0; i < FAILURES_BEFORE_OFFLINE && this.current.online; i++) {
      const state = await this.probeNow();
      if (state.failuresInARow === 0) return;
    }
  }

  private async reachable(): Promise<boolean> {
    try {
      // The server was away when the app started: its connections are opened on the first good probe.
      if (!this.runtime.serverOpen && !(await withTimeout(this.runtime.openServer(), PROBE_TIMEOUT_MS * 3))) return false;
      const { sql, documents } = this.runtime.serverStores();
      await withTimeout(Promise.all([pingSqlStore(sql), documents.ping()]), PROBE_TIMEOUT_MS);
      return true;
    } catch {
      return false;
    }
  }
}
