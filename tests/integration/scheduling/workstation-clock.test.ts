import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { createTempDir, type TempDir } from '../../support/services';
import { clockRunningFrom } from '../../support/running-clock';
import { createAccounts } from '../auth/accounts-fixture';
import { seedClinic, TUESDAY, workstationClock, ZONE } from './clinic-fixture';

/** Monday 6 January 2031, 07:00 in the fixture's zone: years after the fixture's Monday. */
const LATER_MS = DateTime.fromISO('2031-01-06T07:00', { zone: ZONE }).toMillis();

describe("a workstation's clock (startWorkstation's nowMs)", () => {
  let dir: TempDir | undefined;
  let workstation: Workstation | undefined;
  afterEach(async () => {
    await workstation?.close();
    dir?.remove();
    workstation = undefined;
  });

  async function start(nowMs: () => number, env: NodeJS.ProcessEnv = {}): Promise<Workstation> {
    dir = createTempDir();
    workstation = await startWorkstation({ dataDir: dir.path, env, secretBox: null, appVersion: '0.0.0-test', backgroundJobs: false, nowMs });
    return workstation;
  }

  async function bookTuesdayNine(ws: Workstation) {
    const { sql } = ws.runtime.stores();
    const clinic = await seedClinic(sql, { doctors: 1, patients: 1 });
    const accounts = await createAccounts(sql);
    ws.session.signIn(accounts.front_desk.user);
    return ws.dispatch('appointments.book', { patientId: clinic.patients[0]!.id, doctorId: clinic.doctors[0]!.id, date: TUESDAY, time: '09:00', idempotencyKey: randomUUID() });
  }

  it('decides what is past by its own clock, not the machine’s', { timeout: 120_000 }, async () => {
    const booked = expectOk<{ date: string; time: string }>(await bookTuesdayNine(await start(workstationClock())));
    expect(booked).toMatchObject({ date: TUESDAY, time: '09:00' });
    await workstation!.close();
    dir!.remove();
    workstation = undefined;
    // The same booking, on a workstation whose clock stands years later, is in the past.
    expect(errorCode(await bookTuesdayNine(await start(clockRunningFrom(LATER_MS))))).toBe('IN_PAST');
  });

  it('generates the demo clinic around its own today', { timeout: 120_000 }, async () => {
    const ws = await start(clockRunningFrom(LATER_MS), { CLINIC_DEMO: 'small' });
    const { Appointment } = ws.runtime.stores().sql.models;
    const first = (await Appointment.min('appointmentDate')) as string;
    const last = (await Appointment.max('appointmentDate')) as string;
    expect(first < '2031-01-06' && '2031-01-06' < last, `${first} … ${last}`).toBe(true);
  });
});
