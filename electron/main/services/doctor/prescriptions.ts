import { PRODUCTION_SCRYPT_COST, type ScryptCost } from '../../security/password';
import { shownDoctorName, shownPatientName } from '../../../../shared/domain/integration/copied-names';
import type { AllergyAcknowledgement, Medication, Pharmacy, Prescription, PrescriptionInput } from '../../../../shared/documents';
import { allergyRecordOf, normalisedSubstance } from '../../../../shared/domain/allergies/allergy-list';
import { allergyMatches, unacknowledged } from '../../../../shared/domain/allergies/allergy-match';
import type { PrescriptionContent } from '../../../../shared/ipc/doctor/schemas';
import type { PrescriptionView, SignatureCheck } from '../../../../shared/ipc/doctor/types';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SecretBox } from '../../config/store-config';
import type { OpenStores } from '../../runtime/stores';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { doctorDisplayName } from '../scheduling/slot-view';
import { loadClinicSettings } from '../scheduling/rules';
import { assertOwnPatient, doctorIdOf, ownAppointment } from './own-records';
import { signPrescription, verifyPrescription } from './prescription-signature';
import { unlockSigningKey } from './signing-keys';

export function toPrescriptionView(doc: Prescription, signature: SignatureCheck): PrescriptionView {
  return {
    id: doc.id,
    appointmentId: doc.appointmentId,
    patientId: doc.patientId,
    doctorId: doc.doctorId,
    patientName: shownPatientName(doc),
    doctorName: shownDoctorName(doc),
    namesAsSigned: doc.currentPatientName || doc.currentDoctorName ? { patientName: doc.patientName, doctorName: doc.doctorName } : null,
    prescriptionDate: doc.prescriptionDate.toISOString(),
    medications: doc.medications,
    diagnosis: doc.diagnosis ?? null,
    clinicalNotes: doc.clinicalNotes ?? null,
    followUpRequired: doc.followUpRequired,
    followUpDays: doc.followUpDays ?? null,
    pharmacy: doc.pharmacy ?? null,
    status: doc.status,
    version: doc.version ?? 1,
    previousVersionId: doc.previousVersionId ?? null,
    supersededById: doc.supersededById ?? null,
    signature,
    allergyAcknowledgements: (doc.allergyAcknowledgements ?? []).map((a) => ({ ...a, acknowledgedAt: a.acknowledgedAt.toISOString() })),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export async function viewOf(stores: OpenStores, doc: Prescription): Promise<PrescriptionView> {
  return toPrescriptionView(doc, await verifyPrescription(stores.sql, doc));
}

const blankToUndefined = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

/** The form's content as the document holds it: empty optional texts are absent, not "". */
function documentContent(content: PrescriptionContent) {
  const medications: Medication[] = content.medications.map((m) => ({ ...m, instructions: blankToUndefined(m.instructions) }));
  const pharmacy: Pharmacy | undefined = content.pharmacy && blankToUndefined(content.pharmacy.name)
    ? {
        name: content.pharmacy.name.trim(),
        address: blankToUndefined(content.pharmacy.address),
        phone: blankToUndefined(content.pharmacy.phone),
        faxNumber: blankToUndefined(content.pharmacy.faxNumber),
      }
    : undefined;
  return {
    medications,
    diagnosis: blankToUndefined(content.diagnosis),
    clinicalNotes: blankToUndefined(content.clinicalNotes),
    followUpRequired: content.followUpRequired,
    followUpDays: content.followUpRequired ? content.followUpDays : undefined,
    pharmacy,
  };
}

/** A prescription of one of the doctor's own patients (any author: the patient's history). */
export async function readablePrescription(stores: OpenStores, doctorId: number, prescriptionId: string): Promise<Prescription> {
  const doc = await stores.documents.prescriptions.findById(prescriptionId);
  if (!doc) throw new AppFailure('NOT_FOUND', 'That prescription does not exist.');
  await assertOwnPatient(stores.sql, doctorId, doc.patientId);
  return doc;
}

/** A prescription the doctor wrote: only its author changes or signs it. */
async function ownPrescription(stores: OpenStores, doctorId: number, prescriptionId: string): Promise<Prescription> {
  const doc = await readablePrescription(stores, doctorId, prescriptionId);
  if (doc.doctorId !== doctorId) throw new AppFailure('FORBIDDEN', 'Only the doctor who wrote a prescription can change or sign it.');
  return doc;
}

export async function getPrescription(stores: OpenStores, user: SessionUser, prescriptionId: string): Promise<PrescriptionView> {
  return viewOf(stores, await readablePrescription(stores, doctorIdOf(user), prescriptionId));
}

/**
 * Saves what the doctor wrote for an appointment of theirs. A new prescription, or a change of an
 * unsigned one in place; a signed one is never edited: the change becomes the next version
 * (previousVersionId), and the signed one is marked Superseded (supersededById), signature intact.
 */
export async function savePrescription(
  stores: OpenStores,
  user: SessionUser,
  input: { appointmentId: number; prescriptionId?: string; content: PrescriptionContent },
  clock: EpochMinuteClock,
): Promise<PrescriptionView> {
  const doctorId = doctorIdOf(user);
  const appointment = await ownAppointment(stores.sql, doctorId, input.appointmentId);
  const [patient, doctor] = await Promise.all([
    stores.sql.models.Patient.findByPk(appointment.patientId),
    stores.sql.models.Doctor.findByPk(doctorId),
  ]);
  if (!patient || !doctor) throw new AppFailure('NOT_FOUND', 'The patient or the doctor of this appointment no longer exists.');
  const now = new Date(clock() * 60_000);
  const fields = {
    appointmentId: appointment.id,
    patientId: appointment.patientId,
    doctorId,
    // from the relational data, never from the form
    patientName: `${patient.firstName} ${patient.lastName}`,
    doctorName: doctorDisplayName(doctor),
    prescriptionDate: now,
    ...documentContent(input.content),
  };
  const { prescriptions } = stores.documents;
  if (!input.prescriptionId) {
    return viewOf(stores, await prescriptions.insert({ ...fields, status: 'Active', version: 1 } satisfies PrescriptionInput));
  }
  const current = await ownPrescription(stores, doctorId, input.prescriptionId);
  if (current.appointmentId !== appointment.id) throw new AppFailure('VALIDATION', 'prescriptionId: That prescription belongs to another appointment.');
  if (current.status === 'Superseded') {
    throw new AppFailure('CONFLICT', 'A newer version of this prescription exists: open that one to change it.', { supersededById: current.supersededById });
  }
  if (!current.digitalSignature) {
    return viewOf(stores, await prescriptions.update(current.id, { ...fields, prescriptionDate: current.prescriptionDate }));
  }
  const next = await prescriptions.insert({
    ...fields,
    status: 'Active',
    version: (current.version ?? 1) + 1,
    previousVersionId: current.id,
  } satisfies PrescriptionInput);
  await prescriptions.update(current.id, { status: 'Superseded', supersededById: next.id });
  return viewOf(stores, next);
}

/** Signs an unsigned prescription of the doctor's with their key on this workstation. */
export async function signOwnPrescription(
  stores: OpenStores,
  box: SecretBox | null,
  user: SessionUser,
  input: { prescriptionId: string; password?: string; acknowledgedAllergies?: string[] },
  clock: EpochMinuteClock,
  cost: ScryptCost = PRODUCTION_SCRYPT_COST,
): Promise<PrescriptionView> {
  const doctorId = doctorIdOf(user);
  const doc = await ownPrescription(stores, doctorId, input.prescriptionId);
  if (doc.digitalSignature) throw new AppFailure('CONFLICT', 'This prescription is already signed. Change it to make a new version, then sign that.');
  if (doc.status !== 'Active') throw new AppFailure('CONFLICT', `A ${doc.status.toLowerCase()} prescription cannot be signed.`);
  const now = new Date(clock() * 60_000);
  // Checked against the record as it is now, not as the editor last saw it.
  const allergyAcknowledgements = await acknowledgedWarnings(stores, doc, input.acknowledgedAllergies ?? [], now);
  const key = await unlockSigningKey(stores, box, doctorId, input.password, cost);
  const signed = allergyAcknowledgements.length > 0 ? { ...doc, allergyAcknowledgements } : doc;
  const digitalSignature = await signPrescription(signed, key, now);
  return viewOf(
    stores,
    await stores.documents.prescriptions.update(doc.id, allergyAcknowledgements.length > 0 ? { digitalSignature, allergyAcknowledgements } : { digitalSignature }),
  );
}

/**
 * The patient's recorded allergies that a medication matches: each must be acknowledged by the
 * prescriber, else the signature is refused with the matches, and nothing changes.
 */
async function acknowledgedWarnings(stores: OpenStores, doc: Prescription, acknowledged: readonly string[], now: Date): Promise<AllergyAcknowledgement[]> {
  const [patient, settings] = await Promise.all([
    stores.sql.models.Patient.findByPk(doc.patientId, { attributes: ['id', 'allergies'] }),
    loadClinicSettings(stores.sql.models),
  ]);
  // the same check as the editor's, with the clinic's ingredient list as it is now
  const matches = allergyMatches(doc.medications.map((m) => m.name), allergyRecordOf(patient?.allergies).entries, settings.medicationIngredients);
  const missing = unacknowledged(matches, acknowledged);
  if (missing.length > 0) {
    const first = missing[0]!;
    const through = first.ingredient ? ` (it contains ${first.ingredient})` : '';
    throw new AppFailure(
      'ALLERGY_NOT_ACKNOWLEDGED',
      `${first.medication}${through} matches the patient's recorded allergy to ${first.substance}. Confirm you have seen the warning before signing.`,
      { matches: missing },
    );
  }
  return matches.map((match) => ({ medication: match.medication, substance: match.substance, acknowledgedAt: now }));
}

const MEDICATION_NAME_SCAN = 500;
const MEDICATION_NAME_LIMIT = 20;

/**
 * Names the clinic has prescribed, for the editor's suggestions: the medications of the most
 * recent prescriptions (one indexed read on prescriptionDate), most used first. A name is
 * clinic knowledge, not patient data, so the answer names no patient.
 */
export async function medicationNames(stores: OpenStores, startsWith: string): Promise<string[]> {
  const recent = await stores.documents.prescriptions.find({}, { sort: { prescriptionDate: 'desc' }, limit: MEDICATION_NAME_SCAN });
  const prefix = normalisedSubstance(startsWith);
  const uses = new Map<string, { name: string; count: number }>();
  for (const doc of recent) {
    for (const { name } of doc.medications) {
      const key = normalisedSubstance(name);
      if (!key.startsWith(prefix)) continue;
      const entry = uses.get(key) ?? { name: name.trim(), count: 0 };
      entry.count += 1;
      uses.set(key, entry);
    }
  }
  return [...uses.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, MEDICATION_NAME_LIMIT)
    .map((entry) => entry.name);
}
