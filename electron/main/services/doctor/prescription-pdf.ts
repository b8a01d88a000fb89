import { clinicPhoneCountry, formatPhone } from '../../../../shared/domain/phone';
import { shownDoctorName, shownPatientName } from '../../../../shared/domain/integration/copied-names';
import { DateTime } from 'luxon';
import { formatBirthDate, formatDate, formatMoment, type DisplayLocale } from '../../../../shared/domain/display-format';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';
import { allergyRecordOf, type AllergyRecord } from '../../../../shared/domain/allergies/allergy-list';
import type { Prescription } from '../../../../shared/documents';
import type { PrescriptionPdf, SignatureCheck } from '../../../../shared/ipc/doctor/types';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import { clinicSettingsRepository } from '../../data/sql/repositories/clinic-settings-repository';
import type { OpenStores } from '../../runtime/stores';
import { loadClinicSettings } from '../scheduling/rules';
import { doctorIdOf } from './own-records';
import { verifyPrescription } from './prescription-signature';
import { readablePrescription } from './prescriptions';

/** Everything printed on a prescription, gathered from the stores (pure input for the layout). */
export interface PrescriptionPrint {
  clinic: { name: string; address: string | null; phone: string | null; email: string | null };
  timezone: string;
  /** How dates read: the clinic's locale settings. */
  display: DisplayLocale;
  /** `signedAs`: the name the signature covers, when the person has been renamed since. */
  doctor: { name: string; signedAs?: string | undefined; specialization: string; licenseNumber: string; phone: string };
  patient: { name: string; signedAs?: string | undefined; dateOfBirth: string; gender: string };
  /** The patient's allergies as recorded when the PDF is made (the pharmacist checks against them too). */
  allergies: AllergyRecord;
  prescription: Prescription;
  signature: SignatureCheck;
}

const INK = '#1b2a3a';
const MUTED = '#5b6b7c';
const RULE = '#c9d3dd';
const ACCENT = '#1f5f8b';

/** The clinic's calendar day of the prescription ('YYYY-MM-DD'). */
function prescriptionDay(writtenAt: Date, zone: string): string {
  return DateTime.fromJSDate(writtenAt).setZone(zone).toISODate() ?? writtenAt.toISOString().slice(0, 10);
}

/** Clinic address and phone, when an administrator has set them (optional settings keys). */
function signatureLine(signature: SignatureCheck, zone: string, display: DisplayLocale): { text: string; color: string } {
  switch (signature.state) {
    case 'valid': {
      const at = signature.signedAt ? formatMoment(signature.signedAt, zone, display) : 'unknown time';
      return { text: `Digitally signed (Ed25519, verified) on ${at}. Key id: ${signature.keyId}`, color: '#1d6b3a' };
    }
    case 'invalid':
      return { text: `SIGNATURE NOT VALID: ${signature.reason}${signature.keyId ? ` Key id: ${signature.keyId}` : ''}`, color: '#a32020' };
    default:
      return { text: 'NOT SIGNED: this prescription is a draft and is not valid for dispensing.', color: '#a32020' };
  }
}

/** The patient's recorded allergies in one line, telling "none known" from "never asked". */
export function allergyLine(record: AllergyRecord): string {
  if (!record.recorded) return 'Allergies not recorded.';
  if (record.noneKnown || record.entries.length === 0) return 'No known allergies.';
  return record.entries.map((entry) => (entry.reaction ? `${entry.substance} (${entry.reaction})` : entry.substance)).join('; ');
}

/** Each allergy warning the prescriber signed through, as printed: who, when, and for which medication. */
export function acknowledgementLines(rx: Prescription, prescriber: string, zone: string, display: DisplayLocale): string[] {
  return (rx.allergyAcknowledgements ?? []).map(
    (ack) => `Allergy to ${ack.substance} acknowledged by ${prescriber} at ${formatMoment(ack.acknowledgedAt.toISOString(), zone, display)} (prescribed: ${ack.medication.trim()})`,
  );
}

/**
 * Lays out one prescription on A4; pdfkit runs in plain Node, so tests render it without Electron.
 * pdfkit (with its font engine) is loaded at the first print, not at start.
 */
export async function renderPrescriptionPdf(print: PrescriptionPrint): Promise<{ bytes: Buffer; pages: number }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: `Prescription ${print.prescription.id}`, Author: print.doctor.name } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const rx = print.prescription;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const rule = () => {
    doc.moveDown(0.4);
    doc.strokeColor(RULE).lineWidth(0.8).moveTo(left, doc.y).lineTo(left + width, doc.y).stroke();
    doc.moveDown(0.6);
  };
  const label = (text: string) => doc.font('Helvetica-Bold').fontSize(8.5).fillColor(MUTED).text(text.toUpperCase(), { characterSpacing: 0.6 });
  const body = (text: string, options: PDFKit.Mixins.TextOptions = {}) => doc.font('Helvetica').fontSize(10.5).fillColor(INK).text(text, options);

  // Clinic header
  doc.font('Helvetica-Bold').fontSize(18).fillColor(ACCENT).text(print.clinic.name || 'Clinic');
  const contact = [print.clinic.address, print.clinic.phone ? `Phone ${print.clinic.phone}` : null, print.clinic.email].filter(Boolean).join('  ·  ');
  if (contact) doc.font('Helvetica').fontSize(9.5).fillColor(MUTED).text(contact);
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').fontSize(13).fillColor(INK).text('Prescription', { continued: true });
  const dated = formatDate(prescriptionDay(rx.prescriptionDate, print.timezone), print.display);
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(`   Date ${dated}  ·  No. ${rx.id}  ·  Version ${rx.version ?? 1}`);
  if (rx.status !== 'Active') doc.font('Helvetica-Bold').fontSize(10).fillColor('#a32020').text(`Status: ${rx.status}${rx.supersededById ? ` (replaced by ${rx.supersededById})` : ''}`);
  rule();

  // Prescriber and patient, side by side
  const top = doc.y;
  const half = width / 2 - 10;
  doc.font('Helvetica-Bold').fontSize(8.5).fillColor(MUTED).text('PRESCRIBER', left, top, { width: half, characterSpacing: 0.6 });
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(print.doctor.name, { width: half });
  if (print.doctor.signedAs) doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(`Signed as ${print.doctor.signedAs}`, { width: half });
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(print.doctor.specialization, { width: half });
  doc.text(`License no. ${print.doctor.licenseNumber}`, { width: half });
  doc.text(`Phone ${print.doctor.phone}`, { width: half });
  const leftBottom = doc.y;
  const col = left + width / 2 + 10;
  doc.font('Helvetica-Bold').fontSize(8.5).fillColor(MUTED).text('PATIENT', col, top, { width: half, characterSpacing: 0.6 });
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(print.patient.name, col, doc.y, { width: half });
  if (print.patient.signedAs) doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(`Signed as ${print.patient.signedAs}`, col, doc.y, { width: half });
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(`Date of birth ${formatBirthDate(print.patient.dateOfBirth, print.display)}`, col, doc.y, { width: half });
  doc.text(print.patient.gender, col, doc.y, { width: half });
  doc.x = left;
  doc.y = Math.max(leftBottom, doc.y);
  rule();

  label('Allergies');
  body(allergyLine(print.allergies), { width });
  // The doctor's decision to prescribe despite a warning; the signer is the prescription's author.
  const acknowledged = acknowledgementLines(rx, rx.doctorName, print.timezone, print.display);
  for (const line of acknowledged) doc.font('Helvetica-Bold').fontSize(10).fillColor('#8a4b00').text(line, { width });
  doc.moveDown(0.6);

  if (rx.diagnosis) {
    label('Diagnosis');
    body(rx.diagnosis, { width });
    doc.moveDown(0.6);
  }

  // Medications
  label('Medications (Rx)');
  doc.moveDown(0.3);
  rx.medications.forEach((m, index) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).fillColor(ACCENT).text(`${index + 1}.`, left, y, { width: 18 });
    doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(`${m.name}  ${m.dosage}`, left + 20, y, { width: width - 20 });
    doc.font('Helvetica').fontSize(10).fillColor(INK).text(`${m.frequency} for ${m.duration}`, left + 20, doc.y, { width: width - 20 });
    doc.text(`Quantity: ${m.quantity}    Refills allowed: ${m.refillsAllowed}`, left + 20, doc.y, { width: width - 20 });
    if (m.instructions) doc.fillColor(MUTED).text(m.instructions, left + 20, doc.y, { width: width - 20 });
    doc.moveDown(0.6);
  });
  doc.x = left;

  if (rx.followUpRequired && rx.followUpDays) {
    label('Follow-up');
    body(`Follow-up visit in ${rx.followUpDays} day${rx.followUpDays === 1 ? '' : 's'}.`, { width });
    doc.moveDown(0.6);
  }
  if (rx.pharmacy) {
    label('Pharmacy');
    const p = rx.pharmacy;
    body([p.name, p.address, p.phone ? `Phone ${p.phone}` : null, p.faxNumber ? `Fax ${p.faxNumber}` : null].filter(Boolean).join('  ·  '), { width });
    doc.moveDown(0.6);
  }
  rule();

  // Signature block
  label('Signature');
  const line = signatureLine(print.signature, print.timezone, print.display);
  doc.font('Helvetica-Bold').fontSize(10).fillColor(line.color).text(line.text, { width });
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(
    'The signature is a JWS (EdDSA) over the canonical content of this prescription; the clinic verifies it against the prescriber\'s registered public key.',
    { width },
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // inside the bottom margin: lift the margin while writing, or pdfkit starts a new page
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const bottom = doc.page.height - 36;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(`${print.clinic.name} · ${print.doctor.name} · page ${i + 1} of ${range.count}`, left, bottom, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  const pages = range.count;
  doc.end();
  return done.then((bytes) => ({ bytes, pages }));
}

/** The PDF of a prescription of one of the doctor's own patients. */
export async function prescriptionPdf(stores: OpenStores, user: SessionUser, prescriptionId: string): Promise<PrescriptionPdf> {
  const doctorId = doctorIdOf(user);
  const rx = await readablePrescription(stores, doctorId, prescriptionId);
  const [settings, contact, doctor, patient, signature] = await Promise.all([
    loadClinicSettings(stores.sql.models),
    clinicSettingsRepository(stores.sql).contact(),
    stores.sql.models.Doctor.findByPk(rx.doctorId),
    stores.sql.models.Patient.findByPk(rx.patientId),
    verifyPrescription(stores.sql, rx),
  ]);
  if (!doctor || !patient) throw new AppFailure('NOT_FOUND', 'The doctor or patient of this prescription no longer exists.');
  const phoneCountry = clinicPhoneCountry(settings.defaultPhoneCountry, settings.timezone);
  const { bytes, pages } = await renderPrescriptionPdf({
    clinic: { name: settings.clinicName, ...contact, phone: contact.phone && formatPhone(contact.phone, phoneCountry) },
    timezone: settings.timezone,
    display: displayLocaleOf(settings),
    // The names people have now; the signed names (which the signature covers) beside them when they differ.
    doctor: { name: shownDoctorName(rx), signedAs: rx.currentDoctorName && rx.doctorName, specialization: doctor.specialization, licenseNumber: doctor.licenseNumber, phone: formatPhone(doctor.phone, phoneCountry) },
    patient: { name: shownPatientName(rx), signedAs: rx.currentPatientName && rx.patientName, dateOfBirth: String(patient.dateOfBirth).slice(0, 10), gender: patient.gender },
    allergies: allergyRecordOf(patient.allergies),
    prescription: rx,
    signature,
  });
  // The day it was written on the clinic's clock, not in UTC (an evening prescription east of UTC is not dated the day before).
  const dated = prescriptionDay(rx.prescriptionDate, settings.timezone);
  return { fileName: `prescription-${dated}-${rx.id}.pdf`, base64: bytes.toString('base64'), pages };
}
