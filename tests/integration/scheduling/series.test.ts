import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { bookSeries, previewSeries, type SeriesRequest } from '../../../electron/main/services/scheduling/series';
import { cancelSeries } from '../../../electron/main/services/scheduling/series-cancel';
import { addDays } from '../../../shared/domain/scheduling';
import { type AppFailure } from '../../../shared/ipc/result';
import type { SeriesConflictDetails } from '../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../shared/ipc/types';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { refusal } from '../sql/fixtures';
import { fixedClock, MONDAY, NOW, seedClinic } from './clinic-fixture';

const desk: SessionUser = { id: 1, kind: 'staff', role: 'front_desk', displayName: 'Front Desk' };
const TUESDAY = addDays(MONDAY, 1);

describe.each(SQL_TARGETS)('recurring appointments on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  const clock = fixedClock();
  const rows = async () => ({ appointments: await store.models.Appointment.count(), series: await store.models.AppointmentSeries.count() });
  const weekly = (overrides: Partial<SeriesRequest> = {}): SeriesRequest => ({
    patientId: clinic.patients[0]!.id,
    doctorId: clinic.doctors[0]!.id,
    date: TUESDAY,
    time: '09:00',
    repeat: { intervalWeeks: 1, count: 4 },
    ...overrides,
  });

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, { doctors: 2, patients: 6 });
    // week 2: the doctor is taken at 09:00; week 3: the patient sees another doctor at 09:00
    await bookAppointment(store, { patientId: clinic.patients[1]!.id, doctorId: clinic.doctors[0]!.id, date: addDays(TUESDAY, 7), time: '09:00', idempotencyKey: randomUUID() }, clock);
    await bookAppointment(store, { patientId: clinic.patients[0]!.id, doctorId: clinic.doctors[1]!.id, date: addDays(TUESDAY, 14), time: '08:45', idempotencyKey: randomUUID() }, clock);
  });
  afterAll(async () => store?.dispose());

  it('previews every visit, lists each conflict with nearby alternatives, and writes nothing', async () => {
    const before = await rows();
    const preview = await previewSeries(store, weekly(), clock);
    expect(preview.bookable).toBe(false);
    expect(preview.occurrences.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['ok', 'SLOT_TAKEN', 'PATIENT_BUSY', 'ok']);
    for (const occurrence of preview.occurrences) {
      expect(occurrence.date).toBe(addDays(TUESDAY, 7 * occurrence.index));
      if (occurrence.ok) continue;
      expect(occurrence.alternatives).toHaveLength(3);
      for (const alternative of occurrence.alternatives) {
        expect(alternative.doctorId).toBe(clinic.doctors[0]!.id);
        expect(Math.abs(Date.parse(alternative.date) - Date.parse(occurrence.ruleDate))).toBeLessThanOrEqual(3 * 86_400_000);
      }
    }
    // the doctor's 09:00–09:30 is taken: the nearest times that day, around it
    const taken = preview.occurrences[1]!;
    if (taken.ok) throw new Error('expected a conflict');
    expect(taken.alternatives.map((a) => `${a.date} ${a.time}`)).toEqual([`${taken.ruleDate} 08:30`, `${taken.ruleDate} 09:30`, `${taken.ruleDate} 08:15`]);
    expect(await rows()).toEqual(before);
  });

  it('refuses a conflicting series with SERIES_CONFLICT and writes nothing', async () => {
    const before = await rows();
    const failure = await refusal(bookSeries(store, { ...weekly(), idempotencyKey: randomUUID() }, clock));
    expect(failure.code).toBe('SERIES_CONFLICT');
    const { conflicts } = failure.details as SeriesConflictDetails;
    expect(conflicts.map((c) => [c.index, c.code])).toEqual([[1, 'SLOT_TAKEN'], [2, 'PATIENT_BUSY']]);
    expect(conflicts.every((c) => c.alternatives.length === 3)).toBe(true);
    expect(await rows()).toEqual(before);
  });

  it('books all visits atomically with chosen alternatives, once per idempotency key', async () => {
    const preview = await previewSeries(store, weekly(), clock);
    const overrides = preview.occurrences.flatMap((o) => (o.ok ? [] : [{ index: o.index, date: o.alternatives[0]!.date, time: o.alternatives[0]!.time }]));
    const before = await rows();
    const key = randomUUID();
    const series = await bookSeries(store, { ...weekly(), overrides, idempotencyKey: key }, clock);
    expect(series).toMatchObject({ intervalWeeks: 1, occurrenceCount: 4, untilDate: null, patientId: clinic.patients[0]!.id });
    expect(series.appointments.map((a) => `${a.date} ${a.time}`)).toEqual([
      `${TUESDAY} 09:00`,
      `${overrides[0]!.date} ${overrides[0]!.time}`,
      `${overrides[1]!.date} ${overrides[1]!.time}`,
      `${addDays(TUESDAY, 21)} 09:00`,
    ]);
    expect(await rows()).toEqual({ appointments: before.appointments + 4, series: before.series + 1 });
    const stored = await store.models.Appointment.findAll({ where: { seriesId: series.id } });
    expect(stored.map((a) => a.status)).toEqual(['Scheduled', 'Scheduled', 'Scheduled', 'Scheduled']);

    const again = await bookSeries(store, { ...weekly(), overrides, idempotencyKey: key }, clock);
    expect(again.id).toBe(series.id);
    expect(await rows()).toEqual({ appointments: before.appointments + 4, series: before.series + 1 });
  });

  it('refuses an alternative more than three days from its visit', async () => {
    const failure = await refusal(bookSeries(store, { ...weekly({ patientId: clinic.patients[2]!.id, date: addDays(TUESDAY, 1) }), overrides: [{ index: 1, date: addDays(TUESDAY, 13), time: '09:00' }], idempotencyKey: randomUUID() }, clock));
    expect(failure.code).toBe('VALIDATION');
    expect(failure.details).toEqual({ fields: [expect.objectContaining({ field: 'overrides.0.date' })] });
  });

  it('books an every-two-weeks series up to an end date', async () => {
    const series = await bookSeries(store, { ...weekly({ patientId: clinic.patients[2]!.id, doctorId: clinic.doctors[1]!.id, time: '14:00', repeat: { intervalWeeks: 2, until: addDays(TUESDAY, 43) } }), idempotencyKey: randomUUID() }, clock);
    expect(series.appointments.map((a) => a.date)).toEqual([0, 14, 28, 42].map((d) => addDays(TUESDAY, d)));
    expect(series).toMatchObject({ occurrenceCount: null, untilDate: addDays(TUESDAY, 43) });
  });

  it('lets exactly one of two workstations book the same series slots', async () => {
    const request = (patient: number) => bookSeries(store, { ...weekly({ patientId: clinic.patients[patient]!.id, time: '16:00', date: addDays(TUESDAY, 2) }), idempotencyKey: randomUUID() }, clock);
    const outcomes = await Promise.allSettled([request(3), request(4)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as AppFailure).code).toBe('SERIES_CONFLICT');
  });

  it('cancels this visit and the following ones, then the rest of the series; never past or finished visits', async () => {
    const series = await bookSeries(store, { ...weekly({ patientId: clinic.patients[5]!.id, time: '11:00', date: addDays(TUESDAY, 3) }), idempotencyKey: randomUUID() }, clock);
    const [first, second, third, fourth] = series.appointments;
    const following = await cancelSeries(store, { seriesId: series.id, fromAppointmentId: third!.id }, desk, clock);
    expect(following.cancelled.map((a) => a.id)).toEqual([third!.id, fourth!.id]);
    expect(following.cancelled.every((a) => a.status === 'Cancelled' && a.cancelledBy === 'Admin' && !a.lateCancellation)).toBe(true);
    expect(following.untouched).toBe(0);
    expect((await store.models.Appointment.findByPk(second!.id))?.status).toBe('Scheduled');

    // eight days later the first visit has passed: the rest of the series goes, the first stays
    const later = fixedClock(NOW + 8 * 24 * 60);
    const rest = await cancelSeries(store, { seriesId: series.id, reason: 'Moving away' }, desk, later);
    expect(rest.cancelled.map((a) => a.id)).toEqual([second!.id]);
    expect(rest.untouched).toBe(3);
    expect((await store.models.Appointment.findByPk(first!.id))?.status).toBe('Scheduled');
  });

  it('applies the late-cancellation policy to each visit: without a reason nothing is cancelled', async () => {
    const series = await bookSeries(store, { ...weekly({ patientId: clinic.patients[1]!.id, date: MONDAY, time: '15:00', repeat: { intervalWeeks: 1, count: 3 } }), idempotencyKey: randomUUID() }, clock);
    const failure = await refusal(cancelSeries(store, { seriesId: series.id }, desk, clock));
    expect(failure.code).toBe('REASON_REQUIRED');
    expect(await store.models.Appointment.count({ where: { seriesId: series.id, status: 'Cancelled' } })).toBe(0);

    const done = await cancelSeries(store, { seriesId: series.id, reason: 'Treatment finished' }, desk, clock);
    expect(done.cancelled.map((a) => [a.date, a.lateCancellation, a.cancellationReason])).toEqual([
      [MONDAY, true, 'Treatment finished'],
      [addDays(MONDAY, 7), false, 'Treatment finished'],
      [addDays(MONDAY, 14), false, 'Treatment finished'],
    ]);
  });

  it('refuses a visit of another series as the starting point, and an unknown series', async () => {
    const other = await bookSeries(store, { ...weekly({ patientId: clinic.patients[4]!.id, date: addDays(TUESDAY, 4), time: '13:00', repeat: { intervalWeeks: 1, count: 2 } }), idempotencyKey: randomUUID() }, clock);
    const single = await bookAppointment(store, { patientId: clinic.patients[4]!.id, doctorId: clinic.doctors[1]!.id, date: addDays(TUESDAY, 4), time: '09:00', idempotencyKey: randomUUID() }, clock);
    expect((await refusal(cancelSeries(store, { seriesId: other.id, fromAppointmentId: single.id }, desk, clock))).code).toBe('NOT_FOUND');
    expect((await refusal(cancelSeries(store, { seriesId: 999_999 }, desk, clock))).code).toBe('NOT_FOUND');
  });

  it('removing a series keeps its visits as single appointments', async () => {
    const series = await bookSeries(store, { ...weekly({ patientId: clinic.patients[3]!.id, date: addDays(TUESDAY, 5), time: '10:00', repeat: { intervalWeeks: 3, count: 2 } }), idempotencyKey: randomUUID() }, clock);
    await store.models.AppointmentSeries.destroy({ where: { id: series.id } });
    const visits = await store.models.Appointment.findAll({ where: { id: series.appointments.map((a) => a.id) } });
    expect(visits.map((v) => v.seriesId)).toEqual([null, null]);
  });
});
