import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_KINDS,
  backupDue,
  backupFileName,
  backupsToPrune,
  KEPT_BEFORE_RESTORE,
  parseBackupFileName,
  type BackupName,
} from '../../../shared/domain/backups';

const HOUR = 3_600_000;
const at = Date.UTC(2026, 10, 25, 4, 15, 30);

const backupArb = fc
  .record({ kind: fc.constantFrom(...BACKUP_KINDS), takenAtMs: fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => s * 1000) })
  .map(({ kind, takenAtMs }): BackupName => ({ kind, takenAtMs, name: backupFileName(kind, takenAtMs) }));

describe('backup names', () => {
  it('carry the kind and the time to the second', () => {
    expect(backupFileName('scheduled', at + 999)).toBe('clinic-desk-scheduled-20261125T041530Z.sqlite');
    expect(parseBackupFileName('clinic-desk-manual-20261125T041530Z.sqlite')).toEqual({
      name: 'clinic-desk-manual-20261125T041530Z.sqlite',
      kind: 'manual',
      takenAtMs: at,
    });
  });

  it('round-trip for any kind and time', () => {
    fc.assert(
      fc.property(backupArb, (backup) => {
        expect(parseBackupFileName(backup.name)).toEqual(backup);
      }),
    );
  });

  it('refuse other files and impossible dates', () => {
    for (const name of ['clinic-desk.sqlite', 'clinic-desk-manual-20261125T041530Z.sqlite-wal', 'clinic-desk-weekly-20261125T041530Z.sqlite', 'clinic-desk-manual-20261340T041530Z.sqlite', '../clinic-desk-manual-20261125T041530Z.sqlite']) {
      expect(parseBackupFileName(name), name).toBeNull();
    }
  });
});

describe('rotation', () => {
  it('keeps the newest `keep` regular backups and a few before-restore copies, for any set', () => {
    fc.assert(
      fc.property(fc.uniqueArray(backupArb, { selector: (b) => b.name, maxLength: 40 }), fc.integer({ min: 1, max: 20 }), (backups, keep) => {
        const pruned = new Set(backupsToPrune(backups, keep));
        const kept = backups.filter((b) => !pruned.has(b.name));
        const regular = backups.filter((b) => b.kind !== 'before-restore');
        const keptRegular = kept.filter((b) => b.kind !== 'before-restore');
        expect(keptRegular.length).toBe(Math.min(keep, regular.length));
        expect(kept.filter((b) => b.kind === 'before-restore').length).toBe(
          Math.min(KEPT_BEFORE_RESTORE, backups.length - regular.length),
        );
        // nothing kept is older than something pruned of the same group
        for (const gone of backups.filter((b) => pruned.has(b.name))) {
          const group = kept.filter((b) => (b.kind === 'before-restore') === (gone.kind === 'before-restore'));
          for (const stays of group) expect(stays.takenAtMs).toBeGreaterThanOrEqual(gone.takenAtMs);
        }
      }),
    );
  });
});

describe('when a scheduled backup is due', () => {
  const backup = (kind: BackupName['kind'], takenAtMs: number): BackupName => ({ kind, takenAtMs, name: backupFileName(kind, takenAtMs) });
  it('is due with no backup, or once the newest regular one is as old as the interval', () => {
    expect(backupDue([], at, 24)).toBe(true);
    expect(backupDue([backup('manual', at - 23 * HOUR)], at, 24)).toBe(false);
    expect(backupDue([backup('scheduled', at - 24 * HOUR)], at, 24)).toBe(true);
  });
  it('does not count a before-restore copy as a backup of the current data', () => {
    expect(backupDue([backup('before-restore', at - HOUR)], at, 24)).toBe(true);
  });
});
