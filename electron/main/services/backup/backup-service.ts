import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  backupDue,
  backupFileName,
  backupsToPrune,
  newestFirst,
  parseBackupFileName,
  type BackupName,
} from '../../../../shared/domain/backups';
import { AppFailure } from '../../../../shared/ipc/result';
import type { BackupView, RestoreResult } from '../../../../shared/ipc/backups/types';
import { sqliteFileRepository } from '../../data/sql/repositories/sqlite-file-repository';
import type { AppRuntime } from '../../runtime/app-runtime';
import { loadClinicSettings } from '../scheduling/rules';
import { inspectSnapshot, writeSnapshot } from './sqlite-snapshot';

/** A restore closes the runtime, replaces its local file and starts it again. */
export type BackupRuntime = Pick<AppRuntime, 'close' | 'config' | 'options' | 'start' | 'state' | 'stores'>;

export const BACKUP_FOLDER = 'backups';
/** How often the schedule looks whether a backup is due; the interval itself is a clinic setting. */
const CHECK_EVERY_MS = 15 * 60_000;
/** The first look waits until start-up (and a first-run setup) is well over. */
const FIRST_CHECK_AFTER_MS = 2 * 60_000;

/**
 * Backups of this workstation's SQLite file (the whole clinic in standalone mode; the mirror and
 * outbox in networked mode): taken on a schedule and by hand, rotated, and restorable in
 * standalone mode. One operation at a time: a restore never overlaps a backup.
 */
export class BackupService {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runtime: BackupRuntime,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get folder(): string {
    return join(this.runtime.options.dataDir, BACKUP_FOLDER);
  }

  list(): Promise<BackupView[]> {
    return this.serialized(async () => this.describeAll());
  }

  create(kind: 'scheduled' | 'manual'): Promise<BackupView> {
    return this.serialized(() => this.createNow(kind));
  }

  /** Takes a scheduled backup when one is due; returns it, or null when none was due. */
  runScheduled(): Promise<BackupView | null> {
    return this.serialized(async () => {
      const { backupIntervalHours } = await this.settings();
      if (!backupDue(this.names(), this.nowMs(), backupIntervalHours)) return null;
      return this.createNow('scheduled');
    });
  }

  restore(name: string): Promise<RestoreResult> {
    return this.serialized(() => this.restoreNow(name));
  }

  startSchedule(): void {
    if (this.timer) return;
    const tick = () => void this.runScheduled().catch(() => undefined);
    this.timer = setTimeout(() => {
      tick();
      this.timer = setInterval(tick, CHECK_EVERY_MS);
      this.timer.unref();
    }, FIRST_CHECK_AFTER_MS);
    // A pending backup check must never keep a closing app alive.
    this.timer.unref();
  }

  stopSchedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async settings(): Promise<{ backupIntervalHours: number; backupsKept: number }> {
    const settings = await loadClinicSettings(this.runtime.stores().sql.models);
    return { backupIntervalHours: settings.backupIntervalHours, backupsKept: settings.backupsKept };
  }

  private names(): BackupName[] {
    let files: string[];
    try {
      files = readdirSync(this.folder);
    } catch {
      return [];
    }
    return files.map(parseBackupFileName).filter((name): name is BackupName => name !== null);
  }

  private describeAll(): BackupView[] {
    return newestFirst(this.names()).map((backup) => this.describe(backup));
  }

  private describe(backup: BackupName): BackupView {
    return {
      name: backup.name,
      kind: backup.kind,
      takenAt: new Date(backup.takenAtMs).toISOString(),
      sizeBytes: statSync(join(this.folder, backup.name)).size,
    };
  }

  private async createNow(kind: BackupName['kind']): Promise<BackupView> {
    mkdirSync(this.folder, { recursive: true });
    // Each backup is newer than every one before it (two in one second, a clock set back): the
    // rotation keeps the newest by name, and must never delete the one just taken.
    const newest = Math.max(...this.names().map((b) => b.takenAtMs), Number.NEGATIVE_INFINITY);
    const takenAtMs = Math.max(this.nowMs(), newest + 1000);
    const name = backupFileName(kind, takenAtMs);
    await writeSnapshot(this.runtime.stores().local, join(this.folder, name));
    await this.prune();
    return this.describe({ name, kind, takenAtMs: Math.floor(takenAtMs / 1000) * 1000 });
  }

  private async prune(): Promise<void> {
    const { backupsKept } = await this.settings().catch(() => ({ backupsKept: 14 }));
    for (const name of backupsToPrune(this.names(), backupsKept)) rmSync(join(this.folder, name), { force: true });
  }

  private async restoreNow(name: string): Promise<RestoreResult> {
    const config = this.runtime.config;
    if (config?.mode !== 'standalone') {
      throw new AppFailure('CONFLICT', 'Only a standalone clinic is restored from a backup; a networked workstation pulls its data from the clinic server again.');
    }
    const backup = parseBackupFileName(name);
    if (!backup || !this.names().some((b) => b.name === name)) throw new AppFailure('NOT_FOUND', 'That backup does not exist.');
    const source = join(this.folder, name);
    const inspection = await inspectSnapshot(source);
    if (inspection.problem) throw new AppFailure('VALIDATION', inspection.problem);

    // The clinic as it is now stays restorable: an online snapshot, before anything is closed.
    const safety = await this.createNow('before-restore');
    const target = config.sqlitePath;
    await this.runtime.close();
    try {
      replaceStoreFile(source, target);
      await this.runtime.start();
      if (!this.runtime.state.ready) throw new Error('the restored store did not open');
    } catch {
      // Put the clinic back as it was; the error says the restore did not happen.
      replaceStoreFile(join(this.folder, safety.name), target);
      await this.runtime.start();
      throw new AppFailure('INTERNAL', 'The backup could not be opened; nothing was changed.');
    }
    const carried = await carryAuditTrailForward(this.runtime, join(this.folder, safety.name));
    return { restored: this.describe(backup), safetyCopy: safety, patients: inspection.patients, appointments: inspection.appointments, auditRecordsCarried: carried };
  }
}

/** Copies a backup over the store file; a stale WAL of the old file must not be replayed onto it. */
function replaceStoreFile(source: string, target: string): void {
  const incoming = `${target}.restoring`;
  copyFileSync(source, incoming);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
}

/**
 * The audit trail is never rolled back: records written after the backup was taken (including
 * who restored it) are copied from the before-restore snapshot into the restored store.
 */
async function carryAuditTrailForward(runtime: BackupRuntime, previousFile: string): Promise<number> {
  const before = await countAudit(runtime);
  await sqliteFileRepository(runtime.stores().local).copyMissingAuditRowsFrom(previousFile);
  return (await countAudit(runtime)) - before;
}

async function countAudit(runtime: BackupRuntime): Promise<number> {
  return runtime.stores().documents.systemAuditLogs.count();
}
