/**
 * A networked workstation loses the clinic server (both connections run through TCP proxies the
 * test cuts): it keeps answering from its mirror, queues the changes made meanwhile, and when the
 * server is back replays them through the same handlers with the ids the server assigns. A
 * booking whose slot someone else took meanwhile becomes a conflict that staff resolve; a replay
 * repeated after a lost reply changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalId } from '../../../shared/domain/sync/local-ids';
import { DEFAULT_DISPLAY_LOCALE, formatDayLong, formatDayShort } from '../../../shared/domain/display-format';
import type { PatientDetails, WalkInBooking, WalkInEntryView } from '../../../shared/ipc/reception/types';
import type { AppointmentView } from '../../../shared/ipc/scheduling-types';
import type { DoctorAppointmentPage, PrescriptionView } from '../../../shared/ipc/doctor/types';
import type { KnownSettingView, SettingsPage } from '../../../shared/ipc/admin/settings';
import { listClinicSettings, saveClinicSetting } from '../../../electron/main/services/admin/clinic-settings-admin';
import type { ResolvedConflict, SyncConflict, SyncStatus } from '../../../shared/ipc/sync/types';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { openMongoDocumentStore } from '../../../electron/main/data/documents/mongo/open-mongo-document-store';
import type { DocumentStore } from '../../../electron/main/data/documents/document-store';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { setPatientAllergies } from '../../../electron/main/services/reception/patients';
import { startProxiedClinicServer, type ProxiedClinicServer, testWorkstationOptions } from '../../support/proxied-clinic-server';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { createAccounts, tomorrow } from '../auth/accounts-fixture';
import { fixedClock, MONDAY, seedClinic } from '../scheduling/clinic-fixture';
import { patientValues } from '../sql/fixtures';

describe('changes made while the clinic server is away', () => {
  let dir: TempDir;
  let server: ProxiedClinicServer;
  let direct: SqlStore;
  let directDocuments: DocumentStore;
  let workstation: Workstation;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  let accounts: Awaited<ReturnType<typeof createAccounts>>;

  const cut = async () => {
    await server.cut();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.monitor!.probeNow();
  };
  const restore = async () => {
    await server.restore();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.outbox!.replay();
    await workstation.sync.mirror!.pullNow();
  };
  const status = async () => expectOk<SyncStatus>(await workstation.dispatch('sync.status', {}));
  const serverCount = async (sql: string, replacements: Record<string, unknown>) => {
    const [row] = await direct.sequelize.query<{ n: number }>(sql, { type: QueryTypes.SELECT, replacements });
    return Number(row?.n);
  };

  beforeAll(async () => {
    dir = createTempDir();
    server = await startProxiedClinicServer();
    direct = server.direct;
    workstation = await startWorkstation(testWorkstationOptions(dir.path, server.env));
    expect(workstation.runtime.state.ready).toBe(true);
    directDocuments = await openMongoDocumentStore(server.mongo.url);
    clinic = await seedClinic(direct, { doctors: 2, patients: 3 });
    accounts = await createAccounts(direct);
    workstation.session.signIn(accounts.front_desk.user);
    await workstation.sync.mirror!.pullNow();
  }, 90_000);

  afterAll(async () => {
    await workstation?.close();
    await directDocuments?.close();
    await server?.close();
    dir?.remove();
  });

  it('answers from the mirror, queues the changes, replays them once with server ids, and lists the refused one', { timeout: 180_000 }, async () => {
    const [doctorA, doctorB] = clinic.doctors;
    const [patient1, patient2] = clinic.patients;
    const today = MONDAY; // the workstation's pinned today
    const arriving = await direct.models.Appointment.create({
      patientId: patient2!.id,
      doctorId: doctorB!.id,
      appointmentDate: today,
      appointmentTime: '23:30',
      durationMinutes: 15,
    });
    await workstation.sync.mirror!.pullNow();

    await cut();
    expect(workstation.runtime.servingMirror).toBe(true);
    expect(await status()).toMatchObject({ online: false, servingFromMirror: true, pendingChanges: 0 });

    // Reads come from the mirror; what needs the server says so and changes nothing.
    const day = expectOk<{ doctors: unknown[] }>(await workstation.dispatch('calendar.day', { date: tomorrow() }));
    expect(day.doctors.length).toBe(await direct.models.Doctor.count());
    const refused = await workstation.dispatch('staff.list', {});
    expect(errorCode(refused)).not.toBe('OFFLINE');
    expect(errorCode(await workstation.dispatch('communications.log.search', {}))).toBe('OFFLINE');

    // A walk-in who is new to the clinic: registered, queued and booked, all offline.
    const newcomer = expectOk<PatientDetails>(await workstation.dispatch('patients.register', { patient: patientValuesForInput(), acknowledgeDuplicates: true }));
    expect(isLocalId(newcomer.id)).toBe(true);
    const entry = expectOk<WalkInEntryView>(await workstation.dispatch('walkIns.join', { patientId: newcomer.id, doctorId: doctorA!.id }));
    expect(isLocalId(entry.id)).toBe(true);
    const walkIn = expectOk<WalkInBooking>(
      await workstation.dispatch('walkIns.book', { entryId: entry.id, doctorId: doctorA!.id, date: tomorrow(), time: '09:00', idempotencyKey: randomUUID() }),
    );
    expect(isLocalId(walkIn.appointment.id)).toBe(true);
    // An arrival on a server appointment, and a booking whose slot someone else takes meanwhile.
    expectOk<AppointmentView>(await workstation.dispatch('appointments.recordArrival', { appointmentId: arriving.id }));
    const mine = expectOk<AppointmentView>(
      await workstation.dispatch('appointments.book', { patientId: patient1!.id, doctorId: doctorB!.id, date: tomorrow(), time: '10:00', idempotencyKey: randomUUID() }),
    );
    expect(isLocalId(mine.id)).toBe(true);
    // The mirror's own rules still hold offline: the same slot twice is refused here already, and not queued.
    expect(errorCode(await workstation.dispatch('appointments.book', { patientId: patient2!.id, doctorId: doctorB!.id, date: tomorrow(), time: '10:00', idempotencyKey: randomUUID() }))).toBe('SLOT_TAKEN');
    expect(await status()).toMatchObject({ pendingChanges: 5, conflicts: 0 });

    // Meanwhile, at another workstation on the server: slot 10:00 of doctor B goes to patient 3.
    await bookAppointment(direct, { patientId: clinic.patients[2]!.id, doctorId: doctorB!.id, date: tomorrow(), time: '10:00', idempotencyKey: randomUUID() }, fixedClock());

    await restore();
    const after = await status();
    expect(after).toMatchObject({ online: true, servingFromMirror: false, pendingChanges: 0, conflicts: 1 });

    // Applied once each, with server ids, and everything pointing at them rewritten.
    const registered = await direct.models.Patient.findAll({ where: { email: newcomer.email } });
    expect(registered).toHaveLength(1);
    const serverPatientId = registered[0]!.id;
    expect(await serverCount('SELECT COUNT(*) AS n FROM walk_in_queue WHERE patient_id = :id AND status = :status', { id: serverPatientId, status: 'Booked' })).toBe(1);
    expect(await serverCount('SELECT COUNT(*) AS n FROM appointments WHERE patient_id = :id AND appointment_date = :date', { id: serverPatientId, date: tomorrow() })).toBe(1);
    expect((await direct.models.Appointment.findByPk(arriving.id))!.checkedInAt).not.toBeNull();
    expect(await serverCount('SELECT COUNT(*) AS n FROM appointments WHERE doctor_id = :doctor AND appointment_date = :date AND appointment_time = :time', { doctor: doctorB!.id, date: tomorrow(), time: '10:00:00' })).toBe(1);

    // The mirror equals the server again: no local ids left.
    const local = workstation.runtime.localStore()!;
    for (const table of ['patients', 'appointments', 'walk_in_queue']) {
      const [row] = await local.sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE id >= ${2 ** 50}`, { type: QueryTypes.SELECT });
      expect(Number(row?.n), table).toBe(0);
    }
    expect(await local.models.Patient.count()).toBe(await direct.models.Patient.count());

    // The audit trail on the server names the new patient by the server's id, once.
    await workstation.audit.flush();
    const registrations = await directDocuments.systemAuditLogs.find({ action: 'register_patient' });
    expect(registrations.map((log) => log.resourceId)).toEqual([serverPatientId]);

    // The refused booking waits in the list with the server's reason, and is placed elsewhere in one step.
    const conflicts = expectOk<SyncConflict[]>(await workstation.dispatch('sync.conflicts.list', {}));
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({ channel: 'appointments.book', code: 'SLOT_TAKEN', resolutions: ['another-slot', 'keep-theirs'] });
    expect(conflict!.what).toContain(`${formatDayShort(tomorrow(), DEFAULT_DISPLAY_LOCALE)} 10:00`);
    expect(conflict!.booking).toMatchObject({ doctorId: doctorB!.id, patientId: patient1!.id, date: tomorrow(), time: '10:00' });
    const resolved = expectOk<ResolvedConflict>(
      await workstation.dispatch('sync.conflicts.resolve', { conflictId: conflict!.id, resolution: 'another-slot', doctorId: doctorB!.id, date: tomorrow(), time: '11:00' }),
    );
    expect(resolved.conflictsLeft).toBe(0);
    expect(resolved.summary).toBe(`Booked for ${formatDayLong(tomorrow(), DEFAULT_DISPLAY_LOCALE)} at 11:00.`);
    expect(await serverCount('SELECT COUNT(*) AS n FROM appointments WHERE patient_id = :id AND appointment_time = :time', { id: patient1!.id, time: '11:00:00' })).toBe(1);
    expect(await status()).toMatchObject({ conflicts: 0 });
  });

  it('keeps a prescription written offline once, under the server’s id, in the mirror too', { timeout: 120_000 }, async () => {
    const doctor = accounts.doctor.user;
    const visit = await direct.models.Appointment.create({
      patientId: clinic.patients[0]!.id,
      doctorId: doctor.id,
      appointmentDate: MONDAY,
      appointmentTime: '08:00',
      durationMinutes: 15,
    });
    await workstation.sync.mirror!.pullNow();
    workstation.session.signIn(doctor);
    try {
      await cut();
      const written = expectOk<PrescriptionView>(
        await workstation.dispatch('doctor.prescription.save', { appointmentId: visit.id, content: { medications: [MEDICATION], diagnosis: 'Generated diagnosis' } }),
      );
      // a second edit offline, of the prescription made offline
      expectOk<PrescriptionView>(
        await workstation.dispatch('doctor.prescription.save', {
          appointmentId: visit.id,
          prescriptionId: written.id,
          content: { medications: [MEDICATION], diagnosis: 'Generated diagnosis, revised' },
        }),
      );
      await restore();
      const onServer = await directDocuments.prescriptions.find({ appointmentId: visit.id });
      expect(onServer).toHaveLength(1);
      expect(onServer[0]!.diagnosis).toBe('Generated diagnosis, revised');
      const mirrored = await workstation.runtime
        .localStore()!
        .sequelize.query<{ id: string }>('SELECT id FROM doc_prescriptions WHERE appointment_id = :id', { type: QueryTypes.SELECT, replacements: { id: visit.id } });
      expect(mirrored.map((row) => row.id)).toEqual([onServer[0]!.id]);
    } finally {
      workstation.session.signIn(accounts.front_desk.user);
    }
  });

  it('lists a setting someone else changed meanwhile, and keeps mine in one step', { timeout: 120_000 }, async () => {
    const admin = accounts.admin.user;
    workstation.session.signIn(admin);
    try {
      const current = async () =>
        expectOk<SettingsPage>(await workstation.dispatch('admin.settings.list', {})).known.find((setting) => setting.name === 'slotStepMinutes')!;
      await cut();
      expectOk<KnownSettingView>(await workstation.dispatch('admin.settings.save', { name: 'slotStepMinutes', value: 10, version: (await current()).version }));
      expect((await current()).value).toBe(10); // in effect here at once, pending for the server
      // Another admin, at another workstation, sets it to 20 meanwhile.
      await saveClinicSetting(direct, accounts.super_admin.user, { name: 'slotStepMinutes', value: 20, version: (await listClinicSettings(direct)).known.find((s) => s.name === 'slotStepMinutes')!.version });
      await restore();
      expect((await current()).value).toBe(20);
      const [conflict] = expectOk<SyncConflict[]>(await workstation.dispatch('sync.conflicts.list', {}));
      expect(conflict).toMatchObject({ channel: 'admin.settings.save', code: 'CONFLICT', resolutions: ['keep-mine', 'keep-theirs'] });
      expect(conflict!.reason).toMatch(/changed by someone else/);
      // A receptionist cannot change settings, so neither sees nor counts this conflict.
      workstation.session.signIn(accounts.front_desk.user);
      expect(await status()).toMatchObject({ conflicts: 0 });
      expect(expectOk<SyncConflict[]>(await workstation.dispatch('sync.conflicts.list', {}))).toEqual([]);
      workstation.session.signIn(admin);
      expect(await status()).toMatchObject({ conflicts: 1 });
      expectOk<ResolvedConflict>(await workstation.dispatch('sync.conflicts.resolve', { conflictId: conflict!.id, resolution: 'keep-mine' }));
      expect((await current()).value).toBe(10);
      expect(expectOk<SyncConflict[]>(await workstation.dispatch('sync.conflicts.list', {}))).toEqual([]);
    } finally {
      workstation.session.signIn(accounts.front_desk.user);
    }
  });

  it('queues a doctor’s allergy records offline: warned at once from the mirror, replayed, and a record the desk changed meanwhile kept as mine in one step', { timeout: 120_000 }, async () => {
    const doctor = accounts.doctor.user;
    const [, quiet, contested] = clinic.patients;
    for (const [patient, time] of [[quiet!, '08:15'], [contested!, '08:30']] as const) {
      await direct.models.Appointment.create({ patientId: patient.id, doctorId: doctor.id, appointmentDate: MONDAY, appointmentTime: time, durationMinutes: 15 });
    }
    await workstation.sync.mirror!.pullNow();
    const onServer = async (patientId: number) => (await direct.models.Patient.findByPk(patientId, { attributes: ['allergies'] }))!.allergies;
    const penicillin = { noneKnown: false, entries: [{ substance: 'Penicillin', reaction: 'Rash' }] };
    workstation.session.signIn(doctor);
    try {
      await cut();
      for (const patient of [quiet!, contested!]) {
        const saved = expectOk<PatientDetails>(await workstation.dispatch('patients.allergies.set', { patientId: patient.id, allergies: penicillin, basedOn: null }));
        expect(saved.allergies.entries).toEqual(penicillin.entries);
      }
      expect(await status()).toMatchObject({ pendingChanges: 2 });
      // the editor's warning reads the visit page, which the mirror answers with the record already
      const visitOfQuiet = (await direct.models.Appointment.findOne({ where: { patientId: quiet!.id, doctorId: doctor.id } }))!.id;
      const page = expectOk<DoctorAppointmentPage>(await workstation.dispatch('doctor.appointment', { appointmentId: visitOfQuiet }));
      expect(page.patient.allergies.entries).toEqual(penicillin.entries);
      // Meanwhile the desk, on the server, records another allergy for one of them.
      await setPatientAllergies(direct, accounts.front_desk.user, { patientId: contested!.id, allergies: { noneKnown: false, entries: [{ substance: 'Latex' }] }, basedOn: null });
      await restore();

      expect(JSON.parse((await onServer(quiet!.id))!)).toEqual(penicillin);
      expect(JSON.parse((await onServer(contested!.id))!)).toEqual({ noneKnown: false, entries: [{ substance: 'Latex' }] });
      const [conflict] = expectOk<SyncConflict[]>(await workstation.dispatch('sync.conflicts.list', {}));
      expect(conflict).toMatchObject({ channel: 'patients.allergies.set', code: 'CONFLICT', resolutions: ['keep-mine', 'keep-theirs'] });
      expect(conflict!.reason).toMatch(/changed by someone else/);
      expectOk<ResolvedConflict>(await workstation.dispatch('sync.conflicts.resolve', { conflictId: conflict!.id, resolution: 'keep-mine' }));
      expect(JSON.parse((await onServer(contested!.id))!)).toEqual(penicillin);
      expect(await status()).toMatchObject({ conflicts: 0, pendingChanges: 0 });
    } finally {
      workstation.session.signIn(accounts.front_desk.user);
    }
  });

  it('drops my booking and keeps theirs when staff choose so', { timeout: 120_000 }, async () => {
    const [, doctorB] = clinic.doctors;
    const [patient1, patient2] = clinic.patients;
    await cut();
    const mine = expectOk<AppointmentView>(
      await workstation.dispatch('appointments.book', { patientId: patient1!.id, doctorId: doctorB!.id, date: tomorrow(), time: '16:00', idempotencyKey: randomUUID() }),
    );
    const theirs = await bookAppointment(direct, { patientId: patient2!.id, doctorId: doctorB!.id, date: tomorrow(), time: '16:00', idempotencyKey: randomUUID() }, fixedClock());
    await restore();
    const [conflict] = expectOk<SyncConflict[]>(await workstation.dispatch('sync.conflicts.list', {}));
    expect(conflict).toMatchObject({ channel: 'appointments.book', code: 'SLOT_TAKEN' });
    const resolved = expectOk<ResolvedConflict>(await workstation.dispatch('sync.conflicts.resolve', { conflictId: conflict!.id, resolution: 'keep-theirs' }));
    expect(resolved.conflictsLeft).toBe(0);
    // A resolved conflict cannot be resolved twice.
    expect(errorCode(await workstation.dispatch('sync.conflicts.resolve', { conflictId: conflict!.id, resolution: 'keep-theirs' }))).toBe('NOT_FOUND');
    const atFour = await direct.models.Appointment.findAll({ where: { doctorId: doctorB!.id, appointmentDate: tomorrow(), appointmentTime: '16:00' } });
    expect(atFour.map((row) => row.id)).toEqual([theirs.id]);
    await workstation.sync.mirror!.pullNow();
    expect(await workstation.runtime.localStore()!.models.Appointment.findByPk(mine.id)).toBeNull();
  });

  it('applies a change once when its replay is repeated after the reply was lost', { timeout: 120_000 }, async () => {
    const [doctorA] = clinic.doctors;
    await cut();
    const patient = expectOk<PatientDetails>(await workstation.dispatch('patients.register', { patient: patientValuesForInput(), acknowledgeDuplicates: true }));
    const booked = expectOk<AppointmentView>(
      await workstation.dispatch('appointments.book', { patientId: patient.id, doctorId: doctorA!.id, date: tomorrow(), time: '15:00', idempotencyKey: randomUUID() }),
    );
    expect(isLocalId(booked.id)).toBe(true);
    await restore();
    // As if the replies had been lost: the server applied both, this workstation never heard.
    const local = workstation.runtime.localStore()!;
    await local.sequelize.query("UPDATE sync_outbox SET state = 'pending', server_output = NULL WHERE channel IN ('patients.register', 'appointments.book') AND state = 'applied'");
    // What the server kept of each is only what its write transaction produced: the new patient's row, the booking's.
    const [serverPatient] = await direct.models.Patient.findAll({ where: { email: patient.email } });
    await direct.sequelize.query("UPDATE sync_applied_writes SET output = :row WHERE channel = 'patients.register'", { replacements: { row: JSON.stringify(serverPatient!.toJSON()) } });
    await direct.sequelize.query("UPDATE sync_applied_writes SET output = NULL WHERE channel = 'appointments.book'");
    workstation.sync.outbox!.forgetIds(); // as after a restart: only what the files hold is known
    await workstation.sync.outbox!.replay();
    expect(await direct.models.Patient.count({ where: { email: patient.email } })).toBe(1);
    const [registered] = await direct.models.Patient.findAll({ where: { email: patient.email } });
    expect(await direct.models.Appointment.count({ where: { patientId: registered!.id } })).toBe(1);
    expect(await status()).toMatchObject({ pendingChanges: 0, conflicts: 0 });
  });
});

/** A generated patient in the shape the registration form sends. */
const MEDICATION = { name: 'Amoxicillin', dosage: '500mg', frequency: '3 times daily', duration: '7 days', instructions: 'Take with food', quantity: 21, refillsAllowed: 0 };

function patientValuesForInput() {
  const values = patientValues();
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    phone: values.phone,
    dateOfBirth: values.dateOfBirth,
    gender: values.gender,
  };
}
