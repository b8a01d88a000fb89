import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { adminValues, codeAndField, doctorValues, patientValues, refusal, unique } from './fixtures';
import { openTestStore, SQL_TARGETS } from './stores';

/** INSERT by hand, bypassing the models: what the database itself accepts or refuses. */
async function rawInsert(sequelize: Sequelize, table: string, values: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(values);
  await sequelize.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, {
    replacements: Object.values(values),
  });
}

/** The database's own clock: a column default's "now" is the server's, which need not be this process's. */
async function databaseNow(sequelize: Sequelize): Promise<number> {
  const [row] = await sequelize.query<{ now: Date | string }>('SELECT CURRENT_TIMESTAMP AS now', { type: QueryTypes.SELECT });
  const now = row!.now;
  return now instanceof Date ? now.getTime() : Date.parse(`${now.replace(' ', 'T')}Z`);
}

async function count(
  sequelize: Sequelize,
  table: string,
  where = '1 = 1',
  replacements: unknown[] = [],
): Promise<number> {
  const rows = await sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, {
    type: QueryTypes.SELECT,
    replacements,
  });
  return Number(rows[0]?.n);
}

/** The snake_case twin of the fixtures, for raw inserts. */
const rawPatient = (overrides: Record<string, unknown> = {}) => ({
  first_name: 'Raw',
  last_name: 'Insert',
  email: `${unique('raw')}@example.org`,
  phone: '555-0199',
  date_of_birth: '1990-01-31',
  gender: 'Other',
  password_hash: 'scrypt$fake',
  ...overrides,
});

const rawDoctor = (overrides: Record<string, unknown> = {}) => ({
  first_name: 'Raw',
  last_name: 'Doctor',
  email: `${unique('rawdoc')}@clinic.example`,
  phone: '555-0198',
  specialization: 'Cardiology',
  license_number: unique('RAW-'),
  password_hash: 'scrypt$fake',
  ...overrides,
});

describe.each(SQL_TARGETS)('relational constraints on $name', (factory) => {
  let store: SqlStore & { dispose(): Promise<void> };

  beforeAll(async () => {
    store = await openTestStore(factory);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  async function bookedPair() {
    const { Patient, Doctor, Appointment } = store.models;
    const patient = await Patient.create(patientValues());
    const doctor = await Doctor.create(doctorValues());
    const appointment = await Appointment.create({
      patientId: patient.id,
      doctorId: doctor.id,
      appointmentDate: '2026-03-02',
      appointmentTime: '09:30',
    });
    return { patient, doctor, appointment };
  }

  describe('unique keys', () => {
    it.each([
      {
        what: 'patient email',
        field: 'email',
        write: (taken: string) => store.models.Patient.create(patientValues({ email: taken })),
        first: () => store.models.Patient.create(patientValues()).then((p) => p.email),
      },
      {
        what: 'doctor email',
        field: 'email',
        write: (taken: string) => store.models.Doctor.create(doctorValues({ email: taken })),
        first: () => store.models.Doctor.create(doctorValues()).then((d) => d.email),
      },
      {
        what: 'doctor license',
        field: 'licenseNumber',
        write: (taken: string) => store.models.Doctor.create(doctorValues({ licenseNumber: taken })),
        first: () => store.models.Doctor.create(doctorValues()).then((d) => d.licenseNumber),
      },
      {
        what: 'admin username',
        field: 'username',
        write: (taken: string) => store.models.Admin.create(adminValues({ username: taken })),
        first: () => store.models.Admin.create(adminValues()).then((a) => a.username),
      },
      {
        what: 'admin email',
        field: 'email',
        write: (taken: string) => store.models.Admin.create(adminValues({ email: taken })),
        first: () => store.models.Admin.create(adminValues()).then((a) => a.email),
      },
    ])('refuses a second $what, naming the field', async ({ field, write, first }) => {
      const taken = await first();
      const failure = await refusal(write(taken));
      expect(codeAndField(failure)).toEqual({ code: 'DUPLICATE', field });
      expect(failure.message).toMatch(/is already used by another record$/);
    });

    it('treats keys differing only in letter case as the same (MySQL _ci collation, SQLite NOCASE)', async () => {
      const first = await store.models.Patient.create(patientValues({ email: `${unique('Case')}@Example.org` }));
      const failure = await refusal(store.models.Patient.create(patientValues({ email: first.email.toLowerCase() })));
      expect(codeAndField(failure)).toEqual({ code: 'DUPLICATE', field: 'email' });
    });

    it('names the field for a duplicate written by raw SQL too (no model involved)', async () => {
      const doctor = await store.models.Doctor.create(doctorValues());
      const failure = await refusal(
        rawInsert(store.sequelize, 'doctors', rawDoctor({ license_number: doctor.licenseNumber })),
      );
      expect(codeAndField(failure)).toEqual({ code: 'DUPLICATE', field: 'licenseNumber' });
      expect(failure.message).toBe('License number is already used by another record');
    });

    it('refuses a second clinic setting with the same key', async () => {
      const key = unique('setting');
      await store.models.ClinicSetting.create({ settingKey: key, settingValue: '1', updatedBy: null });
      const failure = await refusal(
        store.models.ClinicSetting.create({ settingKey: key, settingValue: '2', updatedBy: null }),
      );
      expect(codeAndField(failure)).toEqual({ code: 'DUPLICATE', field: 'settingKey' });
    });
  });

  describe('foreign keys', () => {
    it('deleting a patient removes their appointments (ON DELETE CASCADE)', async () => {
      const { patient, appointment } = await bookedPair();
      await patient.destroy();
      expect(await store.models.Appointment.findByPk(appointment.id)).toBeNull();
    });

    it('refuses to delete a doctor who has appointments (ON DELETE RESTRICT) with CONFLICT', async () => {
      const { doctor, appointment } = await bookedPair();
      const failure = await refusal(doctor.destroy());
      expect(failure.code).toBe('CONFLICT');
      expect(failure.message).toMatch(/^This doctor still has appointments/);
      expect(await store.models.Doctor.findByPk(doctor.id)).not.toBeNull();
      expect(await store.models.Appointment.findByPk(appointment.id)).not.toBeNull();
    });

    it('refuses the same delete done with raw SQL', async () => {
      const { doctor } = await bookedPair();
      const failure = await refusal(
        store.sequelize.query('DELETE FROM doctors WHERE id = ?', { replacements: [doctor.id] }),
      );
      expect(failure.code).toBe('CONFLICT');
    });

    it('deleting a doctor without appointments removes their availability and unavailable dates', async () => {
      const { Doctor, DoctorAvailability, DoctorUnavailableDate } = store.models;
      const doctor = await Doctor.create(doctorValues());
      await DoctorAvailability.create({ doctorId: doctor.id, dayOfWeek: 1, startTime: '09:00', endTime: '17:00' });
      await DoctorAvailability.create({ doctorId: doctor.id, dayOfWeek: 3, startTime: '09:00', endTime: '12:00' });
      await DoctorUnavailableDate.create({ doctorId: doctor.id, unavailableDate: '2026-12-24', reason: 'vacation' });
      expect(await DoctorAvailability.count({ where: { doctorId: doctor.id } })).toBe(2);

      await doctor.destroy();

      expect(await count(store.sequelize, 'doctor_availability', 'doctor_id = ?', [doctor.id])).toBe(0);
      expect(await count(store.sequelize, 'doctor_unavailable_dates', 'doctor_id = ?', [doctor.id])).toBe(0);
    });

    it('deleting an admin keeps the settings they changed, with updated_by set to NULL', async () => {
      const admin = await store.models.Admin.create(adminValues());
      const setting = await store.models.ClinicSetting.create({
        settingKey: unique('k'),
        settingValue: 'v',
        updatedBy: admin.id,
      });
      await admin.destroy();
      const after = await store.models.ClinicSetting.findByPk(setting.id);
      expect(after?.updatedBy).toBeNull();
    });

    it('refuses an appointment for a doctor that does not exist (VALIDATION)', async () => {
      const patient = await store.models.Patient.create(patientValues());
      const failure = await refusal(
        store.models.Appointment.create({
          patientId: patient.id,
          doctorId: 999_999,
          appointmentDate: '2026-03-02',
          appointmentTime: '10:00',
        }),
      );
      expect(failure.code).toBe('VALIDATION');
    });
  });

  describe('enums', () => {
    it('the model refuses values outside the seed lists, naming the field, and writes nothing', async () => {
      const { patient, doctor } = await bookedPair();
      const appointment = (overrides: Record<string, unknown>) =>
        store.models.Appointment.create({
          patientId: patient.id,
          doctorId: doctor.id,
          appointmentDate: '2026-04-01',
          appointmentTime: '11:00',
          ...overrides,
        });
      const before = await count(store.sequelize, 'appointments');

      const gender = await refusal(store.models.Patient.create(patientValues({ gender: 'Unknown' as never })));
      expect(codeAndField(gender)).toEqual({ code: 'VALIDATION', field: 'gender' });
      expect(gender.message).toBe('Gender must be one of: Male, Female, Other');

      expect(codeAndField(await refusal(appointment({ status: 'Pending' })))).toEqual({
        code: 'VALIDATION',
        field: 'status',
      });
      expect(codeAndField(await refusal(appointment({ appointmentType: 'Surgery' })))).toEqual({
        code: 'VALIDATION',
        field: 'appointmentType',
      });
      expect(codeAndField(await refusal(appointment({ cancelledBy: 'System' })))).toEqual({
        code: 'VALIDATION',
        field: 'cancelledBy',
      });
      // Case matters: the seed's spelling only.
      expect(codeAndField(await refusal(appointment({ status: 'no-show' })))).toEqual({
        code: 'VALIDATION',
        field: 'status',
      });

      expect(await count(store.sequelize, 'appointments')).toBe(before);
    });

    it('the database itself refuses them from a raw INSERT', async () => {
      const { patient, doctor } = await bookedPair();
      const rawAppointment = (overrides: Record<string, unknown>) =>
        rawInsert(store.sequelize, 'appointments', {
          patient_id: patient.id,
          doctor_id: doctor.id,
          appointment_date: '2026-04-02',
          appointment_time: '11:00:00',
          ...overrides,
        });
      const before = await count(store.sequelize, 'appointments');

      expect(
        codeAndField(await refusal(rawInsert(store.sequelize, 'patients', rawPatient({ gender: 'Unknown' })))),
      ).toEqual({
        code: 'VALIDATION',
        field: 'gender',
      });
      expect(codeAndField(await refusal(rawAppointment({ status: 'Pending' })))).toEqual({
        code: 'VALIDATION',
        field: 'status',
      });
      expect(codeAndField(await refusal(rawAppointment({ appointment_type: 'Surgery' })))).toEqual({
        code: 'VALIDATION',
        field: 'appointmentType',
      });
      expect(codeAndField(await refusal(rawAppointment({ cancelled_by: 'System' })))).toEqual({
        code: 'VALIDATION',
        field: 'cancelledBy',
      });

      expect(await count(store.sequelize, 'appointments')).toBe(before);
      // ... while every listed value is accepted.
      for (const status of ['Scheduled', 'Confirmed', 'Completed', 'Cancelled', 'No-Show'])
        await rawAppointment({ status });
      for (const type of ['Consultation', 'Follow-up', 'Emergency', 'Check-up'])
        await rawAppointment({ appointment_type: type });
      for (const by of ['Patient', 'Doctor', 'Admin']) await rawAppointment({ cancelled_by: by });
      expect(await count(store.sequelize, 'appointments')).toBe(before + 12);
    });
  });

  describe('defaults', () => {
    it('applies the seed defaults to rows created through the models', async () => {
      const { patient, doctor, appointment } = await bookedPair();
      const admin = await store.models.Admin.create(adminValues());
      const slot = await store.models.DoctorAvailability.create({
        doctorId: doctor.id,
        dayOfWeek: 2,
        startTime: '08:00',
        endTime: '12:00',
      });

      for (const row of [appointment, await appointment.reload()]) {
        expect(row.durationMinutes).toBe(60);
        expect(row.status).toBe('Scheduled');
        expect(row.appointmentType).toBe('Consultation');
        expect(row.cancelledAt).toBeNull();
        expect(row.cancelledBy).toBeNull();
      }
      expect((await patient.reload()).isActive).toBe(true);
      expect((await doctor.reload()).isActive).toBe(true);
      expect(doctor.yearsExperience).toBe(0);
      expect((await admin.reload()).roleLevel).toBe(1);
      expect(admin.isActive).toBe(true);
      expect((await slot.reload()).isAvailable).toBe(true);
    });

    it('the database applies the same defaults to a raw INSERT that leaves the columns out', async () => {
      const { models, sequelize } = store;
      const patientEmail = `${unique('dflt')}@example.org`;
      await rawInsert(sequelize, 'patients', rawPatient({ email: patientEmail }));
      const doctorLicense = unique('DFLT-');
      await rawInsert(sequelize, 'doctors', rawDoctor({ license_number: doctorLicense }));
      const username = unique('dflt');
      await rawInsert(sequelize, 'admin', {
        username,
        email: `${username}@clinic.example`,
        first_name: 'A',
        last_name: 'B',
        password_hash: 'x',
      });

      const patient = await models.Patient.findOne({ where: { email: patientEmail } });
      const doctor = await models.Doctor.findOne({ where: { licenseNumber: doctorLicense } });
      const admin = await models.Admin.findOne({ where: { username } });
      if (!patient || !doctor || !admin) throw new Error('raw rows not found');
      expect(patient.isActive).toBe(true);
      expect(patient.createdAt).toBeInstanceOf(Date);
      expect(Math.abs(patient.createdAt.getTime() - (await databaseNow(sequelize)))).toBeLessThan(60_000);
      expect(doctor.isActive).toBe(true);
      expect(doctor.yearsExperience).toBe(0);
      expect(admin.roleLevel).toBe(1);
      expect(admin.isActive).toBe(true);

      await rawInsert(sequelize, 'appointments', {
        patient_id: patient.id,
        doctor_id: doctor.id,
        appointment_date: '2026-05-05',
        appointment_time: '14:00:00',
      });
      await rawInsert(sequelize, 'doctor_availability', {
        doctor_id: doctor.id,
        day_of_week: 5,
        start_time: '09:00:00',
        end_time: '13:00:00',
      });
      const appointment = await models.Appointment.findOne({ where: { patientId: patient.id } });
      const slot = await models.DoctorAvailability.findOne({ where: { doctorId: doctor.id } });
      expect(appointment?.durationMinutes).toBe(60);
      expect(appointment?.status).toBe('Scheduled');
      expect(appointment?.appointmentType).toBe('Consultation');
      expect(slot?.isAvailable).toBe(true);
    });
  });

  describe('NOT NULL', () => {
    it('the model refuses a missing required value, naming the field', async () => {
      const { firstName: _omitted, ...withoutFirstName } = patientValues();
      const failure = await refusal(store.models.Patient.create(withoutFirstName as never));
      expect(codeAndField(failure)).toEqual({ code: 'VALIDATION', field: 'firstName' });
      expect(failure.message).toBe('First name is required');
    });

    it.each([
      { table: 'patients', column: 'first_name', field: 'firstName' },
      { table: 'patients', column: 'date_of_birth', field: 'dateOfBirth' },
      { table: 'patients', column: 'gender', field: 'gender' },
      { table: 'doctors', column: 'license_number', field: 'licenseNumber' },
    ])('the database refuses NULL in $table.$column from a raw INSERT', async ({ table, column, field }) => {
      const values = table === 'patients' ? rawPatient({ [column]: null }) : rawDoctor({ [column]: null });
      const failure = await refusal(rawInsert(store.sequelize, table, values));
      expect(codeAndField(failure)).toEqual({ code: 'VALIDATION', field });
    });

    it('the database refuses NULL appointment date, time, patient and doctor', async () => {
      const { patient, doctor } = await bookedPair();
      const base = {
        patient_id: patient.id,
        doctor_id: doctor.id,
        appointment_date: '2026-06-01',
        appointment_time: '10:00:00',
      };
      for (const column of Object.keys(base)) {
        await expect(rawInsert(store.sequelize, 'appointments', { ...base, [column]: null })).rejects.toThrow();
      }
    });
  });

  describe('values both dialects store alike', () => {
    it('dates stay YYYY-MM-DD strings, times HH:MM:SS, money a 2-decimal string', async () => {
      const { patient, doctor, appointment } = await bookedPair();
      await doctor.update({ consultationFee: '150.5' });
      const again = await store.models.Appointment.findByPk(appointment.id);
      expect(again?.appointmentDate).toBe('2026-03-02');
      expect(again?.appointmentTime).toBe('09:30:00');
      expect((await store.models.Patient.findByPk(patient.id))?.dateOfBirth).toBe('1985-12-10');
      expect((await store.models.Doctor.findByPk(doctor.id))?.consultationFee).toBe('150.50');
    });

    it('the model refuses impossible dates and times and over-long text, naming the field', async () => {
      const { patient, doctor } = await bookedPair();
      const at = (appointmentDate: string, appointmentTime: string) =>
        store.models.Appointment.create({
          patientId: patient.id,
          doctorId: doctor.id,
          appointmentDate,
          appointmentTime,
        });
      expect(codeAndField(await refusal(at('2026-02-30', '10:00')))).toEqual({
        code: 'VALIDATION',
        field: 'appointmentDate',
      });
      expect(codeAndField(await refusal(at('2026-02-03', '25:00')))).toEqual({
        code: 'VALIDATION',
        field: 'appointmentTime',
      });
      expect(
        codeAndField(await refusal(store.models.Patient.create(patientValues({ phone: '1'.repeat(16) })))),
      ).toEqual({
        code: 'VALIDATION',
        field: 'phone',
      });
    });

    it('the database refuses over-long text from a raw INSERT on both dialects', async () => {
      const failure = await refusal(rawInsert(store.sequelize, 'patients', rawPatient({ phone: '1'.repeat(16) })));
      expect(codeAndField(failure)).toEqual({ code: 'VALIDATION', field: 'phone' });
    });

    it('updated_at moves on a raw UPDATE that does not set it (ON UPDATE CURRENT_TIMESTAMP / trigger)', async () => {
      const { patient } = await bookedPair();
      await store.sequelize.query("UPDATE patients SET updated_at = '2020-01-01 00:00:00' WHERE id = ?", {
        replacements: [patient.id],
      });
      expect((await patient.reload()).updatedAt.toISOString()).toBe('2020-01-01T00:00:00.000Z');
      await store.sequelize.query("UPDATE patients SET phone = '555-0000' WHERE id = ?", {
        replacements: [patient.id],
      });
      expect((await patient.reload()).updatedAt.getTime()).toBeGreaterThan(Date.parse('2025-01-01T00:00:00Z'));
    });

    it('updated_at moves on a model update', async () => {
      const { patient } = await bookedPair();
      await store.sequelize.query("UPDATE patients SET updated_at = '2020-01-01 00:00:00' WHERE id = ?", {
        replacements: [patient.id],
      });
      await patient.reload();
      await patient.update({ phone: '555-0001' });
      expect((await patient.reload()).updatedAt.getTime()).toBeGreaterThan(Date.parse('2025-01-01T00:00:00Z'));
    });
  });
});
