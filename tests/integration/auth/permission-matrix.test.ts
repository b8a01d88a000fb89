/**
 * Walks every channel of the contract for every role, on a real workstation (standalone SQLite):
 * allowed calls succeed (or fail only for the stated business reason), the rest get FORBIDDEN and
 * change nothing; every call of a channel that reads or changes protected information writes
 * exactly one audit record (a refused one records the attempt), and no other call writes any.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { CHANNELS, contract } from '../../../shared/ipc/contract';
import { PERMISSION_MATRIX, ROLES, type Role } from '../../../shared/ipc/permissions';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode } from '../../support/workstation-stores';
import { createAccounts, PASSWORD, seedBookableClinic, tomorrow, type RoleAccount } from './accounts-fixture';
import { workstationClock } from '../scheduling/clinic-fixture';
import { FEATURES, SAMPLES } from './matrix/all-samples';
import type { RoleFixture } from './matrix/types';


const day = tomorrow();

describe('the permission matrix, channel by channel and role by role', () => {
  let dir: TempDir;
  let workstation: Workstation;
  let accounts: Record<Role, RoleAccount>;
  const fixtures = new Map<Role, RoleFixture>();

  /** Everything a refused call could have changed. */
  async function fingerprint(): Promise<string> {
    const { models } = workstation.runtime.stores().sql;
    const [appointments, staff, settings, failures] = await Promise.all([
      models.Appointment.findAll({ attributes: ['id', 'status', 'appointmentDate', 'appointmentTime', 'doctorId'], order: [['id', 'ASC']], raw: true }),
      models.Admin.findAll({ attributes: ['id', 'isActive', 'passwordHash'], order: [['id', 'ASC']], raw: true }),
      models.ClinicSetting.count(),
      models.LoginFailure.count(),
    ]);
    const features = await Promise.all(FEATURES.map((feature) => feature.fingerprint?.(workstation)));
    return JSON.stringify({ appointments, staff, settings, failures, features });
  }

  const auditCount = () => workstation.runtime.stores().documents.systemAuditLogs.count();

  beforeAll(async () => {
    dir = createTempDir();
    workstation = await startWorkstation({ dataDir: dir.path, env: {}, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql } = workstation.runtime.stores();
    const clinic = await seedBookableClinic(sql, ROLES.length, ROLES.length * 4);
    accounts = await createAccounts(sql);
    const spare = await createAccounts(sql);
    for (const [index, role] of ROLES.entries()) {
      const doctorId = clinic.doctors[index]!.id;
      const patientIds = clinic.patients.slice(index * 4, index * 4 + 4).map((p) => p.id);
      const book = (patientId: number, time: string) =>
        sql.models.Appointment.create({ doctorId, patientId, appointmentDate: day, appointmentTime: time, durationMinutes: 30 }).then((a) => a.id);
      fixtures.set(role, {
        doctorId,
        patientIds,
        appointments: { toMove: await book(patientIds[0]!, '09:00'), toCancel: await book(patientIds[1]!, '10:00'), toConfirm: await book(patientIds[2]!, '11:00') },
        seriesToCancel: 0,
        spareStaffId: spare.front_desk.user.id,
        extra: new Map(),
      });
    }
    // one weekly series per role to cancel, booked the way the front desk books them
    workstation.session.signIn(accounts.front_desk.user);
    for (const role of ROLES) {
      const fixture = fixtures.get(role)!;
      const series = await workstation.dispatch('series.book', {
        doctorId: fixture.doctorId,
        patientId: fixture.patientIds[2],
        date: day,
        time: '17:00',
        repeat: { intervalWeeks: 1, count: 2 },
        idempotencyKey: `matrix-setup-${role}`,
      });
      if (!series.ok) throw new Error(`could not book the fixture series: ${series.error.message}`);
      fixture.seriesToCancel = (series.data as { id: number }).id;
    }
    for (const feature of FEATURES) {
      for (const role of ROLES) await feature.prepare?.(workstation, role, fixtures.get(role)!, accounts);
    }
  }, 120_000);

  afterAll(async () => {
    await workstation?.close();
    dir?.remove();
  });

  it('has a sample for every channel', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CHANNELS].sort());
  });

  for (const role of ROLES) {
    it(`holds for ${role}`, { timeout: 120_000 }, async () => {
      const account = accounts[role];
      const fixture = fixtures.get(role)!;
      for (const channel of CHANNELS) {
        workstation.session.signIn(account.user);
        const spec = contract[channel];
        const allowed = PERMISSION_MATRIX[spec.permission].includes(role);
        const sample = SAMPLES[channel];
        const before = await fingerprint();
        const auditBefore = await auditCount();

        const result = await workstation.dispatch(channel, sample.input(fixture, account));

        const audits = (await auditCount()) - auditBefore;
        const where = `${role} → ${channel}`;
        if (allowed) {
          const expected = sample.allowedOutcome?.[role] ?? sample.allowedOutcome?.all ?? 'ok';
          expect(errorCode(result), where).toBe(expected);
          expect(audits, `${where}: audit records`).toBe(spec.audit && expected === 'ok' ? 1 : 0);
        } else {
          expect(errorCode(result), where).toBe('FORBIDDEN');
          expect(await fingerprint(), `${where} changed data`).toBe(before);
          expect(audits, `${where}: audit records of the refused attempt`).toBe(spec.audit ? 1 : 0);
        }
      }
    });
  }

  it('refuses everything but status and sign-in to nobody, with UNAUTHENTICATED', async () => {
    for (const channel of CHANNELS) {
      // session.signIn (open to anyone) signs its sample user in: start each call signed out
      workstation.session.signOut();
      const spec = contract[channel];
      const result = await workstation.dispatch(channel, SAMPLES[channel].input(fixtures.get('admin')!, accounts.admin));
      if (spec.permission !== 'anyone') expect(errorCode(result), channel).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses patient data on a locked workstation until the password is entered again', async () => {
    workstation.session.signIn(accounts.front_desk.user);
    workstation.session.lock();
    const fixture = fixtures.get('front_desk')!;
    expect(errorCode(await workstation.dispatch('slots.free', SAMPLES['slots.free'].input(fixture, accounts.front_desk)))).toBe('SESSION_LOCKED');
    expect(errorCode(await workstation.dispatch('session.unlock', { password: 'not the password' }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await workstation.dispatch('slots.free', SAMPLES['slots.free'].input(fixture, accounts.front_desk)))).toBe('SESSION_LOCKED');
    expect(errorCode(await workstation.dispatch('session.unlock', { password: PASSWORD }))).toBe('ok');
    expect(errorCode(await workstation.dispatch('slots.free', SAMPLES['slots.free'].input(fixture, accounts.front_desk)))).toBe('ok');
  });
});
