/**
 * The local mirror against a real clinic server: a generated clinic on MariaDB pulled into a
 * real SQLite file, then changed on the server in every way the mirror must notice (edits,
 * cancellations, deletions that cascade, rows of the small tables, a late-stamped row), pulled
 * again: both sides hold the same rows, and a pull with nothing new writes nothing.
 */
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { seedDemoClinic } from '../../../electron/main/data/generator/demo-clinic';
import { MIRROR_TABLES } from '../../../electron/main/services/sync/mirror-tables';
import { pullMirror, pullRecentChanges, type TablePull } from '../../../electron/main/services/sync/mirror-pull';
import { comparable, type Row } from '../../../electron/main/services/sync/row-values';
import { mirroredPasswordHash } from '../../../electron/main/services/auth/mirrored-hash';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { adminValues } from '../sql/fixtures';

const [MARIADB, SQLITE] = SQL_TARGETS as [(typeof SQL_TARGETS)[0], (typeof SQL_TARGETS)[0]];

/** A table's rows in one comparable form; `hashColumn`: the server's password hashes as the mirror keeps them. */
async function tableRows(store: SqlStore, table: string, hashColumn?: string): Promise<string[]> {
  const rows = await store.sequelize.query<Row>(`SELECT * FROM ${table} ORDER BY id`, { type: QueryTypes.SELECT });
  return rows.map((row) => {
    const value = (column: string) => (column === hashColumn ? mirroredPasswordHash(String(row[column])) : row[column]);
    return JSON.stringify(Object.keys(row).sort().map((column) => [column, comparable(value(column))]));
  });
}

async function expectSameRows(server: SqlStore, local: SqlStore): Promise<void> {
  for (const { table, passwordHashColumn } of MIRROR_TABLES) {
    expect(await tableRows(local, table), table).toEqual(await tableRows(server, table, passwordHashColumn));
  }
}

const total = (pulls: TablePull[], key: 'written' | 'removed') => pulls.reduce((sum, pull) => sum + pull[key], 0);

describe('pulling the mirror from a MariaDB clinic server into a SQLite file', () => {
  let server: Awaited<ReturnType<typeof openTestStore>>;
  let local: Awaited<ReturnType<typeof openTestStore>>;

  beforeAll(async () => {
    [server, local] = await Promise.all([openTestStore(MARIADB), openTestStore(SQLITE)]);
    await seedDemoClinic(server, 'small', '2026-11-25');
  }, 120_000);
  afterAll(async () => Promise.all([server?.dispose(), local?.dispose()]));

  it('copies the whole clinic on the first pull, in pages', async () => {
    const pulls = await pullMirror(server, local, { pageSize: 700 });
    expect(pulls.find((p) => p.table === 'appointments')!.written).toBe(await server.models.Appointment.count());
    expect(total(pulls, 'removed')).toBe(0);
    await expectSameRows(server, local);
  }, 120_000);

  it('writes nothing when nothing changed', async () => {
    const pulls = await pullMirror(server, local, { pageSize: 700 });
    expect(total(pulls, 'written')).toBe(0);
    expect(total(pulls, 'removed')).toBe(0);
  });

  it('follows edits, cancellations, deletions (with their cascades) and the small tables', async () => {
    const { Patient, Appointment, Doctor, DoctorAvailability, DoctorUnavailableDate, ClinicSetting, Admin } = server.models;
    const [first, second] = await Appointment.findAll({ where: { status: 'Scheduled' }, order: [['id', 'ASC']], limit: 2 });
    await first!.update({ status: 'Cancelled', cancelledAt: new Date(), cancelledBy: 'Patient', cancellationReason: 'Called in' });
    await second!.destroy();
    // a patient removed on the server takes their appointments along (ON DELETE CASCADE)
    const leaving = await Patient.findOne({ order: [['id', 'DESC']] });
    const theirAppointments = await Appointment.count({ where: { patientId: leaving!.id } });
    await leaving!.destroy();
    const renamed = await Patient.findOne({ order: [['id', 'ASC']] });
    await renamed!.update({ phone: '+4930123456' });
    const doctor = await Doctor.findOne();
    await DoctorAvailability.create({ doctorId: doctor!.id, dayOfWeek: 6, startTime: '07:00', endTime: '07:30' });
    await DoctorUnavailableDate.destroy({ where: {}, limit: 1 });
    // a staff account new since the last pull saves a setting: the setting points at the account (updated_by)
    const newAdmin = await Admin.create(adminValues());
    await ClinicSetting.create({ settingKey: 'clinic_name', settingValue: 'Mirror Test Clinic', updatedBy: newAdmin.id });

    const pulls = await pullMirror(server, local, { pageSize: 700 });
    // the patient's removal cascades in the mirror too, so only the one destroyed appointment is removed by the pull
    expect(theirAppointments).toBeGreaterThan(0);
    expect(pulls.find((p) => p.table === 'appointments')!.removed).toBe(1);
    expect(pulls.find((p) => p.table === 'patients')).toMatchObject({ written: 1, removed: 1 });
    await expectSameRows(server, local);
  }, 120_000);

  it('catches a row inserted with a stamp older than the cursor (a late commit) through the id buckets', async () => {
    const { Appointment } = server.models;
    const template = (await Appointment.findOne({ order: [['id', 'DESC']], raw: true }))!;
    await server.sequelize.query(
      "INSERT INTO appointments (patient_id, doctor_id, appointment_date, appointment_time, duration_minutes, status, appointment_type, created_at, updated_at) VALUES (:p, :d, '2027-01-04', '06:00:00', 15, 'Scheduled', 'Consultation', '2020-01-01 00:00:00', '2020-01-01 00:00:00')",
      { replacements: { p: template.patientId, d: template.doctorId } },
    );
    const pulls = await pullMirror(server, local, { pageSize: 700 });
    expect(pulls.find((p) => p.table === 'appointments')!.written).toBe(1);
    await expectSameRows(server, local);
  }, 120_000);

  it('keeps the server’s stamp for a change made within the same second as the copy already here', async () => {
    const { Appointment } = server.models;
    const row = (await Appointment.findOne({ where: { status: 'Scheduled' }, order: [['id', 'ASC']] }))!;
    // A change stamped after every other (the generated clinic's stamps may lie ahead of now).
    const [latest] = await server.sequelize.query<{ at: Date }>('SELECT MAX(updated_at) AS at FROM appointments', { type: QueryTypes.SELECT });
    const stamp = new Date(new Date(latest!.at).getTime() + 1000);
    await server.sequelize.query("UPDATE appointments SET status = 'Confirmed', updated_at = :stamp WHERE id = :id", { replacements: { id: row.id, stamp } });
    await pullMirror(server, local, { pageSize: 700 });
    // A cancellation whose stamp (second precision) equals the one the mirror already holds.
    await server.sequelize.query("UPDATE appointments SET status = 'Cancelled', cancelled_by = 'Admin', updated_at = updated_at WHERE id = :id", {
      replacements: { id: row.id },
    });
    const pulls = await pullMirror(server, local, { pageSize: 700 });
    expect(pulls.find((p) => p.table === 'appointments')!.written).toBe(1);
    await expectSameRows(server, local);
    // and so the next pull has nothing to correct
    expect((await pullMirror(server, local, { pageSize: 700 })).every((p) => p.written === 0 && p.removed === 0)).toBe(true);
  }, 120_000);

  it('a recent pull reads what changed since the one before it, not the whole overlap again; the full pull keeps the overlap', async () => {
    const first = await pullRecentChanges(server, local);
    expect(first.readAt).toBeInstanceOf(Date);
    const [older, newer] = await server.models.Patient.findAll({ order: [['id', 'ASC']], limit: 2 });
    // Stamped two minutes before the previous recent read: inside the full pull's overlap, outside the recent pull's.
    const lateStamp = new Date(first.readAt!.getTime() - 120_000);
    await server.sequelize.query('UPDATE patients SET phone = :phone, updated_at = :at WHERE id = :id', {
      replacements: { phone: '+4930111111', at: lateStamp, id: older!.id },
    });
    await newer!.update({ phone: '+4930222222' });
    const second = await pullRecentChanges(server, local, { previousReadAt: first.readAt });
    expect(second.pulls.find((p) => p.table === 'patients')!.written).toBe(1);
    const full = await pullMirror(server, local, { pageSize: 700 });
    expect(full.find((p) => p.table === 'patients')!.written).toBe(1);
    await expectSameRows(server, local);
  }, 120_000);
});
