/**
 * Naming and rotation of the local store's backups. Pure: the service in main does the I/O.
 * A backup's name carries its kind and time, so the folder alone tells what it holds even when
 * the store cannot be opened (which is when a backup matters most).
 */
export const BACKUP_KINDS = ['scheduled', 'manual', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupName {
  name: string;
  kind: BackupKind;
  /** Epoch milliseconds, whole seconds. */
  takenAtMs: number;
}

const PREFIX = 'clinic-desk';
const NAME_PATTERN = /^clinic-desk-(scheduled|manual|before-restore)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.sqlite$/;

/** How many "before-restore" copies are kept: each is the clinic as it was before a restore. */
export const KEPT_BEFORE_RESTORE = 3;

export function backupFileName(kind: BackupKind, takenAtMs: number): string {
  const stamp = new Date(Math.floor(takenAtMs / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '');
  return `${PREFIX}-${kind}-${stamp}.sqlite`;
}

export function parseBackupFileName(name: string): BackupName | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, kind, y, mo, d, h, mi, s] = match;
  const takenAtMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(takenAtMs) || backupFileName(kind as BackupKind, takenAtMs) !== name) return null;
  return { name, kind: kind as BackupKind, takenAtMs };
}

/** Newest first; equal times by name so the order never depends on the directory listing. */
export function newestFirst(backups: readonly BackupName[]): BackupName[] {
  return [...backups].sort((a, b) => b.takenAtMs - a.takenAtMs || (a.name < b.name ? 1 : -1));
}

/**
 * The backups to delete: all but the newest `keep` regular (scheduled or manual) ones, and all
 * but the newest few before-restore copies. Never deletes the newest backup of either group.
 */
export function backupsToPrune(backups: readonly BackupName[], keep: number): string[] {
  const keepRegular = Math.max(1, keep);
  const regular = newestFirst(backups.filter((b) => b.kind !== 'before-restore'));
  const beforeRestore = newestFirst(backups.filter((b) => b.kind === 'before-restore'));
  return [...regular.slice(keepRegular), ...beforeRestore.slice(KEPT_BEFORE_RESTORE)].map((b) => b.name);
}

/** A scheduled backup is due when none exists yet or the newest regular one is older than the interval. */
export function backupDue(backups: readonly BackupName[], nowMs: number, intervalHours: number): boolean {
  const newest = newestFirst(backups.filter((b) => b.kind !== 'before-restore'))[0];
  return !newest || nowMs - newest.takenAtMs >= intervalHours * 3_600_000;
}
