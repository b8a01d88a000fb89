import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { Result } from '../../../shared/ipc/result';
import type { CalendarDay, SeriesCancellation, SeriesPreview, SeriesView } from '../../../shared/ipc/scheduling-types';
import { expectOk } from '../../support/workstation-stores';
import { createAccounts, PASSWORD, tomorrow } from '../auth/accounts-fixture';
import { seedClinic, workstationClock } from '../scheduling/clinic-fixture';
import { createTempDir, type TempDir } from '../../support/services';

function validationFields(result: Result<unknown>): string[] {
  if (result.ok) throw new Error('expected a VALIDATION error, got ok');
  expect(result.error.code).toBe('VALIDATION');
  return (result.error.details as { fields: { field: string }[] }).fields.map((f) => f.field);
}

describe('the series and calendar channels through the dispatcher (standalone SQLite)', () => {
  let dir: TempDir;
  let workstation: Workstation;
  let ids: { doctorId: number; patientId: number };
  const day = tomorrow();
  const series = () => ({ patientId: ids.patientId, doctorId: ids.doctorId, date: day, time: '10:00', repeat: { intervalWeeks: 1, count: 3 } });

  beforeAll(async () => {
    dir = createTempDir();
    workstation = await startWorkstation({ dataDir: dir.path, env: {}, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql } = workstation.runtime.stores();
    const clinic = await seedClinic(sql, { doctors: 1, patients: 1 });
    ids = { doctorId: clinic.doctors[0]!.id, patientId: clinic.patients[0]!.id };
    const accounts = await createAccounts(sql);
    // Input is checked for a user the channel allows (a caller nobody signed in is refused before that).
    workstation.session.signIn(accounts.front_desk.user);
  });
  afterAll(async () => {
    await workstation?.runtime.close();
    dir?.remove();
  });

  it.each([
    ['series.preview', { repeat: { intervalWeeks: 13, count: 4 } }, 'repeat.intervalWeeks'],
    ['series.preview', { repeat: { intervalWeeks: 1, count: 53 } }, 'repeat.count'],
    ['series.preview', { repeat: { intervalWeeks: 1, count: 4, until: '2099-01-01' } }, 'repeat.count'],
    ['series.preview', { repeat: { intervalWeeks: 1 } }, 'repeat.count'],
    ['series.preview', { repeat: { intervalWeeks: 1, until: '2000-01-01' } }, 'repeat.until'],
    ['series.preview', { repeat: { intervalWeeks: 1, until: '2099-12-31' } }, 'repeat.until'],
    ['series.preview', { time: '25:00' }, 'time'],
    ['series.book', { idempotencyKey: undefined }, 'idempotencyKey'],
    ['series.book', { overrides: [{ index: 52, date: '2099-01-01', time: '09:00' }] }, 'overrides.0.index'],
    ['series.book', { overrides: [{ index: 1, date: '2099-01-01', time: '09:00' }, { index: 1, date: '2099-01-02', time: '09:00' }] }, 'overrides'],
  ] as const)('%s refuses %j naming %s', async (channel, change, field) => {
    const input = { ...series(), ...(channel === 'series.book' ? { idempotencyKey: 'series-key-123' } : {}), ...change };
    expect(validationFields(await workstation.dispatch(channel, input))).toEqual([field]);
  });

  it.each([
    ['series.cancel', { seriesId: 0 }, 'seriesId'],
    ['series.cancel', { seriesId: 1, fromAppointmentId: -1 }, 'fromAppointmentId'],
    ['series.cancel', { seriesId: 1, reason: 'x'.repeat(501) }, 'reason'],
    ['calendar.day', { date: '2026-02-30' }, 'date'],
    ['calendar.day', { date: '2026-12-07', doctorIds: [] }, 'doctorIds'],
    ['calendar.day', { date: '2026-12-07', specialization: '  ' }, 'specialization'],
  ] as const)('%s refuses %j naming %s', async (channel, input, field) => {
    expect(validationFields(await workstation.dispatch(channel, input))).toEqual([field]);
  });

  // Nobody signed in: a sign-in is asked for before the input is looked at, valid or not.
  it('asks for a sign-in first', async () => {
    workstation.session.signOut();
    for (const [channel, input] of [
      ['calendar.day', { date: day }],
      ['calendar.day', { date: '2026-02-30' }],
      ['series.preview', series()],
      ['series.cancel', { seriesId: 1 }],
      ['series.cancel', { seriesId: 0 }],
    ] as const) {
      const result = await workstation.dispatch(channel, input);
      expect(result.ok ? 'ok' : result.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('previews, books, shows and cancels a series for a signed-in receptionist', async () => {
    const { sql } = workstation.runtime.stores();
    const desk = await sql.models.Admin.findOne({ where: { roleLevel: 0 } });
    expectOk(await workstation.dispatch('session.signIn', { identifier: desk!.username, password: PASSWORD }));

    const preview = expectOk<SeriesPreview>(await workstation.dispatch('series.preview', series()));
    expect(preview.bookable).toBe(true);
    const booked = expectOk<SeriesView>(await workstation.dispatch('series.book', { ...series(), idempotencyKey: randomUUID() }));
    expect(booked.appointments).toHaveLength(3);

    const calendar = expectOk<CalendarDay>(await workstation.dispatch('calendar.day', { date: day, doctorIds: [ids.doctorId] }));
    expect(calendar.doctors[0]?.appointments.map((a) => [a.time, a.seriesId])).toEqual([['10:00', booked.id]]);

    const cancelled = expectOk<SeriesCancellation>(await workstation.dispatch('series.cancel', { seriesId: booked.id, reason: 'Course of treatment ended' }));
    expect(cancelled.cancelled.map((a) => a.status)).toEqual(['Cancelled', 'Cancelled', 'Cancelled']);
  });
});
