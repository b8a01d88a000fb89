/**
 * Backups of a real standalone workstation's SQLite file: a backup is a consistent, checked copy;
 * a restore brings the clinic back to it, keeps the audit trail whole, keeps the replaced data as
 * a restorable copy, and refuses a damaged or foreign file without changing anything. Networked
 * workstations back up their local file but are never restored from it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { inspectSnapshot } from '../../../electron/main/services/backup/sqlite-snapshot';
import type { BackupView, RestoreResult } from '../../../shared/ipc/backups/types';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, seedBookableClinic, tomorrow, type RoleAccount } from '../auth/accounts-fixture';
import { workstationClock } from '../scheduling/clinic-fixture';
import type { Role } from '../../../shared/ipc/permissions';

describe('backups of a standalone clinic', () => {
  let dir: TempDir;
  let workstation: Workstation;
  let accounts: Record<Role, RoleAccount>;
  let clinic: Awaited<ReturnType<typeof seedBookableClinic>>;
  const patients = () => workstation.runtime.stores().sql.models.Patient.count();
  const appointments = () => workstation.runtime.stores().sql.models.Appointment.count();
  const auditEvents = async () =>
    (await workstation.runtime.stores().documents.systemAuditLogs.find({}, { sort: { timestamp: 'asc' }, limit: 1000 })).map((log) => log.action);

  beforeEach(async () => {
    dir = createTempDir();
    workstation = await startWorkstation({ dataDir: dir.path, env: {}, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock(), backgroundJobs: false });
    const { sql } = workstation.runtime.stores();
    clinic = await seedBookableClinic(sql, 2, 6);
    accounts = await createAccounts(sql);
    workstation.session.signIn(accounts.admin.user);
  });

  afterEach(async () => {
    await workstation?.close();
    dir?.remove();
  });

  const book = (patientIndex: number, time: string) =>
    workstation.dispatch('appointments.book', {
      doctorId: clinic.doctors[0]!.id,
      patientId: clinic.patients[patientIndex]!.id,
      date: tomorrow(),
      time,
      idempotencyKey: `backup-test-${patientIndex}-${time.replace(':', '')}`,
    });

  it('takes a checked copy, lists it, and restores the clinic to it with the audit trail kept whole', async () => {
    expectOk(await book(0, '09:00'));
    const patientsAtBackup = await patients();
    const backup = expectOk<BackupView>(await workstation.dispatch('backups.create', {}));
    expect(backup.kind).toBe('manual');
    const file = join(dir.path, 'backups', backup.name);
    expect((await inspectSnapshot(file)).problem).toBeNull();
    expect(expectOk<BackupView[]>(await workstation.dispatch('backups.list', {})).map((b) => b.name)).toEqual([backup.name]);

    // the clinic moves on after the backup
    expectOk(await book(1, '10:00'));
    await workstation.runtime.stores().sql.models.Patient.destroy({ where: { id: clinic.patients[5]!.id } });
    expect(await appointments()).toBe(2);
    expect(await patients()).toBe(patientsAtBackup - 1);

    const result = expectOk<RestoreResult>(await workstation.dispatch('backups.restore', { name: backup.name }));
    expect(result.restored.name).toBe(backup.name);
    expect(await appointments()).toBe(1);
    expect(await patients()).toBe(patientsAtBackup);
    // the booking made after the backup is gone from the schedule, not from the trail
    expect(result.auditRecordsCarried).toBeGreaterThanOrEqual(1);
    const trail = await auditEvents();
    expect(trail.filter((action) => action === 'book_appointment')).toHaveLength(2);
    expect(trail.at(-1)).toBe('restore_backup');
    // whoever restored must sign in again; the clinic as it was before is itself a backup
    expect(workstation.session.user).toBeNull();
    expect(result.safetyCopy.kind).toBe('before-restore');
    expect(existsSync(join(dir.path, 'backups', result.safetyCopy.name))).toBe(true);

    // and restoring that copy undoes the restore
    workstation.session.signIn(accounts.admin.user);
    expectOk(await workstation.dispatch('backups.restore', { name: result.safetyCopy.name }));
    expect(await appointments()).toBe(2);
    expect(await patients()).toBe(patientsAtBackup - 1);
  });

  it('refuses a damaged file, a file of another program and a name that is not a backup, changing nothing', async () => {
    expectOk(await book(0, '09:00'));
    const backup = expectOk<BackupView>(await workstation.dispatch('backups.create', {}));
    const folder = join(dir.path, 'backups');
    const damaged = backup.name.replace('manual', 'scheduled');
    writeFileSync(join(folder, damaged), 'SQLite format 3\u0000 but not really a database file');
    const before = await appointments();

    const refused = await workstation.dispatch('backups.restore', { name: damaged });
    expect(errorCode(refused)).toBe('VALIDATION');
    expect(errorCode(await workstation.dispatch('backups.restore', { name: '../clinic-desk.sqlite' }))).toBe('NOT_FOUND');
    expect(errorCode(await workstation.dispatch('backups.restore', { name: 'clinic-desk-manual-20200101T000000Z.sqlite' }))).toBe('NOT_FOUND');

    expect(workstation.session.user).not.toBeNull();
    expect(await appointments()).toBe(before);
    expect(expectOk<BackupView[]>(await workstation.dispatch('backups.list', {})).some((b) => b.kind === 'before-restore')).toBe(false);
  });

  it('keeps only as many backups as the clinic setting says', async () => {
    await workstation.runtime.stores().sql.models.ClinicSetting.create({ settingKey: 'backups_kept', settingValue: '2' });
    for (let i = 0; i < 4; i++) expectOk(await workstation.dispatch('backups.create', {}));
    const kept = expectOk<BackupView[]>(await workstation.dispatch('backups.list', {}));
    expect(kept).toHaveLength(2);
    expect(kept[0]!.takenAt > kept[1]!.takenAt).toBe(true);
  });
});

describe('backups of a networked workstation', () => {
  const networked = WORKSTATION_STORES[1]!;
  it('backs up the local file but refuses to restore it over the clinic server', async () => {
    const dir = createTempDir();
    const { env, cleanup } = await networked.open();
    const workstation = await startWorkstation({ dataDir: dir.path, env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock(), backgroundJobs: false });
    try {
      const accounts = await createAccounts(workstation.runtime.stores().sql);
      workstation.session.signIn(accounts.super_admin.user);
      const backup = expectOk<BackupView>(await workstation.dispatch('backups.create', {}));
      expect((await inspectSnapshot(join(dir.path, 'backups', backup.name))).problem).toBeNull();
      expect(errorCode(await workstation.dispatch('backups.restore', { name: backup.name }))).toBe('CONFLICT');
    } finally {
      await workstation.close();
      await cleanup();
      dir.remove();
    }
  });
});
