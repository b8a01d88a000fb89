import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import {
  addUnavailableBlock,
  loadDoctorSchedule,
  previewBlock,
  previewWeeklyChange,
  removeUnavailableBlock,
  saveWeeklyAvailability,
} from '../../../electron/main/services/availability/doctor-availability';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { listFreeSlots } from '../../../electron/main/services/scheduling/slot-queries';
import { SaveWeeklyInput, AddBlockInput, type ScheduleChangeResult, type WeeklyRange } from '../../../shared/ipc/admin/availability';
import type { AppointmentView } from '../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../shared/ipc/types';
import { createTempDir, type TempDir } from '../../support/services';
import { expectOk } from '../../support/workstation-stores';
import { createAccounts, seedBookableClinic, tomorrow } from '../auth/accounts-fixture';
import { refusal } from '../sql/fixtures';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { fixedClock, MONDAY, seedClinic, workstationClock } from '../scheduling/clinic-fixture';

const admin: SessionUser = { id: 1, kind: 'staff', role: 'admin', displayName: 'Generated Admin' };
const TUESDAY = '2026-12-08';
const WEDNESDAY = '2026-12-09';
const range = (dayOfWeek: number, startTime: string, endTime: string, isAvailable = true): WeeklyRange => ({ dayOfWeek, startTime, endTime, isAvailable });

describe('weekly hours and days off: validation', () => {
  it('refuses overlapping ranges and ranges that end before they start, naming the range', () => {
    const overlap = SaveWeeklyInput.safeParse({ doctorId: 1, weekly: [range(1, '09:00', '12:00'), range(1, '11:30', '14:00')], resolution: { conflicts: 'refuse' } });
    expect(overlap.success).toBe(false);
    expect(overlap.error!.issues[0]).toMatchObject({ path: ['weekly', 1, 'startTime'], message: '11:30–14:00 overlaps 09:00–12:00' });
    const backwards = SaveWeeklyInput.safeParse({ doctorId: 1, weekly: [range(2, '12:00', '09:00')], resolution: { conflicts: 'refuse' } });
    expect(backwards.error!.issues[0]!.path).toEqual(['weekly', 0, 'endTime']);
    // a switched-off range still occupies its hours; other days do not interfere
    expect(SaveWeeklyInput.safeParse({ doctorId: 1, weekly: [range(1, '09:00', '12:00'), range(1, '10:00', '11:00', false)], resolution: { conflicts: 'refuse' } }).success).toBe(false);
    expect(SaveWeeklyInput.safeParse({ doctorId: 1, weekly: [range(1, '09:00', '12:00'), range(2, '10:00', '11:00'), range(1, '12:00', '24:00')], resolution: { conflicts: 'refuse' } }).success).toBe(true);
    expect(SaveWeeklyInput.safeParse({ doctorId: 1, weekly: [range(7, '09:00', '12:00')], resolution: { conflicts: 'refuse' } }).success).toBe(false);
  });

  it('refuses a block with one time only, a backwards block, no reason, or a cancellation without a reason', () => {
    const base = { doctorId: 1, resolution: { conflicts: 'refuse' } };
    expect(AddBlockInput.safeParse({ ...base, block: { date: TUESDAY, startTime: '09:00', endTime: null, reason: 'x' } }).error!.issues[0]!.path).toEqual(['block', 'endTime']);
    expect(AddBlockInput.safeParse({ ...base, block: { date: TUESDAY, startTime: '12:00', endTime: '09:00', reason: 'x' } }).error!.issues[0]!.path).toEqual(['block', 'endTime']);
    expect(AddBlockInput.safeParse({ ...base, block: { date: TUESDAY, startTime: null, endTime: null, reason: ' ' } }).error!.issues[0]!.path).toEqual(['block', 'reason']);
    expect(AddBlockInput.safeParse({ doctorId: 1, block: { date: TUESDAY, startTime: null, endTime: null, reason: 'Congress' }, resolution: { conflicts: 'cancel', reason: '', appointmentIds: [] } }).success).toBe(false);
    // a block ends at a time of day: 24:00 is refused here, not by the database
    expect(AddBlockInput.safeParse({ ...base, block: { date: TUESDAY, startTime: '16:00', endTime: '24:00', reason: 'x' } }).error!.issues[0]!.path).toEqual(['block', 'endTime']);
  });
});

describe.each(SQL_TARGETS)('weekly hours and days off on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  const clock = fixedClock();
  let cancelledSeen: AppointmentView[];
  const collect = async (a: AppointmentView) => {
    cancelledSeen.push(a);
  };
  const doctorId = () => clinic.doctors[0]!.id;
  const book = (patientIndex: number, date: string, time: string) =>
    bookAppointment(store, { patientId: clinic.patients[patientIndex]!.id, doctorId: doctorId(), date, time, idempotencyKey: randomUUID() }, clock);
  const slotTimes = async (date: string) => (await listFreeSlots(store, { doctorId: doctorId(), fromDate: date, days: 1 }, clock)).map((s) => s.time);
  const statusOf = async (id: number) => (await store.models.Appointment.findByPk(id))!;
  const snapshot = async () =>
    JSON.stringify([
      await store.models.DoctorAvailability.findAll({ where: { doctorId: doctorId() }, order: [['id', 'ASC']], raw: true }),
      await store.models.DoctorUnavailableDate.findAll({ where: { doctorId: doctorId() }, order: [['id', 'ASC']], raw: true }),
      await store.models.Appointment.findAll({ attributes: ['id', 'status'], order: [['id', 'ASC']], raw: true }),
    ]);

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, { doctors: 1, patients: 4 });
  });
  beforeEach(() => {
    cancelledSeen = [];
  });
  afterAll(async () => store?.dispose());

  it('gives a doctor a split day; slots and bookings follow it, a switched-off range offers nothing', async () => {
    const week = [range(1, '09:00', '12:00'), range(1, '14:00', '18:00'), range(2, '08:00', '12:00', false), range(3, '10:00', '11:00')];
    const result = await saveWeeklyAvailability(store, doctorId(), week, { conflicts: 'refuse' }, admin, clock, collect);
    expect(result.schedule.weekly.map((r) => [r.dayOfWeek, r.startTime, r.endTime, r.isAvailable])).toEqual([
      [1, '09:00', '12:00', true],
      [1, '14:00', '18:00', true],
      [2, '08:00', '12:00', false],
      [3, '10:00', '11:00', true],
    ]);
    const monday = await slotTimes(MONDAY);
    expect(monday[0]).toBe('09:00');
    expect(monday).toContain('11:30');
    expect(monday).not.toContain('12:00');
    expect(monday).not.toContain('13:30');
    expect(monday).toContain('14:00');
    expect(monday[monday.length - 1]).toBe('17:30');
    expect(await slotTimes(TUESDAY)).toEqual([]);
    expect((await refusal(book(0, MONDAY, '12:30'))).code).toBe('OUTSIDE_AVAILABILITY');
  });

  it('a day off that hits two booked appointments lists them, refuses to hide them, and cancels both in one step', async () => {
    const first = await book(0, WEDNESDAY, '10:00');
    const second = await book(1, WEDNESDAY, '10:30');
    const block = { date: WEDNESDAY, startTime: null, endTime: null, reason: 'Medical congress' };
    const affected = await previewBlock(store, doctorId(), block, clock);
    expect(affected.map((a) => a.appointmentId)).toEqual([first.id, second.id]);
    expect(affected[0]!.patient).toMatchObject({ id: clinic.patients[0]!.id, email: clinic.patients[0]!.email, phone: clinic.patients[0]!.phone });

    const before = await snapshot();
    const refused = await refusal(addUnavailableBlock(store, doctorId(), block, { conflicts: 'refuse' }, admin, clock, collect));
    expect(refused.code).toBe('CONFLICT');
    expect((refused.details as { appointments: unknown[] }).appointments).toHaveLength(2);
    // cancelling a list other than what is booked now: refused too, nothing cancelled
    const stale = await refusal(addUnavailableBlock(store, doctorId(), block, { conflicts: 'cancel', reason: 'x', appointmentIds: [first.id] }, admin, clock, collect));
    expect(stale.code).toBe('CONFLICT');
    expect(await snapshot()).toBe(before);
    expect(cancelledSeen).toEqual([]);

    const result: ScheduleChangeResult = await addUnavailableBlock(
      store,
      doctorId(),
      block,
      { conflicts: 'cancel', reason: 'The doctor is away at a congress', appointmentIds: [second.id, first.id] },
      admin,
      clock,
      collect,
    );
    expect(result.cancelled.map((a) => a.appointmentId)).toEqual([first.id, second.id]);
    expect(cancelledSeen.map((a) => [a.id, a.patientId])).toEqual([
      [first.id, clinic.patients[0]!.id],
      [second.id, clinic.patients[1]!.id],
    ]);
    expect(result.notify.map((n) => [n.appointmentId, n.email, n.phone])).toEqual([
      [first.id, clinic.patients[0]!.email, clinic.patients[0]!.phone],
      [second.id, clinic.patients[1]!.email, clinic.patients[1]!.phone],
    ]);
    for (const id of [first.id, second.id]) {
      expect(await statusOf(id)).toMatchObject({ status: 'Cancelled', cancelledBy: 'Admin', cancellationReason: 'The doctor is away at a congress' });
    }
    expect(result.schedule.blocks).toEqual([expect.objectContaining({ date: WEDNESDAY, startTime: null, endTime: null, reason: 'Medical congress' })]);
    expect(await slotTimes(WEDNESDAY)).toEqual([]);
    // removed again: the hours come back
    const after = await removeUnavailableBlock(store, doctorId(), result.schedule.blocks[0]!.id, clock);
    expect(after.blocks).toEqual([]);
    expect(await slotTimes(WEDNESDAY)).toEqual(['10:00', '10:15', '10:30']);
  });

  it('a part-day block hits only what overlaps it; keeping the appointment is a choice too', async () => {
    const early = await book(2, MONDAY, '09:00');
    const late = await book(3, MONDAY, '15:00');
    const block = { date: MONDAY, startTime: '14:30', endTime: '16:00', reason: 'Team meeting' };
    expect((await previewBlock(store, doctorId(), block, clock)).map((a) => a.appointmentId)).toEqual([late.id]);
    const kept = await addUnavailableBlock(store, doctorId(), block, { conflicts: 'keep' }, admin, clock, collect);
    expect(kept.kept.map((a) => a.appointmentId)).toEqual([late.id]);
    expect(kept.cancelled).toEqual([]);
    expect((await statusOf(late.id)).status).toBe('Scheduled');
    expect((await statusOf(early.id)).status).toBe('Scheduled');
    expect(await slotTimes(MONDAY)).not.toContain('14:30');
  });

  it('removing hours lists the appointments it strands (and only those), and cancels them when asked', async () => {
    const monday = await store.models.Appointment.findAll({ where: { doctorId: doctorId(), appointmentDate: MONDAY, status: 'Scheduled' } });
    const at9 = monday.find((a) => a.appointmentTime.startsWith('09:00'))!;
    // Monday mornings only from 10:00 now: the 09:00 visit no longer fits; the 15:00 one sits in a block already (not this change's doing)
    const week = [range(1, '10:00', '12:00'), range(1, '14:00', '18:00'), range(3, '10:00', '11:00')];
    const affected = await previewWeeklyChange(store, doctorId(), week, clock);
    expect(affected.map((a) => a.appointmentId)).toEqual([at9.id]);
    const before = await snapshot();
    expect((await refusal(saveWeeklyAvailability(store, doctorId(), week, { conflicts: 'refuse' }, admin, clock, collect))).code).toBe('CONFLICT');
    expect(await snapshot()).toBe(before);
    const result = await saveWeeklyAvailability(store, doctorId(), week, { conflicts: 'cancel', reason: 'Hours changed', appointmentIds: [at9.id] }, admin, clock, collect);
    expect(result.notify.map((n) => n.appointmentId)).toEqual([at9.id]);
    expect((await statusOf(at9.id)).status).toBe('Cancelled');
    expect((await loadDoctorSchedule(store, doctorId(), clock)).weekly).toHaveLength(3);
  });

  it('refuses a day off in the past and an unknown doctor', async () => {
    const past = { date: '2026-12-01', startTime: null, endTime: null, reason: 'Too late' };
    expect((await refusal(addUnavailableBlock(store, doctorId(), past, { conflicts: 'refuse' }, admin, clock, collect))).code).toBe('VALIDATION');
    expect((await refusal(loadDoctorSchedule(store, 999_999, clock))).code).toBe('NOT_FOUND');
  });
});

describe('one-step cancellation through the channel, on a workstation', () => {
  let dir: TempDir;
  let workstation: Workstation;

  beforeAll(async () => {
    dir = createTempDir();
    workstation = await startWorkstation({ dataDir: dir.path, env: {}, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
  });
  afterAll(async () => {
    await workstation?.close();
    dir?.remove();
  });

  it('audits the change and every cancellation with its patient', async () => {
    const { sql, documents } = workstation.runtime.stores();
    const clinic = await seedBookableClinic(sql, 1, 2);
    const accounts = await createAccounts(sql);
    const day = tomorrow();
    const doctorId = clinic.doctors[0]!.id;
    const ids = [];
    for (const [i, time] of ['09:00', '10:00'].entries()) {
      ids.push((await sql.models.Appointment.create({ doctorId, patientId: clinic.patients[i]!.id, appointmentDate: day, appointmentTime: time, durationMinutes: 30 })).id);
    }
    workstation.session.signIn(accounts.admin.user);
    const block = { date: day, startTime: null, endTime: null, reason: 'Conference' };
    const preview = expectOk<{ appointmentId: number }[]>(await workstation.dispatch('admin.schedule.previewBlock', { doctorId, block }));
    expect(preview.map((a) => a.appointmentId)).toEqual(ids);
    const before = await documents.systemAuditLogs.count();
    const result = expectOk<ScheduleChangeResult>(
      await workstation.dispatch('admin.schedule.addBlock', { doctorId, block, resolution: { conflicts: 'cancel', reason: 'Doctor at a conference', appointmentIds: ids } }),
    );
    expect(result.notify).toHaveLength(2);
    const records = (await documents.systemAuditLogs.find()).slice(before);
    expect(records.map((r) => r.action).sort()).toEqual(['add_doctor_unavailable_date', 'cancel_appointment', 'cancel_appointment']);
    const cancellations = records.filter((r) => r.action === 'cancel_appointment');
    expect(cancellations.map((r) => [r.resourceId, r.patientId, r.userId])).toEqual(
      ids.map((id, i) => [id, clinic.patients[i]!.id, accounts.admin.user.id]),
    );
    // the front desk may not do this
    workstation.session.signIn(accounts.front_desk.user);
    const refused = await workstation.dispatch('admin.schedule.addBlock', { doctorId, block: { ...block, reason: 'x' }, resolution: { conflicts: 'keep' } });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
  });
});
