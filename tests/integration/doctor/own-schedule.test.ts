/**
 * A doctor edits their own weekly hours and days off (schedule.own) through the admin's
 * availability service: only their own, affected visits listed before anything is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { doctorSessionUser } from '../../../electron/main/services/accounts';
import type { AffectedAppointment, DoctorScheduleView, ScheduleChangeResult } from '../../../shared/ipc/admin/availability';
import type { SessionUser } from '../../../shared/ipc/types';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { MONDAY, seedClinic, workstationClock } from '../scheduling/clinic-fixture';

const MORNINGS_ONLY = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startTime: '08:00', endTime: '12:00', isAvailable: true }));

describe.each(WORKSTATION_STORES)("a doctor's own hours on the $name", (store) => {
  let dir: TempDir;
  let workstation: Workstation;
  let cleanup: () => Promise<void>;
  let drA: SessionUser;
  let drB: SessionUser;
  let afternoonVisit = 0;

  beforeAll(async () => {
    dir = createTempDir();
    const opened = await store.open();
    cleanup = opened.cleanup;
    workstation = await startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql } = workstation.runtime.stores();
    const clinic = await seedClinic(sql, { doctors: 2, patients: 1 });
    drA = doctorSessionUser(clinic.doctors[0]!);
    drB = doctorSessionUser(clinic.doctors[1]!);
    afternoonVisit = (await sql.models.Appointment.create({ doctorId: drA.id, patientId: clinic.patients[0]!.id, appointmentDate: MONDAY, appointmentTime: '14:00', durationMinutes: 30 })).id;
  }, 60_000);

  afterAll(async () => {
    await workstation?.audit.flush();
    await workstation?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('lists the visits a change would strand, refuses until told, then keeps or cancels exactly those', async () => {
    workstation.session.signIn(drA);
    const before = expectOk<DoctorScheduleView>(await workstation.dispatch('doctor.schedule.get', {}));
    expect(before.doctorId).toBe(drA.id);
    expect(before.weekly).toHaveLength(14);

    const affected = expectOk<AffectedAppointment[]>(await workstation.dispatch('doctor.schedule.previewWeekly', { weekly: MORNINGS_ONLY }));
    expect(affected.map((a) => a.appointmentId)).toEqual([afternoonVisit]);
    const refused = await workstation.dispatch('doctor.schedule.saveWeekly', { weekly: MORNINGS_ONLY, resolution: { conflicts: 'refuse' } });
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(expectOk<DoctorScheduleView>(await workstation.dispatch('doctor.schedule.get', {})).weekly).toHaveLength(14);

    const cancelled = expectOk<ScheduleChangeResult>(
      await workstation.dispatch('doctor.schedule.saveWeekly', {
        weekly: MORNINGS_ONLY,
        resolution: { conflicts: 'cancel', reason: 'Doctor works mornings only from now on', appointmentIds: [afternoonVisit] },
      }),
    );
    expect(cancelled.schedule.weekly).toHaveLength(5);
    expect(cancelled.cancelled.map((a) => a.appointmentId)).toEqual([afternoonVisit]);
    const row = await workstation.runtime.stores().sql.models.Appointment.findByPk(afternoonVisit);
    expect(row).toMatchObject({ status: 'Cancelled', cancelledBy: 'Doctor' });

    // the other doctor's hours are untouched, and no input can name them
    workstation.session.signIn(drB);
    expect(expectOk<DoctorScheduleView>(await workstation.dispatch('doctor.schedule.get', {})).weekly).toHaveLength(14);
    workstation.session.signIn(drA);
    expect(errorCode(await workstation.dispatch('doctor.schedule.saveWeekly', { doctorId: drB.id, weekly: [], resolution: { conflicts: 'keep' } }))).toBe('VALIDATION');
  });

  it('adds and removes a day off of their own only', async () => {
    workstation.session.signIn(drA);
    const added = expectOk<ScheduleChangeResult>(
      await workstation.dispatch('doctor.schedule.addBlock', { block: { date: MONDAY, startTime: null, endTime: null, reason: 'Conference' }, resolution: { conflicts: 'refuse' } }),
    );
    const block = added.schedule.blocks.find((b) => b.date === MONDAY)!;
    expect(block).toMatchObject({ startTime: null, endTime: null, reason: 'Conference' });
    workstation.session.signIn(drB);
    expect(errorCode(await workstation.dispatch('doctor.schedule.removeBlock', { blockId: block.id }))).toBe('NOT_FOUND');
    workstation.session.signIn(drA);
    expect(expectOk<DoctorScheduleView>(await workstation.dispatch('doctor.schedule.removeBlock', { blockId: block.id })).blocks).toHaveLength(0);
  });
});
