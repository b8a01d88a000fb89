import { inWriteTransaction } from '../../data/sql/write-retry';
import { randomBytes, randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import { instantToWall } from '../../../../shared/domain/scheduling';
import { AppFailure } from '../../../../shared/ipc/result';
import type { PatientFieldsValue } from '../../../../shared/ipc/reception/patient-schemas';
import type {
  DuplicateCandidate,
  PatientAppointment,
  PatientDetails,
  PatientRecord,
} from '../../../../shared/ipc/reception/types';
import type { Patient } from '../../data/sql/models';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { translateSqlError } from '../../data/sql/errors';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';
import { fieldFailure } from './field-failure';
import { patientRepository } from '../../data/sql/repositories/patient-repository';
import { isNoEmailPlaceholder, newNoEmailPlaceholder } from '../../../../shared/domain/reception/no-email';
import { allergyColumnOf, allergyRecordOf, type AllergyList, type AllergyRecord } from '../../../../shared/domain/allergies/allergy-list';
import type { SessionUser } from '../../../../shared/ipc/types';
import { assertOwnPatient } from '../doctor/own-records';

export { searchPatientPage, searchPatients } from './patient-search';

/**
 * A password hash no password can match (verifyPassword accepts only `scrypt$…`): a patient the
 * front desk registers cannot sign in at the kiosk until staff set a kiosk password.
 */
export function unusablePasswordHash(): string {
  return `unusable$${randomBytes(24).toString('base64url')}`;
}

function toDetails(row: Patient): PatientDetails {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    dateOfBirth: String(row.dateOfBirth).slice(0, 10),
    isActive: row.isActive !== false,
    gender: row.gender,
    address: row.address ?? '',
    emergencyContactName: row.emergencyContactName ?? '',
    emergencyContactPhone: row.emergencyContactPhone ?? '',
    allergies: allergyRecordOf(row.allergies),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

async function clinicToday(sql: SqlStore, clock: EpochMinuteClock): Promise<{ date: string; minutes: number }> {
  const settings = await loadClinicSettings(sql.models);
  return instantToWall(clock(), settings.timezone);
}

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/**
 * Existing patients who are likely the same person: same first and last name (any case) and date
 * of birth, or the same phone (compared on its digits). Both lookups use indexes.
 */
export async function findLikelyDuplicates(
  sql: SqlStore,
  fields: Pick<PatientFieldsValue, 'firstName' | 'lastName' | 'dateOfBirth' | 'phone'>,
  exceptId: number | null,
): Promise<DuplicateCandidate[]> {
  const rows = await patientRepository(sql).likelyDuplicates(fields, [
    ...new Set([fields.phone, digitsOf(fields.phone), `+${digitsOf(fields.phone)}`]),
  ]);
  const byId = new Map<number, DuplicateCandidate>();
  for (const { why, ...patient } of rows) {
    if (patient.id === exceptId) continue;
    const candidate = byId.get(patient.id) ?? { ...patient, reasons: [] };
    const reason = why === 'name' ? 'same_name_and_birth_date' : 'same_phone';
    if (!candidate.reasons.includes(reason)) candidate.reasons.push(reason);
    byId.set(candidate.id, candidate);
  }
  return [...byId.values()];
}

/**
 * The email column's value: the address typed, or for a patient without email a `.invalid`
 * placeholder, kept when the patient already has one so the stored row does not churn.
 */
function emailColumn(fields: PatientFieldsValue, stored: string | null): string {
  if (!fields.noEmail) return fields.email;
  return stored !== null && isNoEmailPlaceholder(stored) ? stored : newNoEmailPlaceholder(randomUUID());
}

/** Rules the schema alone cannot check: birth date in the past, email not taken by another patient. */
async function assertValidPatient(
  sql: SqlStore,
  fields: PatientFieldsValue,
  exceptId: number | null,
  clock: EpochMinuteClock,
): Promise<void> {
  const today = (await clinicToday(sql, clock)).date;
  if (fields.dateOfBirth >= today) throw fieldFailure('patient.dateOfBirth', 'The date of birth must be in the past');
  if (fields.dateOfBirth < '1900-01-01')
    throw fieldFailure('patient.dateOfBirth', 'The date of birth must be after 1900');
  if (fields.noEmail) return;
  const taken = await sql.models.Patient.findOne({
    where: { email: fields.email, ...(exceptId ? { id: { [Op.ne]: exceptId } } : {}) },
    attributes: ['id'],
  });
  if (taken) throw fieldFailure('patient.email', 'Another patient already has this email');
}

async function assertNoUnacknowledgedDuplicates(
  sql: SqlStore,
  fields: PatientFieldsValue,
  exceptId: number | null,
  acknowledged: boolean,
): Promise<void> {
  if (acknowledged) return;
  const duplicates = await findLikelyDuplicates(sql, fields, exceptId);
  if (duplicates.length > 0) {
    throw new AppFailure(
      'POSSIBLE_DUPLICATE',
      duplicates.length === 1
        ? 'This may be a patient who is already registered.'
        : `This may be one of ${duplicates.length} patients already registered.`,
      { duplicates },
    );
  }
}

const columnsOf = (fields: PatientFieldsValue, storedEmail: string | null) => ({
  firstName: fields.firstName,
  lastName: fields.lastName,
  email: emailColumn(fields, storedEmail),
  phone: fields.phone,
  dateOfBirth: fields.dateOfBirth,
  gender: fields.gender,
  address: fields.address || null,
  emergencyContactName: fields.emergencyContactName || null,
  emergencyContactPhone: fields.emergencyContactPhone || null,
});

async function saved<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const failure = translateSqlError(error);
    const details = failure.details as { field?: string } | undefined;
    // the unique key is the last word when two desks register the same email at once
    if (failure.code === 'DUPLICATE' && details?.field === 'email')
      throw fieldFailure('patient.email', 'Another patient already has this email');
    throw failure;
  }
}

/**
 * Registers a patient. Refusals (a field, or likely duplicates not yet acknowledged) write nothing.
 * The password hash is unusable until staff set a kiosk password.
 */
export async function registerPatient(
  sql: SqlStore,
  input: { patient: PatientFieldsValue; acknowledgeDuplicates: boolean },
  clock: EpochMinuteClock,
): Promise<PatientDetails> {
  await assertValidPatient(sql, input.patient, null, clock);
  await assertNoUnacknowledgedDuplicates(sql, input.patient, null, input.acknowledgeDuplicates);
  // In a write transaction, so a replayed registration commits together with its replay key.
  const row = await saved(
    inWriteTransaction(sql.sequelize, (transaction) =>
      sql.models.Patient.create({ ...columnsOf(input.patient, null), passwordHash: unusablePasswordHash() }, { transaction }),
    ),
  );
  return toDetails(row);
}

async function findPatient(sql: SqlStore, patientId: number): Promise<Patient> {
  const row = await sql.models.Patient.findByPk(patientId);
  if (!row) throw new AppFailure('NOT_FOUND', 'That patient does not exist.');
  return row;
}

export async function updatePatient(
  sql: SqlStore,
  input: { patientId: number; patient: PatientFieldsValue; acknowledgeDuplicates: boolean },
  clock: EpochMinuteClock,
): Promise<PatientDetails> {
  const row = await findPatient(sql, input.patientId);
  await assertValidPatient(sql, input.patient, row.id, clock);
  // Only a change of name, birth date or phone can make a new likeness worth a warning.
  const identityChanged =
    row.firstName !== input.patient.firstName ||
    row.lastName !== input.patient.lastName ||
    String(row.dateOfBirth).slice(0, 10) !== input.patient.dateOfBirth ||
    row.phone !== input.patient.phone;
  if (identityChanged) await assertNoUnacknowledgedDuplicates(sql, input.patient, row.id, input.acknowledgeDuplicates);
  await saved(inWriteTransaction(sql.sequelize, (transaction) => row.update(columnsOf(input.patient, row.email), { transaction })));
  return toDetails(row);
}

/** The record as one text, so two records are the same exactly when their texts are; null: never recorded. */
function allergyText(record: AllergyRecord): string | null {
  return record.recorded ? allergyColumnOf({ noneKnown: record.noneKnown, entries: record.entries }) : null;
}

/**
 * Replaces the patient's allergy record (the patient row's updated_at carries it to every mirror).
 * The desk records anyone's; a doctor only their own patients' (FORBIDDEN otherwise, audited as a
 * denied attempt). With `basedOn`, a record someone changed since the editor opened is CONFLICT
 * and nothing changes: a replayed offline change never silently drops another's allergy.
 */
export async function setPatientAllergies(
  sql: SqlStore,
  user: SessionUser,
  input: { patientId: number; allergies: AllergyList; basedOn?: AllergyList | null | undefined },
): Promise<PatientDetails> {
  const row = await findPatient(sql, input.patientId);
  if (user.kind === 'doctor') await assertOwnPatient(sql, user.id, row.id);
  await saved(
    inWriteTransaction(sql.sequelize, async (transaction) => {
      await row.reload({ transaction, lock: transaction.LOCK.UPDATE });
      if (input.basedOn !== undefined) {
        const expected = input.basedOn === null ? null : allergyColumnOf(input.basedOn);
        if (allergyText(allergyRecordOf(row.allergies)) !== expected) {
          throw new AppFailure(
            'CONFLICT',
            "The patient's allergies were changed by someone else since you opened them. Yours were not saved: look at the record as it is now and record them again.",
            { current: allergyRecordOf(row.allergies) },
          );
        }
      }
      await row.update({ allergies: allergyColumnOf(input.allergies) }, { transaction });
    }),
  );
  return toDetails(row);
}

/** Deactivating keeps the patient and their history (the seed's soft delete); they no longer appear in searches or bookings. */
export async function setPatientActive(
  sql: SqlStore,
  input: { patientId: number; active: boolean },
): Promise<PatientDetails> {
  const row = await findPatient(sql, input.patientId);
  await row.update({ isActive: input.active });
  return toDetails(row);
}

/**
 * The patient page: details and every appointment (doctor, status), split by the clinic's date:
 * today's on their own (a visit under way is today's, not past), then upcoming and past.
 */
export async function getPatientRecord(sql: SqlStore, patientId: number, clock: EpochMinuteClock): Promise<PatientRecord> {
  const row = await findPatient(sql, patientId);
  const now = await clinicToday(sql, clock);
  const appointments = await patientRepository(sql).appointmentsOf(patientId);
  const upcoming: PatientAppointment[] = [];
  const today: PatientAppointment[] = [];
  const past: PatientAppointment[] = [];
  for (const view of appointments) {
    (view.date > now.date ? upcoming : view.date === now.date ? today : past).push(view);
  }
  upcoming.reverse();
  today.reverse();
  return { patient: toDetails(row), today, upcoming, past };
}
