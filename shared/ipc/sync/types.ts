import type { StoreMode } from '../types';

/** What the status indicator shows: where the data is, whether the server answers, what waits. */
export interface SyncStatus {
  mode: StoreMode;
  online: boolean;
  /** ISO instant the server stopped answering; null while online. */
  offlineSince: string | null;
  /** Audit records kept on this workstation until the document server takes them. */
  pendingAuditRecords: number;
  /** ISO instant of the last complete mirror pull (networked mode); null before the first. */
  lastMirrorPull: string | null;
  mirrorProblem: string | null;
}
