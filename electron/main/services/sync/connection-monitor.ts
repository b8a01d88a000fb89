import { afterProbe, INITIAL_CONNECTION, type ConnectionEvent, type ConnectionState } from '../../../../shared/domain/connection-state';
import type { AppRuntime } from '../../runtime/app-runtime';

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
}

/**
 * Probes the clinic server (the relational store and the document store, each with a short
 * timeout) on an interval and keeps the connection state that the status indicator shows.
 */
export class ConnectionMonitor {
  private current: ConnectionState = INITIAL_CONNECTION;
  private timer: NodeJS.Timeout | null = null;
  private readonly nowMs: () => number;

  constructor(
    private readonly runtime: AppRuntime,
    private readonly options: ConnectionMonitorOptions = {},
  ) {
    this.nowMs = options.nowMs ?? Date.now;
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

  async probeNow(): Promise<ConnectionState> {
    const ok = await this.reachable();
    const { state, event } = afterProbe(this.current, { ok, atMs: this.nowMs() });
    this.current = state;
    if (event) this.options.onChange?.(event, state);
    return state;
  }

  private async reachable(): Promise<boolean> {
    if (!this.runtime.state.ready) return false;
    const { sql, documents } = this.runtime.state.stores;
    try {
      await withTimeout(Promise.all([sql.sequelize.query('SELECT 1'), documents.ping()]), PROBE_TIMEOUT_MS);
      return true;
    } catch {
      return false;
    }
  }
}
