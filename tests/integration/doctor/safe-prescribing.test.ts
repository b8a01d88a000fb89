/**
 * Safe prescribing and the audit trail for people, through the dispatcher on both stores (the
 * standalone SQLite file; MariaDB + the MongoDB-compatible server): allergies recorded at the
 * desk and shown to the doctor, a signature refused until a matching allergy is acknowledged (the
 * acknowledgement then kept on, and signed with, the prescription), medication suggestions, and
 * the trail by name (lookups, who opened a record, the CSV), with the refusals of each channel.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { hashPassword } from '../../../electron/main/security/password';
import { doctorSessionUser } from '../../../electron/main/services/accounts';
import type { DoctorAppointmentPage, PrescriptionPdf, PrescriptionView } from '../../../shared/ipc/doctor/types';
import type { MedicationIngredientsView } from '../../../shared/ipc/admin/medications';
import { loadClinicSettings } from '../../../electron/main/services/scheduling/rules';
import { displayLocaleOf } from '../../../shared/domain/settings-registry';
import { formatMoment } from '../../../shared/domain/display-format';
import type { PatientDetails, PatientRecord } from '../../../shared/ipc/reception/types';
import type { AuditEntryView, AuditExport, AuditPage, AuditPerson, SessionUser } from '../../../shared/ipc/types';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, PASSWORD, type RoleAccount } from '../auth/accounts-fixture';
import { MONDAY, seedClinic, workstationClock } from '../scheduling/clinic-fixture';
import type { Role } from '../../../shared/ipc/permissions';

const INGREDIENTS = [
  { medication: 'Augmentin', ingredients: ['Amoxicillin', 'Clavulanic acid'] },
  { medication: 'Co-codamol', ingredients: ['Codeine', 'Paracetamol'] },
];

const medication = (name: string) => ({ name, dosage: '500mg', frequency: '3 times daily', duration: '7 days', quantity: 21, refillsAllowed: 0 });

describe.each(WORKSTATION_STORES)('safe prescribing and the audit trail on the $name', (store) => {
  let dir: TempDir;
  let workstation: Workstation;
  let cleanup: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  let accounts: Record<Role, RoleAccount>;
  let doctor: SessionUser;
  let patient = { id: 0, name: '' };
  /** A patient of the clinic who has never seen this doctor. */
  let stranger = 0;
  let visit = 0;

  const as = (user: SessionUser) => workstation.session.signIn(user);
  const call = <T>(channel: string, input: unknown) => workstation.dispatch(channel, input).then((r) => expectOk<T>(r));
  const allergiesOf = async (patientId: number) =>
    (await workstation.runtime.stores().sql.models.Patient.findByPk(patientId, { attributes: ['allergies'] }))?.allergies ?? null;

  beforeAll(async () => {
    dir = createTempDir();
    const opened = await store.open();
    cleanup = opened.cleanup;
    env = opened.env;
    workstation = await startWorkstation({ dataDir: dir.path, env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql } = workstation.runtime.stores();
    const clinic = await seedClinic(sql, { doctors: 1, patients: 2 });
    accounts = await createAccounts(sql);
    await clinic.doctors[0]!.update({ passwordHash: await hashPassword(PASSWORD) });
    doctor = doctorSessionUser(clinic.doctors[0]!);
    const p = clinic.patients[0]!;
    patient = { id: p.id, name: `${p.firstName} ${p.lastName}` };
    stranger = clinic.patients[1]!.id;
    visit = (await sql.models.Appointment.create({ doctorId: doctor.id, patientId: p.id, appointmentDate: MONDAY, appointmentTime: '09:00', durationMinutes: 30, status: 'Scheduled' })).id;
  }, 120_000);

  afterAll(async () => {
    await workstation?.audit.flush();
    await workstation?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('records allergies at the desk, refusing bad input and other roles without changing anything', async () => {
    as(accounts.front_desk.user);
    const before = await allergiesOf(patient.id);
    expect(before).toBeNull();
    expect((await call<PatientRecord>('patients.get', { patientId: patient.id })).patient.allergies).toEqual({ recorded: false, noneKnown: false, entries: [] });
    const twice = await workstation.dispatch('patients.allergies.set', { patientId: patient.id, allergies: { noneKnown: false, entries: [{ substance: 'Latex' }, { substance: ' LATEX' }] } });
    expect(twice.ok ? null : [twice.error.code, twice.error.message]).toEqual(['VALIDATION', expect.stringContaining('listed twice')]);
    const both = await workstation.dispatch('patients.allergies.set', { patientId: patient.id, allergies: { noneKnown: true, entries: [{ substance: 'Latex' }] } });
    expect(errorCode(both)).toBe('VALIDATION');
    expect(errorCode(await workstation.dispatch('patients.allergies.set', { patientId: patient.id, allergies: { noneKnown: false, entries: [{ substance: '' }] } }))).toBe('VALIDATION');
    // a doctor records only their own patients' allergies; a patient none
    as(doctor);
    expect(errorCode(await workstation.dispatch('patients.allergies.set', { patientId: stranger, allergies: { noneKnown: true, entries: [] } }))).toBe('FORBIDDEN');
    expect(await allergiesOf(stranger)).toBeNull();
    as(accounts.patient.user);
    expect(errorCode(await workstation.dispatch('patients.allergies.set', { patientId: patient.id, allergies: { noneKnown: true, entries: [] } }))).toBe('FORBIDDEN');
    expect(await allergiesOf(patient.id)).toBe(before);

    as(accounts.front_desk.user);
    const saved = await call<PatientDetails>('patients.allergies.set', {
      patientId: patient.id,
      allergies: { noneKnown: false, entries: [{ substance: 'Amoxicillin', reaction: 'Hives' }, { substance: 'Latex' }] },
    });
    expect(saved.allergies).toEqual({ recorded: true, noneKnown: false, entries: [{ substance: 'Amoxicillin', reaction: 'Hives' }, { substance: 'Latex' }] });
    expect((await call<PatientRecord>('patients.get', { patientId: patient.id })).patient.allergies.entries.map((e) => e.substance)).toEqual(['Amoxicillin', 'Latex']);
  });

  it("shows the doctor the patient's allergies on the visit page", async () => {
    as(doctor);
    const page = await call<DoctorAppointmentPage>('doctor.appointment', { appointmentId: visit });
    expect(page.patient.allergies.entries).toEqual([{ substance: 'Amoxicillin', reaction: 'Hives' }, { substance: 'Latex' }]);
    expect(page.patient.gender).toBeTruthy();
    expect(page.patient.ageYears).toBeGreaterThan(0);
  });

  it('refuses to sign a medication matching an allergy until the doctor acknowledges it, and keeps the acknowledgement signed', { timeout: 60_000 }, async () => {
    as(doctor);
    const draft = await call<PrescriptionView>('doctor.prescription.save', {
      appointmentId: visit,
      content: { medications: [medication('amoxicillin  500MG'), medication('Ibuprofen')] },
    });
    const wrongPassword = await workstation.dispatch('doctor.prescription.sign', { prescriptionId: draft.id, password: 'not my password' });
    // the allergy comes first: no password is checked (or counted) for a signature that cannot happen
    expect(wrongPassword.ok ? null : wrongPassword.error.code).toBe('ALLERGY_NOT_ACKNOWLEDGED');
    const refused = await workstation.dispatch('doctor.prescription.sign', { prescriptionId: draft.id, password: PASSWORD, acknowledgedAllergies: ['Latex'] });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'ALLERGY_NOT_ACKNOWLEDGED',
      message: expect.stringContaining('recorded allergy to Amoxicillin'),
      details: { matches: [{ medication: 'amoxicillin  500MG', substance: 'Amoxicillin' }] },
    });
    expect((await call<PrescriptionView>('doctor.prescription.get', { prescriptionId: draft.id })).signature.state).toBe('unsigned');

    const badPassword = await workstation.dispatch('doctor.prescription.sign', { prescriptionId: draft.id, password: 'not my password', acknowledgedAllergies: ['amoxicillin'] });
    expect(badPassword.ok ? null : [badPassword.error.code, badPassword.error.message]).toEqual(['INVALID_CREDENTIALS', 'The password is not right.']);

    const signed = await call<PrescriptionView>('doctor.prescription.sign', { prescriptionId: draft.id, password: PASSWORD, acknowledgedAllergies: ['AMOXICILLIN'] });
    expect(signed.signature.state).toBe('valid');
    expect(signed.allergyAcknowledgements).toEqual([{ medication: 'amoxicillin  500MG', substance: 'Amoxicillin', acknowledgedAt: expect.any(String) }]);
    // the acknowledgement is covered by the signature: removing it breaks the signature
    const { prescriptions } = workstation.runtime.stores().documents;
    await prescriptions.update(draft.id, { allergyAcknowledgements: undefined });
    expect((await call<PrescriptionView>('doctor.prescription.get', { prescriptionId: draft.id })).signature.state).toBe('invalid');
  });

  it('signs a prescription without a match without asking for an acknowledgement', { timeout: 60_000 }, async () => {
    as(doctor);
    const draft = await call<PrescriptionView>('doctor.prescription.save', { appointmentId: visit, content: { medications: [medication('Paracetamol')] } });
    const signed = await call<PrescriptionView>('doctor.prescription.sign', { prescriptionId: draft.id, password: PASSWORD });
    expect(signed).toMatchObject({ signature: { state: 'valid' }, allergyAcknowledgements: [] });
  });

  it("suggests medication names from the clinic's own prescriptions, most used first", async () => {
    as(doctor);
    expect(await call<string[]>('doctor.medicationNames', { startsWith: '' })).toEqual(['amoxicillin  500MG', 'Ibuprofen', 'Paracetamol']);
    expect(await call<string[]>('doctor.medicationNames', { startsWith: 'ibu' })).toEqual(['Ibuprofen']);
    expect(await call<string[]>('doctor.medicationNames', { startsWith: 'zzz' })).toEqual([]);
    as(accounts.front_desk.user);
    expect(errorCode(await workstation.dispatch('doctor.medicationNames', { startsWith: 'ibu' }))).toBe('FORBIDDEN');
  });

  it('names people and says actions in the trail, and looks people up by name', async () => {
    await workstation.audit.flush();
    as(accounts.super_admin.user);
    const page = await call<AuditPage>('audit.search', { patientId: patient.id, userKind: 'doctor', userId: doctor.id, limit: 50 });
    const view = page.entries.find((entry) => entry.action === 'view_patient_record');
    expect(view).toMatchObject({ userName: `Dr. ${doctor.displayName.replace(/^Dr\.? /, '')}`, patientName: patient.name, actionText: 'Viewed the patient record' });
    expect(page.entries.every((entry) => entry.userType === 'doctor' && entry.patientId === patient.id)).toBe(true);
    // a staff member with the doctor's id is someone else
    const staffOnly = await call<AuditPage>('audit.search', { patientId: patient.id, userKind: 'staff', limit: 50 });
    expect(staffOnly.entries.map((e) => e.action)).toContain('record_allergies');
    expect(staffOnly.entries.every((e) => ['front_desk', 'admin', 'super_admin'].includes(e.userType))).toBe(true);

    const [first] = patient.name.split(' ');
    const found = await call<AuditPerson[]>('audit.people', { kind: 'patient', startsWith: first!.slice(0, 3).toLowerCase() });
    expect(found.map((p) => p.id)).toContain(patient.id);
    // first and last name, in either order
    const [firstName, lastName] = patient.name.split(' ') as [string, string];
    const both = await call<AuditPerson[]>('audit.people', { kind: 'patient', startsWith: `${lastName.slice(0, 3)} ${firstName}` });
    expect(both.map((p) => p.id)).toContain(patient.id);
    expect(await call<AuditPerson[]>('audit.people', { kind: 'patient', startsWith: `${firstName} zzz` })).toEqual([]);
    const staff = await call<AuditPerson[]>('audit.people', { kind: 'staff', startsWith: accounts.front_desk.identifier.slice(0, 6) });
    expect(staff.map((p) => [p.kind, p.id])).toContainEqual(['staff', accounts.front_desk.user.id]);
    expect(errorCode(await workstation.dispatch('audit.people', { kind: 'patient', startsWith: '' }))).toBe('VALIDATION');
    expect(errorCode(await workstation.dispatch('audit.search', { userKind: 'staff', userType: 'doctor', limit: 5 }))).toBe('VALIDATION');
    as(accounts.admin.user);
    expect(errorCode(await workstation.dispatch('audit.people', { kind: 'patient', startsWith: 'a' }))).toBe('FORBIDDEN');
  });

  it('answers who opened a patient record, for admins only', async () => {
    await workstation.audit.flush();
    as(accounts.admin.user);
    const access = await call<AuditEntryView[]>('audit.recordAccess', { patientId: patient.id });
    const doctorViews = access.filter((entry) => entry.userType === 'doctor' && entry.action === 'view_patient_record');
    expect(doctorViews.length).toBeGreaterThan(0);
    expect(doctorViews[0]!.userName).toContain(doctor.displayName.replace(/^Dr\.? /, ''));
    expect(access.every((entry) => entry.patientId === patient.id)).toBe(true);
    expect(errorCode(await workstation.dispatch('audit.recordAccess', { patientId: 0 }))).toBe('VALIDATION');
    expect(errorCode(await workstation.dispatch('audit.recordAccess', { patientId: 99_999_999 }))).toBe('NOT_FOUND');
    for (const role of ['front_desk', 'doctor'] as const) {
      as(accounts[role].user);
      expect(errorCode(await workstation.dispatch('audit.recordAccess', { patientId: patient.id }))).toBe('FORBIDDEN');
    }
    // the look itself is on record, about that patient
    await workstation.audit.flush();
    const looks = await workstation.runtime.stores().documents.systemAuditLogs.find({ action: 'view_record_access', patientId: patient.id });
    expect(looks.map((l) => l.details?.outcome)).toEqual(expect.arrayContaining(['allowed', 'denied']));
  });

  it('exports the filtered trail as CSV with names and sentences', async () => {
    await workstation.audit.flush();
    as(accounts.super_admin.user);
    const file = await call<AuditExport>('audit.export', { patientId: patient.id, userKind: 'doctor' });
    const lines = file.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,timestamp_utc,who,user_type,user_id,action,what,patient,patient_id,resource,workstation,outcome');
    expect(file.rows).toBe(lines.length - 1);
    expect(file.rows).toBeGreaterThan(0);
    expect(file.truncated).toBe(false);
    expect(file.fileName).toBe(`audit-trail-${MONDAY}.csv`);
    expect(lines.some((line) => line.includes('Viewed the patient record') && line.includes(patient.name))).toBe(true);
    expect(errorCode(await workstation.dispatch('audit.export', { fromDate: '2026-12-09', toDate: '2026-12-01' }))).toBe('VALIDATION');
    as(accounts.admin.user);
    expect(errorCode(await workstation.dispatch('audit.export', {}))).toBe('FORBIDDEN');
  });

  it('keeps the clinic ingredient list: admins change it (validated, versioned, audited), all staff read it', async () => {
    as(accounts.admin.user);
    const empty = await call<MedicationIngredientsView>('admin.medications.get', {});
    expect(empty).toMatchObject({ entries: [], version: null, updatedBy: null });
    const stored = () => workstation.runtime.stores().sql.models.ClinicSetting.findOne({ where: { settingKey: 'medication_ingredients' } });
    const twice = await workstation.dispatch('admin.medications.save', { entries: [...INGREDIENTS, { medication: 'AUGMENTIN', ingredients: ['Amoxicillin'] }], version: null });
    expect(twice.ok ? null : [twice.error.code, twice.error.message]).toEqual(['VALIDATION', expect.stringContaining('AUGMENTIN is listed twice')]);
    expect(errorCode(await workstation.dispatch('admin.medications.save', { entries: [{ medication: 'Augmentin', ingredients: [] }], version: null }))).toBe('VALIDATION');
    // not through the generic settings save, which would leave the change off the trail
    expect(errorCode(await workstation.dispatch('admin.settings.save', { name: 'medicationIngredients', value: INGREDIENTS, version: null }))).toBe('VALIDATION');
    as(accounts.front_desk.user);
    expect(errorCode(await workstation.dispatch('admin.medications.save', { entries: INGREDIENTS, version: null }))).toBe('FORBIDDEN');
    expect(await stored()).toBeNull();

    as(accounts.admin.user);
    const saved = await call<MedicationIngredientsView>('admin.medications.save', { entries: INGREDIENTS, version: null });
    expect(saved).toMatchObject({ entries: INGREDIENTS, updatedBy: { id: accounts.admin.user.id } });
    // a second admin who loaded the empty list is refused, and the first one's list stands
    expect(errorCode(await workstation.dispatch('admin.medications.save', { entries: [], version: null }))).toBe('CONFLICT');
    expect(JSON.parse((await stored())!.settingValue)).toEqual(INGREDIENTS);
    as(doctor);
    expect((await call<MedicationIngredientsView>('admin.medications.get', {})).entries).toEqual(INGREDIENTS);
    expect((await call<DoctorAppointmentPage>('doctor.appointment', { appointmentId: visit })).medicationIngredients).toEqual(INGREDIENTS);

    await workstation.audit.flush();
    const records = await workstation.runtime.stores().documents.systemAuditLogs.find({ action: 'change_medication_ingredients' });
    expect(records.map((r) => [r.userId, r.resourceType, r.resourceId, r.details?.outcome])).toEqual(
      expect.arrayContaining([
        [accounts.admin.user.id, 'clinic_settings', 'medication_ingredients', 'allowed'],
        [accounts.front_desk.user.id, 'clinic_settings', 'medication_ingredients', 'denied'],
      ]),
    );
  });

  it('warns of an allergy through a listed ingredient, checks it again at signing and prints the acknowledgement and the allergies', { timeout: 60_000 }, async () => {
    as(doctor);
    const draft = await call<PrescriptionView>('doctor.prescription.save', { appointmentId: visit, content: { medications: [medication('Augméntin 625mg')] } });
    const refused = await workstation.dispatch('doctor.prescription.sign', { prescriptionId: draft.id, password: PASSWORD });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'ALLERGY_NOT_ACKNOWLEDGED',
      message: 'Augméntin 625mg (it contains Amoxicillin) matches the patient\'s recorded allergy to Amoxicillin. Confirm you have seen the warning before signing.',
      details: { matches: [{ medication: 'Augméntin 625mg', substance: 'Amoxicillin', ingredient: 'Amoxicillin' }] },
    });
    expect((await workstation.runtime.stores().documents.prescriptions.findById(draft.id))?.digitalSignature).toBeUndefined();

    const signed = await call<PrescriptionView>('doctor.prescription.sign', { prescriptionId: draft.id, password: PASSWORD, acknowledgedAllergies: ['amoxicillin'] });
    expect(signed.signature.state).toBe('valid');
    expect(signed.allergyAcknowledgements).toEqual([{ medication: 'Augméntin 625mg', substance: 'Amoxicillin', acknowledgedAt: expect.any(String) }]);

    const pdf = await call<PrescriptionPdf>('doctor.prescription.pdf', { prescriptionId: draft.id });
    const file = join(dir.path, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const settings = await loadClinicSettings(workstation.runtime.stores().sql.models);
    const at = formatMoment(signed.allergyAcknowledgements[0]!.acknowledgedAt, settings.timezone, displayLocaleOf(settings));
    expect(text).toContain('ALLERGIES Amoxicillin (Hives); Latex');
    expect(text).toContain(`Allergy to Amoxicillin acknowledged by ${signed.doctorName} at ${at} (prescribed: Augméntin 625mg)`);
  });

  it("lets a doctor record their own patient's allergies, refusing a change over a record someone changed meanwhile", async () => {
    as(doctor);
    const page = await call<DoctorAppointmentPage>('doctor.appointment', { appointmentId: visit });
    const seen = { noneKnown: page.patient.allergies.noneKnown, entries: page.patient.allergies.entries };
    const added = { noneKnown: false, entries: [...seen.entries, { substance: 'Codeine', reaction: 'Vomiting' }] };
    const saved = await call<PatientDetails>('patients.allergies.set', { patientId: patient.id, allergies: added, basedOn: seen });
    expect(saved.allergies.entries.map((e) => e.substance)).toEqual(['Amoxicillin', 'Latex', 'Codeine']);
    const column = await allergiesOf(patient.id);

    // the desk still had the old record open: its change is refused and the doctor's stands
    as(accounts.front_desk.user);
    const stale = await workstation.dispatch('patients.allergies.set', { patientId: patient.id, allergies: { noneKnown: true, entries: [] }, basedOn: seen });
    expect(stale.ok ? null : [stale.error.code, stale.error.message]).toEqual(['CONFLICT', expect.stringContaining('changed by someone else')]);
    expect(await allergiesOf(patient.id)).toBe(column);
    // "never recorded" is a record too: a stranger's first record over a stale null is fine, a second is not
    expect((await call<PatientDetails>('patients.allergies.set', { patientId: stranger, allergies: { noneKnown: true, entries: [] }, basedOn: null })).allergies.noneKnown).toBe(true);
    expect(errorCode(await workstation.dispatch('patients.allergies.set', { patientId: stranger, allergies: { noneKnown: true, entries: [] }, basedOn: null }))).toBe('CONFLICT');

    await workstation.audit.flush();
    const records = await workstation.runtime.stores().documents.systemAuditLogs.find({ action: 'record_allergies', patientId: patient.id, userType: 'doctor' });
    expect(records.map((r) => [r.userId, r.details?.outcome])).toContainEqual([doctor.id, 'allowed']);
  });

  it("reads one patient's trail from the {patientId, timestamp} index", async () => {
    const { documents, sql } = workstation.runtime.stores();
    if (documents.kind === 'sqlite') {
      const statements: { sql: string; bind: unknown }[] = [];
      // Sequelize's options are not in its types; its logging hook sees each statement with its bind values
      const options = (sql.sequelize as unknown as { options: { logging: unknown } }).options;
      const logging = options.logging;
      options.logging = (text: string, queryOptions?: { bind?: unknown }) => {
        if (text.includes('doc_system_audit_logs')) statements.push({ sql: text.replace(/^Executing \([^)]*\): /, ''), bind: queryOptions?.bind });
      };
      try {
        as(accounts.admin.user);
        await call<AuditEntryView[]>('audit.recordAccess', { patientId: patient.id });
      } finally {
        options.logging = logging;
      }
      const read = statements.find((s) => s.sql.startsWith('SELECT'));
      expect(read).toBeDefined();
      const [plan] = await sql.sequelize.query(`EXPLAIN QUERY PLAN ${read!.sql}`, { bind: read!.bind as unknown[] });
      const details = (plan as { detail: string }[]).map((row) => row.detail).join(' | ');
      expect(details).toContain('idx_doc_system_audit_logs_patient_id_timestamp');
      // no scan of the collection; only records of one instant are ordered again (by id, the tie-break)
      expect(details).not.toMatch(/\bSCAN doc_system_audit_logs\b/);
      expect(details).not.toContain('TEMP B-TREE FOR ORDER BY');
    } else {
      const client = new mongoose.mongo.MongoClient(env.CLINIC_MONGODB_URI!);
      try {
        await client.connect();
        const collection = client.db().collection('system_audit_logs');
        const keys = (await collection.indexes()).map((index) => index.key);
        expect(keys).toContainEqual({ patientId: 1, timestamp: -1 });
        expect(keys).toContainEqual({ userId: 1, timestamp: -1 });
      } finally {
        await client.close();
      }
    }
  });
});
