import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { CalendarChanges, CalendarMonth } from '../../../shared/ipc/calendar/types';
import type { AppointmentView, CalendarDay } from '../../../shared/ipc/scheduling-types';
import type { Result } from '../../../shared/ipc/result';
import { createTempDir, type TempDir } from '../../support/services';
import { expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, PASSWORD, tomorrow } from '../auth/accounts-fixture';
import { seedClinic, workstationClock } from '../scheduling/clinic-fixture';

const NETWORKED = WORKSTATION_STORES.find((store) => store.name.startsWith('networked'))!;

function refusedField(result: Result<unknown>): string[] {
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.code).toBe('VALIDATION');
  return (result.error.details as { fields: { field: string }[] }).fields.map((f) => f.field);
}

/** Two workstations on one clinic server (MariaDB + the document store): what one books, the other's feed shows. */
describe('the calendar change feed across two workstations on MariaDB', () => {
  const dirs: TempDir[] = [];
  let first: Workstation;
  let second: Workstation;
  let cleanup: () => Promise<void>;
  let ids: { doctorId: number; patientIds: number[] };
  const day = tomorrow();

  beforeAll(async () => {
    const opened = await NETWORKED.open();
    cleanup = opened.cleanup;
    const start = async () => {
      const dir = createTempDir();
      dirs.push(dir);
      return startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    };
    first = await start();
    second = await start();
    const { sql } = first.runtime.stores();
    const clinic = await seedClinic(sql, { doctors: 1, patients: 2 });
    ids = { doctorId: clinic.doctors[0]!.id, patientIds: clinic.patients.map((p) => p.id) };
    const accounts = await createAccounts(sql);
    for (const workstation of [first, second]) {
      expectOk(
        await workstation.dispatch('session.signIn', {
          identifier: accounts.front_desk.identifier,
          password: PASSWORD,
        }),
      );
    }
  });
  afterAll(async () => {
    await first?.runtime.close();
    await second?.runtime.close();
    await cleanup?.();
    dirs.forEach((dir) => dir.remove());
  });

  it('a booking and a cancellation on one workstation change the other workstation’s feed, day and month', async () => {
    const feed = async () =>
      expectOk<CalendarChanges>(await second.dispatch('calendar.changes', { from: day, to: day })).fingerprints[day];
    const count = async () =>
      expectOk<CalendarMonth>(await second.dispatch('calendar.month', { month: day.slice(0, 7) })).days.find(
        (d) => d.date === day,
      )!.booked;
    const before = { print: await feed(), booked: await count() };
    expect(before.print).toBeUndefined();

    const booked = expectOk<AppointmentView>(
      await first.dispatch('appointments.book', {
        patientId: ids.patientIds[0]!,
        doctorId: ids.doctorId,
        date: day,
        time: '10:00',
        idempotencyKey: 'two-workstations-1',
      }),
    );
    const afterBooking = await feed();
    expect(afterBooking).toBeDefined();
    expect(await count()).toBe(before.booked + 1);
    const shown = expectOk<CalendarDay>(await second.dispatch('calendar.day', { date: day }));
    expect(shown.doctors[0]!.appointments.map((a) => a.id)).toEqual([booked.id]);

    expectOk(await first.dispatch('appointments.cancel', { appointmentId: booked.id, reason: 'Plans changed' }));
    const afterCancel = await feed();
    expect(afterCancel).toBeDefined();
    expect(afterCancel).not.toBe(afterBooking);
    expect(await count()).toBe(before.booked);
  });

  it('refuses bad ranges and months with the field named', async () => {
    expect(refusedField(await second.dispatch('calendar.changes', { from: '2026-12-10', to: '2026-12-01' }))).toEqual([
      'to',
    ]);
    expect(refusedField(await second.dispatch('calendar.changes', { from: '2026-01-01', to: '2026-06-01' }))).toEqual([
      'to',
    ]);
    expect(refusedField(await second.dispatch('calendar.month', { month: '2026-13' }))).toEqual(['month']);
    expect(refusedField(await second.dispatch('calendar.week', { doctorId: 0, date: day }))).toEqual(['doctorId']);
  });
});
