import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicReport } from '../../../electron/main/services/reports/clinic-report';
import { SeededRandom } from '../../../electron/main/data/generator/random';
import { addDays, startOfDay } from '../../../shared/domain/scheduling';
import { APPOINTMENT_STATUSES, APPOINTMENT_TYPES, ClinicReportInput } from '../../../shared/ipc/admin/reports';
import { doctorValues, patientValues } from '../sql/fixtures';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { MONDAY, seedClinic, ZONE } from '../scheduling/clinic-fixture';

const WEEK2 = addDays(MONDAY, 7);
const END = addDays(MONDAY, 14);

describe.each(SQL_TARGETS)('the clinic report on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let splitDoctor: number;

  beforeAll(async () => {
    store = await openTestStore(target);
    const clinic = await seedClinic(store, { doctors: 2, patients: 30 });
    const { Appointment, Doctor, DoctorAvailability, DoctorUnavailableDate, Patient } = store.models;
    // a doctor with known hours: Monday split (7 h), Wednesday 10–11, Tuesday switched off; a day off on the second Wednesday
    const doctor = await Doctor.create(doctorValues());
    splitDoctor = doctor.id;
    await DoctorAvailability.bulkCreate([
      { doctorId: doctor.id, dayOfWeek: 1, startTime: '09:00', endTime: '12:00' },
      { doctorId: doctor.id, dayOfWeek: 1, startTime: '14:00', endTime: '18:00' },
      { doctorId: doctor.id, dayOfWeek: 2, startTime: '08:00', endTime: '12:00', isAvailable: false },
      { doctorId: doctor.id, dayOfWeek: 3, startTime: '10:00', endTime: '11:00' },
    ]);
    await DoctorUnavailableDate.create({ doctorId: doctor.id, unavailableDate: addDays(WEEK2, 2), reason: 'Congress' });
    await DoctorUnavailableDate.create({ doctorId: doctor.id, unavailableDate: WEEK2, startTime: '09:00', endTime: '10:30', reason: 'Meeting' });
    // random appointments over four weeks around the report's two, every status and type
    const random = new SeededRandom(7);
    const doctors = [...clinic.doctors.map((d) => d.id), doctor.id];
    const rows = [];
    for (let i = 0; i < 400; i++) {
      rows.push({
        doctorId: random.pick(doctors),
        patientId: random.pick(clinic.patients).id,
        appointmentDate: addDays(MONDAY, random.int(-7, 20)),
        appointmentTime: `${String(random.int(8, 17)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`,
        durationMinutes: random.pick([15, 30, 45, 60]),
        status: random.pick(APPOINTMENT_STATUSES),
        appointmentType: random.pick(APPOINTMENT_TYPES),
      });
    }
    await Appointment.bulkCreate(rows);
    // patients registered before, in and after the weeks (in clinic time: Monday 00:30 Berlin is Sunday in UTC)
    const at = (date: string, minutes: number) => new Date((startOfDay(date, ZONE) + minutes) * 60000);
    // The seeded patients were stamped by the database's clock, which may fall in the report's
    // weeks (the fixture's Monday is a fixed date): they registered long before.
    await store.sequelize.query('UPDATE patients SET created_at = :created', { replacements: { created: at(addDays(MONDAY, -400), 0) } });
    for (const created of [at(MONDAY, -30), at(MONDAY, 30), at(addDays(MONDAY, 3), 600), at(WEEK2, 1), at(addDays(WEEK2, 6), 1400), at(END, 5)]) {
      const p = await Patient.create(patientValues());
      await store.sequelize.query('UPDATE patients SET created_at = :created WHERE id = :id', { replacements: { created, id: p.id } });
    }
  });
  afterAll(async () => store?.dispose());

  const report = () => clinicReport(store, ClinicReportInput.parse({ fromDate: addDays(MONDAY, 3), weeks: 2 }));

  it('starts on the Monday of the chosen week and counts appointments as a direct count does', async () => {
    const result = await report();
    expect(result.weeks).toEqual([MONDAY, WEEK2]);
    expect(result.to).toBe(addDays(END, -1));
    const { Appointment } = store.models;
    for (const [i, week] of result.weeks.entries()) {
      const inWeek = { appointmentDate: { [Op.gte]: week, [Op.lt]: addDays(week, 7) } };
      expect(result.byWeek[i]!.appointments).toBe(await Appointment.count({ where: inWeek }));
      for (const status of APPOINTMENT_STATUSES) expect(result.byWeek[i]!.byStatus[status], `${week} ${status}`).toBe(await Appointment.count({ where: { ...inWeek, status } }));
      for (const type of APPOINTMENT_TYPES) expect(result.byWeek[i]!.byType[type], `${week} ${type}`).toBe(await Appointment.count({ where: { ...inWeek, appointmentType: type } }));
      for (const doctor of result.doctors) {
        const booked = (await Appointment.sum('durationMinutes', { where: { ...inWeek, doctorId: doctor.doctorId, status: { [Op.ne]: 'Cancelled' } } })) ?? 0;
        expect(doctor.weeks[i]!.bookedMinutes, `${doctor.name} ${week}`).toBe(Number(booked));
      }
    }
    const all = { appointmentDate: { [Op.gte]: MONDAY, [Op.lt]: END } };
    const total = await Appointment.count({ where: all });
    expect(total).toBeGreaterThan(100);
    expect(result.totals.appointments).toBe(total);
    const noShow = await Appointment.count({ where: { ...all, status: 'No-Show' } });
    const completed = await Appointment.count({ where: { ...all, status: 'Completed' } });
    const cancelled = await Appointment.count({ where: { ...all, status: 'Cancelled' } });
    expect(result.totals.noShowRate).toBeCloseTo(noShow / (noShow + completed), 10);
    expect(result.totals.cancellationRate).toBeCloseTo(cancelled / total, 10);
  });

  it('counts available minutes with the booking rules: split days, switched-off ranges, days off', async () => {
    const doctor = (await report()).doctors.find((d) => d.doctorId === splitDoctor)!;
    // week 1: Monday 7 h + Wednesday 1 h; week 2: Monday minus 09:00–10:30, Wednesday off
    expect(doctor.weeks.map((w) => w.availableMinutes)).toEqual([480, 420 - 90]);
    expect(doctor.availableMinutes).toBe(810);
  });

  it('counts new patients per week in the clinic time zone', async () => {
    const result = await report();
    expect(result.byWeek.map((w) => w.newPatients)).toEqual([2, 2]);
    expect(result.totals.newPatients).toBe(4);
  });

  it('limits to the chosen doctors', async () => {
    const result = await clinicReport(store, { fromDate: MONDAY, weeks: 2, doctorIds: [splitDoctor] });
    expect(result.doctors.map((d) => d.doctorId)).toEqual([splitDoctor]);
    const count = await store.models.Appointment.count({ where: { doctorId: splitDoctor, appointmentDate: { [Op.gte]: MONDAY, [Op.lt]: END } } });
    expect(result.totals.appointments).toBe(count);
  });

  it('starts its weeks on the clinic first day of the week: Sunday when the clinic says so', async () => {
    await store.models.ClinicSetting.upsert({ settingKey: 'week_start', settingValue: 'sunday' });
    try {
      const result = await report();
      const sunday = addDays(MONDAY, -1);
      expect(result.weeks).toEqual([sunday, addDays(sunday, 7)]);
      expect(result.from).toBe(sunday);
      expect(result.to).toBe(addDays(sunday, 13));
      const { Appointment } = store.models;
      for (const [i, week] of result.weeks.entries())
        expect(result.byWeek[i]!.appointments, week).toBe(await Appointment.count({ where: { appointmentDate: { [Op.gte]: week, [Op.lt]: addDays(week, 7) } } }));
    } finally {
      await store.models.ClinicSetting.destroy({ where: { settingKey: 'week_start' } });
    }
  });
});
