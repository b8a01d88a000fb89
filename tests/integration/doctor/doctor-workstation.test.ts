/**
 * The doctor workstation end to end through the dispatcher, on the standalone SQLite file and on
 * MariaDB + a MongoDB-compatible server (FerretDB): own day, the appointment page, visit outcomes,
 * prescriptions with signatures (signing, verification, tamper detection, versioning), follow-ups,
 * and the refusal (FORBIDDEN, audited) of another doctor's patient.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { hashPassword } from '../../../electron/main/security/password';
import { doctorSessionUser } from '../../../electron/main/services/accounts';
import type { SystemAuditLog } from '../../../shared/documents';
import { DEFAULT_DISPLAY_LOCALE, formatBirthDate, type DisplayLocale } from '../../../shared/domain/display-format';
import type { DoctorAppointmentPage, DoctorDayView, FollowUpSlots, PrescriptionPdf, PrescriptionView, SigningKeyStatus } from '../../../shared/ipc/doctor/types';
import type { AppointmentView } from '../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../shared/ipc/types';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { PASSWORD } from '../auth/accounts-fixture';
import { MONDAY, seedClinic, workstationClock } from '../scheduling/clinic-fixture';
import { REPO_ROOT } from '../../e2e/support/launch';

const TWO_MEDICATIONS = {
  medications: [
    { name: 'Amoxicillin', dosage: '500mg', frequency: '3 times daily', duration: '7 days', instructions: 'Take with food', quantity: 21, refillsAllowed: 0 },
    { name: 'Ibuprofen', dosage: '400mg', frequency: 'Every 6-8 hours as needed', duration: '5 days', instructions: 'Take with food or milk', quantity: 20, refillsAllowed: 1 },
  ],
  diagnosis: 'Acute pharyngitis',
  clinicalNotes: 'Mild throat infection.',
  followUpRequired: true,
  followUpDays: 7,
  pharmacy: { name: 'Generated Pharmacy', address: '1 Example Road', phone: '+1-555-0100', faxNumber: '+1-555-0101' },
};

describe.each(WORKSTATION_STORES)('the doctor workstation on the $name', (store) => {
  let dir: TempDir;
  let workstation: Workstation;
  let cleanup: () => Promise<void>;
  let drA: SessionUser;
  let drB: SessionUser;
  const ids = { patient1: 0, patient2: 0, ownVisit: 0, pastVisit: 0, otherVisit: 0, otherPrescription: '' };

  const call = <T>(channel: string, input: unknown) => workstation.dispatch(channel, input).then((r) => expectOk<T>(r));
  const as = (user: SessionUser) => workstation.session.signIn(user);

  /** Audit records of a user, once the outbox (networked mode) has delivered them. */
  async function auditOf(userId: number): Promise<SystemAuditLog[]> {
    await workstation.audit.flush();
    return workstation.runtime.stores().documents.systemAuditLogs.find({ userId }, { sort: { timestamp: 'asc' } });
  }

  beforeAll(async () => {
    dir = createTempDir();
    const opened = await store.open();
    cleanup = opened.cleanup;
    workstation = await startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql, documents } = workstation.runtime.stores();
    const clinic = await seedClinic(sql, { doctors: 2, patients: 2 });
    // the PDF's letterhead (the admin's settings keys; set here as rows)
    for (const [settingKey, settingValue] of [
      ['clinic_name', 'Generated Riverside Clinic'],
      ['clinic_address', '7 Example Square, 1010 Vienna'],
      ['clinic_phone', '+43 1 555 0199'],
    ]) {
      await sql.models.ClinicSetting.create({ settingKey: settingKey!, settingValue: settingValue!, description: 'test letterhead' });
    }
    const passwordHash = await hashPassword(PASSWORD);
    for (const doctor of clinic.doctors) await doctor.update({ passwordHash });
    drA = doctorSessionUser(clinic.doctors[0]!);
    drB = doctorSessionUser(clinic.doctors[1]!);
    ids.patient1 = clinic.patients[0]!.id;
    ids.patient2 = clinic.patients[1]!.id;
    const visit = (doctorId: number, patientId: number, date: string, time: string, status: 'Scheduled' | 'Confirmed' = 'Scheduled') =>
      sql.models.Appointment.create({ doctorId, patientId, appointmentDate: date, appointmentTime: time, durationMinutes: 30, status }).then((a) => a.id);
    ids.ownVisit = await visit(drA.id, ids.patient1, MONDAY, '09:00');
    ids.pastVisit = await visit(drA.id, ids.patient1, '2025-03-10', '10:00', 'Confirmed');
    ids.otherVisit = await visit(drB.id, ids.patient2, MONDAY, '10:00');
    // feedback about doctor A: approved (named and anonymous) and one still pending, one per visit
    const feedback = async (anonymous: boolean, moderationStatus: 'Approved' | 'Pending', textReview: string, time: string) =>
      documents.patientFeedback.insert({
        appointmentId: time === '10:00' ? ids.pastVisit : await visit(drA.id, ids.patient1, '2025-03-10', time, 'Confirmed'),
        patientId: ids.patient1,
        doctorId: drA.id,
        ratings: { overall: 4.5 },
        textReview,
        anonymous,
        moderationStatus,
        feedbackDate: new Date('2025-03-11T10:00:00Z'),
      });
    await feedback(false, 'Approved', 'Named and approved', '10:00');
    await feedback(true, 'Approved', 'Anonymous and approved', '11:00');
    await feedback(false, 'Pending', 'Not yet moderated', '12:00');
    // doctor B's prescription for their own patient
    as(drB);
    ids.otherPrescription = (await call<PrescriptionView>('doctor.prescription.save', { appointmentId: ids.otherVisit, content: { medications: TWO_MEDICATIONS.medications } })).id;
  }, 120_000);

  afterAll(async () => {
    // let the outbox finish its delivery before the stores close under it
    await workstation?.audit.flush();
    await workstation?.close();
    await cleanup?.();
    dir?.remove();
  });

  it("shows the doctor's own day and week, and who is next", async () => {
    as(drA);
    const day = await call<DoctorDayView>('doctor.myDay', { date: MONDAY });
    expect(day.appointments.map((a) => a.appointmentId)).toEqual([ids.ownVisit]);
    expect(day.week.map((d) => d.date)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    expect(day.week.flatMap((d) => d.appointments).every((a) => a.appointmentId !== ids.otherVisit)).toBe(true);
    expect(day.nextPatient?.appointmentId).toBe(ids.ownVisit);
    const audits = await auditOf(drA.id);
    expect(audits.at(-1)).toMatchObject({ action: 'view_own_schedule', details: { outcome: 'allowed' } });
  });

  /** Doctor A's visits with the patient before the visit opened: the first past visit and the ones the feedback is about. */
  const pastVisitsOf = async (patientId: number) =>
    (
      await workstation.runtime.stores().sql.models.Appointment.findAll({
        where: { doctorId: drA.id, patientId, appointmentDate: '2025-03-10' },
        order: [['id', 'ASC']],
      })
    ).map((a) => a.id);

  it('opens an own appointment with the patient, past visits and only approved feedback, anonymous without identity', async () => {
    as(drA);
    const page = await call<DoctorAppointmentPage>('doctor.appointment', { appointmentId: ids.ownVisit });
    expect(page.patient.id).toBe(ids.patient1);
    expect(page.pastVisits.map((v) => v.appointmentId).sort((a, b) => a - b)).toEqual(await pastVisitsOf(ids.patient1));
    expect(page.feedback.map((f) => f.textReview).sort()).toEqual(['Anonymous and approved', 'Named and approved']);
    const anonymous = page.feedback.find((f) => f.anonymous)!;
    expect(anonymous.patientName).toBeNull();
    expect(anonymous.appointmentId).toBe(0);
    expect(JSON.stringify(anonymous)).not.toContain(String(page.patient.lastName));
    expect(page.feedback.find((f) => !f.anonymous)?.patientName).toBe(`${page.patient.firstName} ${page.patient.lastName}`);
    const audits = await auditOf(drA.id);
    expect(audits.at(-1)).toMatchObject({ action: 'view_patient_record', resourceType: 'patient', patientId: ids.patient1, details: { outcome: 'allowed' } });
  });

  it("refuses another doctor's patient's records with FORBIDDEN, and records the attempt", async () => {
    as(drA);
    const before = (await auditOf(drA.id)).length;
    expect(errorCode(await workstation.dispatch('doctor.appointment', { appointmentId: ids.otherVisit }))).toBe('FORBIDDEN');
    expect(errorCode(await workstation.dispatch('doctor.prescription.get', { prescriptionId: ids.otherPrescription }))).toBe('FORBIDDEN');
    expect(errorCode(await workstation.dispatch('doctor.prescription.pdf', { prescriptionId: ids.otherPrescription }))).toBe('FORBIDDEN');
    expect(errorCode(await workstation.dispatch('doctor.setVisitOutcome', { appointmentId: ids.otherVisit, status: 'No-Show' }))).toBe('FORBIDDEN');
    expect(
      errorCode(await workstation.dispatch('doctor.prescription.save', { appointmentId: ids.otherVisit, content: { medications: TWO_MEDICATIONS.medications } })),
    ).toBe('FORBIDDEN');
    const attempts = (await auditOf(drA.id)).slice(before);
    expect(attempts.map((a) => [a.action, a.details?.outcome, a.resourceId])).toEqual([
      ['view_patient_record', 'denied', ids.otherVisit],
      ['view_prescription', 'denied', ids.otherPrescription],
      ['export_prescription_pdf', 'denied', ids.otherPrescription],
      ['record_visit_outcome', 'denied', ids.otherVisit],
      ['save_prescription', 'denied', null],
    ].map(([action, outcome, resourceId]) => [action, outcome, resourceId ?? undefined]));
    // and nothing changed: the other doctor's appointment is still Scheduled
    const other = await workstation.runtime.stores().sql.models.Appointment.findByPk(ids.otherVisit);
    expect(other?.status).toBe('Scheduled');
  });

  it('completes an own visit under the lifecycle rules', async () => {
    as(drA);
    const done = await call<AppointmentView>('doctor.setVisitOutcome', { appointmentId: ids.pastVisit, status: 'Completed' });
    expect(done.status).toBe('Completed');
    expect(errorCode(await workstation.dispatch('doctor.setVisitOutcome', { appointmentId: ids.pastVisit, status: 'No-Show' }))).toBe('INVALID_TRANSITION');
    expect(errorCode(await workstation.dispatch('doctor.setVisitOutcome', { appointmentId: ids.ownVisit, status: 'No-Show' }))).toBe('NOT_STARTED');
  });

  it('signs a prescription, verifies it, detects tampering and versions every change', { timeout: 60_000 }, async () => {
    as(drA);
    const draft = await call<PrescriptionView>('doctor.prescription.save', { appointmentId: ids.ownVisit, content: TWO_MEDICATIONS });
    expect(draft).toMatchObject({ status: 'Active', version: 1, signature: { state: 'unsigned' }, followUpDays: 7 });
    expect(draft.patientName).toMatch(/\S+ \S+/);
    expect(draft.doctorName).toBe(drA.displayName);
    // an unsigned one changes in place
    const edited = await call<PrescriptionView>('doctor.prescription.save', {
      appointmentId: ids.ownVisit,
      prescriptionId: draft.id,
      content: { ...TWO_MEDICATIONS, diagnosis: 'Acute tonsillitis' },
    });
    expect(edited.id).toBe(draft.id);

    // no safeStorage here: the key is sealed by the doctor's password, which signing asks for
    expect(await call<SigningKeyStatus>('doctor.signingKey', {})).toEqual({ keyId: null, protection: 'none', needsPassword: true });
    expect(errorCode(await workstation.dispatch('doctor.prescription.sign', { prescriptionId: draft.id }))).toBe('VALIDATION');
    expect(errorCode(await workstation.dispatch('doctor.prescription.sign', { prescriptionId: draft.id, password: 'not my password' }))).toBe('INVALID_CREDENTIALS');
    const signed = await call<PrescriptionView>('doctor.prescription.sign', { prescriptionId: draft.id, password: PASSWORD });
    expect(signed.signature.state).toBe('valid');
    const key = await call<SigningKeyStatus>('doctor.signingKey', {});
    expect(key).toMatchObject({ protection: 'password', needsPassword: true });
    expect(signed.signature).toMatchObject({ keyId: key.keyId });
    const stored = await workstation.runtime.stores().documents.prescriptions.findById(draft.id);
    expect(stored?.digitalSignature).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/); // compact JWS
    expect(JSON.parse(Buffer.from(stored!.digitalSignature!.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'EdDSA', kid: key.keyId });
    // the public key is where every workstation can read it
    const [rows] = await workstation.runtime.stores().sql.sequelize.query('SELECT doctor_id FROM doctor_signing_keys');
    expect(rows).toHaveLength(1);
    // signing twice is refused
    expect(errorCode(await workstation.dispatch('doctor.prescription.sign', { prescriptionId: draft.id, password: PASSWORD }))).toBe('CONFLICT');

    // tamper: one character of a medication changed behind the app's back
    const { prescriptions } = workstation.runtime.stores().documents;
    const original = stored!.medications;
    await prescriptions.update(draft.id, { medications: [{ ...original[0]!, dosage: '600mg' }, original[1]!] });
    const tampered = await call<PrescriptionView>('doctor.prescription.get', { prescriptionId: draft.id });
    expect(tampered.signature).toMatchObject({ state: 'invalid', reason: 'The prescription was changed after it was signed.' });
    await prescriptions.update(draft.id, { medications: original });
    expect((await call<PrescriptionView>('doctor.prescription.get', { prescriptionId: draft.id })).signature.state).toBe('valid');
    // a signature moved onto another prescription does not hold either
    const otherDraft = await call<PrescriptionView>('doctor.prescription.save', { appointmentId: ids.ownVisit, content: TWO_MEDICATIONS });
    await prescriptions.update(otherDraft.id, { digitalSignature: stored!.digitalSignature });
    expect((await call<PrescriptionView>('doctor.prescription.get', { prescriptionId: otherDraft.id })).signature.state).toBe('invalid');

    // a change to a signed prescription makes version 2; version 1 is superseded, its signature intact
    const v2 = await call<PrescriptionView>('doctor.prescription.save', {
      appointmentId: ids.ownVisit,
      prescriptionId: draft.id,
      content: { ...TWO_MEDICATIONS, diagnosis: 'Acute tonsillitis', followUpDays: 10 },
    });
    expect(v2).toMatchObject({ version: 2, previousVersionId: draft.id, status: 'Active', signature: { state: 'unsigned' }, followUpDays: 10 });
    expect(v2.id).not.toBe(draft.id);
    const v1 = await call<PrescriptionView>('doctor.prescription.get', { prescriptionId: draft.id });
    expect(v1).toMatchObject({ status: 'Superseded', supersededById: v2.id, signature: { state: 'valid' } });
    expect(
      errorCode(await workstation.dispatch('doctor.prescription.save', { appointmentId: ids.ownVisit, prescriptionId: draft.id, content: TWO_MEDICATIONS })),
    ).toBe('CONFLICT');
    const v2signed = await call<PrescriptionView>('doctor.prescription.sign', { prescriptionId: v2.id, password: PASSWORD });
    expect(v2signed.signature).toMatchObject({ state: 'valid', keyId: key.keyId });
    // the other doctor cannot sign or change it
    as(drB);
    expect(errorCode(await workstation.dispatch('doctor.prescription.get', { prescriptionId: v2.id }))).toBe('FORBIDDEN');
  });

  it('books the follow-up around the date the prescription asks for', async () => {
    as(drA);
    const rx = await call<PrescriptionView>('doctor.prescription.save', { appointmentId: ids.ownVisit, content: TWO_MEDICATIONS });
    const offer = await call<FollowUpSlots>('doctor.followUp.slots', { prescriptionId: rx.id, count: 6 });
    expect(offer.targetDate).toBe('2026-12-14');
    expect(offer.slots.length).toBe(6);
    expect(offer.slots[0]!.date).toBe('2026-12-14');
    const chosen = offer.slots[0]!;
    const booked = await call<AppointmentView>('doctor.followUp.book', { prescriptionId: rx.id, date: chosen.date, time: chosen.time, idempotencyKey: `follow-up-${rx.id}` });
    expect(booked).toMatchObject({ doctorId: drA.id, patientId: ids.patient1, date: chosen.date, time: chosen.time, appointmentType: 'Follow-up' });
    // the visit's own day, as the clinic writes dates (not the signing instant's UTC date)
    expect(booked.patientNotes).toBe('Follow-up of the visit on Monday 7 December 2026');
    // the slot is gone from the next offer; the same slot again is the engine's SLOT_TAKEN
    const again = await call<FollowUpSlots>('doctor.followUp.slots', { prescriptionId: rx.id, count: 6 });
    expect(again.slots).not.toContainEqual(chosen);
    expect(
      errorCode(await workstation.dispatch('doctor.followUp.book', { prescriptionId: rx.id, date: chosen.date, time: chosen.time, idempotencyKey: `follow-up-again-${rx.id}` })),
    ).toBe('SLOT_TAKEN');
  });

  // networked only: a standalone SQLite file is one workstation's own clinic
  it.runIf(!store.name.startsWith('standalone'))('verifies on a second workstation of the same clinic, which holds only the public key', { timeout: 60_000 }, async () => {
    as(drA);
    const rx = await call<PrescriptionView>('doctor.prescription.save', { appointmentId: ids.ownVisit, content: TWO_MEDICATIONS });
    await call<PrescriptionView>('doctor.prescription.sign', { prescriptionId: rx.id, password: PASSWORD });
    const otherDir = createTempDir();
    const other = await startWorkstation({ dataDir: otherDir.path, env: workstation.runtime.options.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    try {
      other.session.signIn(drA);
      const seen = expectOk<PrescriptionView>(await other.dispatch('doctor.prescription.get', { prescriptionId: rx.id }));
      expect(seen.signature.state).toBe('valid');
      // no private key there: signing on that workstation makes a key of its own
      expect(expectOk<SigningKeyStatus>(await other.dispatch('doctor.signingKey', {})).keyId).toBeNull();
      await other.audit.flush();
    } finally {
      await other.close();
      otherDir.remove();
    }
  });

  /** The PDF's text as poppler reads it, whitespace collapsed (line breaks fall where the layout wraps). */
  function pdfText(bytes: Buffer, name: string): string {
    const file = join(dir.path, name);
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }

  it('exports a prescription as a PDF that names the patient, the prescriber, the medications and the signature', { timeout: 60_000 }, async () => {
    as(drA);
    const { sql } = workstation.runtime.stores();
    const patient = (await sql.models.Patient.findByPk(ids.patient1))!;
    const doctor = (await sql.models.Doctor.findByPk(drA.id))!;
    // stored as E.164, printed as the clinic's country writes it
    await doctor.update({ phone: '+493012345678' });
    const rx = await call<PrescriptionView>('doctor.prescription.save', { appointmentId: ids.ownVisit, content: TWO_MEDICATIONS });

    const draft = await call<PrescriptionPdf>('doctor.prescription.pdf', { prescriptionId: rx.id });
    const draftText = pdfText(Buffer.from(draft.base64, 'base64'), `draft-${draft.fileName}`);
    expect(draftText).toContain('NOT SIGNED: this prescription is a draft and is not valid for dispensing.');
    expect(draftText).not.toContain('Digitally signed');

    const signed = await call<PrescriptionView>('doctor.prescription.sign', { prescriptionId: rx.id, password: PASSWORD });
    const pdf = await call<PrescriptionPdf>('doctor.prescription.pdf', { prescriptionId: rx.id });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.pages).toBe(1);
    const text = pdfText(bytes, pdf.fileName);
    expect(text).toContain('Generated Riverside Clinic');
    expect(text).toContain(`${patient.firstName} ${patient.lastName}`);
    const born = String(patient.dateOfBirth).slice(0, 10);
    expect(text).toContain(`Date of birth ${formatBirthDate(born, DEFAULT_DISPLAY_LOCALE)}`);
    expect(text).toContain(`${doctor.firstName} ${doctor.lastName}`);
    expect(text).toContain(`License no. ${doctor.licenseNumber}`);
    expect(text).toMatch(/Phone (030 12345678|\+49 30 12345678)/);
    expect(text).not.toContain('+493012345678');
    expect(text).toContain('Acute pharyngitis');
    // never asked is printed as such, not as "none" (safe-prescribing.test.ts prints a list and an acknowledgement)
    expect(text).toContain('ALLERGIES Allergies not recorded.');
    expect(text).not.toContain('acknowledged by');
    expect(text).toContain('1. Amoxicillin 500mg 3 times daily for 7 days Quantity: 21 Refills allowed: 0 Take with food');
    expect(text).toContain('2. Ibuprofen 400mg Every 6-8 hours as needed for 5 days Quantity: 20 Refills allowed: 1 Take with food or milk');
    expect(text).toContain(`Digitally signed (Ed25519, verified) on`);
    if (signed.signature.state !== 'valid') throw new Error(`expected a valid signature, got ${signed.signature.state}`);
    expect(text).toContain(`Key id: ${signed.signature.keyId}`);
    expect(text).not.toContain('NOT SIGNED');
    expect(text).toContain('page 1 of 1');

    // changed behind the app's back: the PDF says the signature does not hold, and nothing says verified
    const { prescriptions } = workstation.runtime.stores().documents;
    const original = (await prescriptions.findById(rx.id))!.medications;
    await prescriptions.update(rx.id, { medications: [{ ...original[0]!, quantity: 42 }, original[1]!] });
    const tampered = await call<PrescriptionPdf>('doctor.prescription.pdf', { prescriptionId: rx.id });
    const tamperedText = pdfText(Buffer.from(tampered.base64, 'base64'), `tampered-${tampered.fileName}`);
    expect(tamperedText).toContain('SIGNATURE NOT VALID: The prescription was changed after it was signed.');
    expect(tamperedText).toContain('Quantity: 42');
    expect(tamperedText).not.toContain('verified');
    await prescriptions.update(rx.id, { medications: original });

    const file = join(dir.path, pdf.fileName);
    const screens = join(REPO_ROOT, 'test-results', 'screens');
    execFileSync('mkdir', ['-p', screens]);
    const prefix = join(screens, `doctor-prescription-pdf-${store.name.startsWith('standalone') ? 'sqlite' : 'networked'}`);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
    expect(readFileSync(`${prefix}.png`).subarray(1, 4).toString()).toBe('PNG');

    // The clinic reads dates month first on a 12-hour clock: the same prescription prints so.
    const US: DisplayLocale = { locale: 'en-US', hourCycle: 'h12', weekStart: 7, currency: 'USD' };
    const stored = { display_locale: 'en-US', clock_hours: '12', week_start: 'sunday', currency: 'USD' };
    for (const [settingKey, settingValue] of Object.entries(stored)) await sql.models.ClinicSetting.upsert({ settingKey, settingValue });
    try {
      const us = await call<PrescriptionPdf>('doctor.prescription.pdf', { prescriptionId: rx.id });
      const usText = pdfText(Buffer.from(us.base64, 'base64'), `us-${us.fileName}`);
      expect(usText).toContain(`Date of birth ${formatBirthDate(born, US)}`);
      expect(usText).not.toContain(formatBirthDate(born, DEFAULT_DISPLAY_LOCALE));
      expect(usText).toMatch(/Digitally signed \(Ed25519, verified\) on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M/);
      expect(us.fileName).toBe(pdf.fileName);
    } finally {
      await sql.models.ClinicSetting.destroy({ where: { settingKey: Object.keys(stored) } });
    }
  });
});
