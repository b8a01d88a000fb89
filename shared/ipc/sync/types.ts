import type { StoreMode } from '../types';

/** What the status indicator shows: where the data is, whether the server answers, what waits. */
export interface SyncStatus {
  mode: StoreMode;
  online: boolean;
  /** ISO instant the server stopped answering; null while online. */
  offlineSince: string | null;
  /** True while screens are answered from this workstation's copy (the server is away, or its changes are still being sent). */
  servingFromMirror: boolean;
  /** Changes made on this workstation that the clinic server has not taken yet. */
  pendingChanges: number;
  /** Changes the server refused on replay, waiting for staff to choose what happens. */
  conflicts: number;
  /** Audit records kept on this workstation until the document server takes them. */
  pendingAuditRecords: number;
  /** ISO instant of the last complete mirror pull (networked mode); null before the first. */
  lastMirrorPull: string | null;
  mirrorProblem: string | null;
  /** The clinic server's read replicas as this workstation last saw them; filled for admins only. */
  replicas: ReplicaStatus[];
}

/** One read replica: 'lagging' and 'down' ones are skipped (reads go to the primary). */
export interface ReplicaStatus {
  /** "MySQL replica host:port/database": no credentials. */
  description: string;
  state: 'unchecked' | 'ok' | 'lagging' | 'down';
  lagSeconds: number | null;
  problem: string | null;
}

/**
 * - `keep-theirs`: drop my change, the server's state stands;
 * - `keep-mine`: apply my change again over what someone else changed since (settings, patient details);
 * - `another-slot`: book my appointment at another time (the slot was taken meanwhile).
 */
export type ConflictResolution = 'keep-theirs' | 'keep-mine' | 'another-slot';

export interface ConflictBooking {
  doctorId: number;
  patientId: number;
  date: string;
  time: string;
  durationMinutes: number | null;
}

/** A change made offline that the clinic server refused when it came back. */
export interface SyncConflict {
  id: number;
  channel: string;
  /** In words, for staff: "Booking: Dr. Ana Ortiz, 2026-11-25 10:30, Lee Park". */
  what: string;
  /** The server's refusal, as it would have been shown had the change been made online. */
  reason: string;
  code: string;
  madeBy: string;
  /** ISO instant the change was made on this workstation. */
  madeAt: string;
  resolutions: ConflictResolution[];
  /** The appointment to place elsewhere, for `another-slot`; null for other changes. */
  booking: ConflictBooking | null;
}

export interface ResolvedConflict {
  conflictId: number;
  resolution: ConflictResolution;
  /** What the resolution produced: the new appointment's id, the saved setting's key, ... */
  summary: string;
  conflictsLeft: number;
}
