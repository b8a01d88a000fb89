/**
 * Whether the clinic server is reachable, from a series of probes. Pure: the monitor in main
 * probes and feeds the answers in. One failed probe is not an outage (a busy server, a dropped
 * packet): the workstation goes offline after FAILURES_BEFORE_OFFLINE in a row, and the outage
 * is dated from the first of them.
 */
export const FAILURES_BEFORE_OFFLINE = 2;

export interface ConnectionState {
  online: boolean;
  /** Epoch ms of the first failed probe of the current outage; null while online. */
  offlineSinceMs: number | null;
  /** Epoch ms of the first failed probe of the current run of failures, online or not. */
  failingSinceMs: number | null;
  failuresInARow: number;
  lastProbeMs: number | null;
}

export type ConnectionEvent = 'went-offline' | 'came-back' | null;

export const INITIAL_CONNECTION: ConnectionState = {
  online: true,
  offlineSinceMs: null,
  failingSinceMs: null,
  failuresInARow: 0,
  lastProbeMs: null,
};

export function afterProbe(state: ConnectionState, probe: { ok: boolean; atMs: number }): { state: ConnectionState; event: ConnectionEvent } {
  if (probe.ok) {
    const next: ConnectionState = { online: true, offlineSinceMs: null, failingSinceMs: null, failuresInARow: 0, lastProbeMs: probe.atMs };
    return { state: next, event: state.online ? null : 'came-back' };
  }
  const failuresInARow = state.failuresInARow + 1;
  const failingSinceMs = state.failingSinceMs ?? probe.atMs;
  const goesOffline = state.online && failuresInARow >= FAILURES_BEFORE_OFFLINE;
  const next: ConnectionState = {
    online: state.online && !goesOffline,
    offlineSinceMs: state.online ? (goesOffline ? failingSinceMs : null) : state.offlineSinceMs,
    failingSinceMs,
    failuresInARow,
    lastProbeMs: probe.atMs,
  };
  return { state: next, event: goesOffline ? 'went-offline' : null };
}
