import type { BackupKind } from '../../domain/backups';

export interface BackupView {
  name: string;
  kind: BackupKind;
  /** ISO instant */
  takenAt: string;
  sizeBytes: number;
}

export interface RestoreResult {
  restored: BackupView;
  /** The clinic as it was just before the restore, itself restorable. */
  safetyCopy: BackupView;
  patients: number;
  appointments: number;
  /** Audit records written after the backup was taken, kept in the restored store. */
  auditRecordsCarried: number;
}
