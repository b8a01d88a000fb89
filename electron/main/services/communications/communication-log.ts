import { Op } from 'sequelize';
import { addDays, startOfDay } from '../../../../shared/domain/scheduling';
import type { CommunicationLog } from '../../../../shared/documents';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SearchLogInput } from '../../../../shared/ipc/communications/schemas';
import type {
  CommunicationLogPage,
  CommunicationLogView,
  ConfirmationResult,
  PatientCommunicationsView,
  PatientMatch,
} from '../../../../shared/ipc/communications/types';
import type { DocumentFilter } from '../../data/documents/document-store';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { patientRepository } from '../../data/sql/repositories/patient-repository';
import type { OpenStores } from '../../runtime/stores';
import { setAppointmentStatus } from '../scheduling/booking';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function toLogView(log: CommunicationLog, patientName: string | null): CommunicationLogView {
  const meta = (log.metadata ?? {}) as Record<string, unknown>;
  return {
    id: log.id,
    type: log.type,
    patientId: log.patientId,
    patientName,
    doctorId: log.doctorId,
    appointmentId: log.appointmentId ?? null,
    method: log.communicationMethod,
    recipient: log.recipientEmail ?? log.recipientPhone ?? '',
    subject: log.subject ?? null,
    content: log.content,
    sentAt: log.sentAt ? log.sentAt.toISOString() : null,
    deliveryStatus: log.deliveryStatus,
    reason: text(meta.failureReason) ?? text(meta.notSentReason),
    attempts: typeof meta.attempts === 'number' ? meta.attempts : null,
    messageId: text(meta.messageId),
    patientConfirmed: log.responseTracking?.patientConfirmed === true,
    confirmedAt: log.responseTracking?.confirmedAt ? log.responseTracking.confirmedAt.toISOString() : null,
    confirmedVia: text(meta.confirmedVia),
  };
}

async function patientNames(sql: SqlStore, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.models.Patient.findAll({ attributes: ['id', 'firstName', 'lastName'], where: { id: [...new Set(ids)] } });
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
}

/**
 * The log for admins and the desk: filters by type, delivery status, method and clinic dates
 * (on sentAt, so a message never sent has no date and the date filter leaves it out), newest first.
 */
export async function searchCommunicationLog(stores: OpenStores, input: SearchLogInput): Promise<CommunicationLogPage> {
  const { timezone } = await loadClinicSettings(stores.sql.models);
  const filter: DocumentFilter<CommunicationLog> = {
    type: input.type,
    deliveryStatus: input.status,
    communicationMethod: input.method,
  };
  if (input.from || input.to) {
    filter.sentAt = {
      ...(input.from ? { $gte: new Date(startOfDay(input.from, timezone) * 60_000) } : {}),
      ...(input.to ? { $lt: new Date(startOfDay(addDays(input.to, 1), timezone) * 60_000) } : {}),
    };
  }
  const repo = stores.documents.communicationLogs;
  const [logs, total] = await Promise.all([repo.find(filter, { sort: { sentAt: 'desc' }, limit: input.limit, skip: input.offset }), repo.count(filter)]);
  const names = await patientNames(stores.sql, logs.map((l) => l.patientId));
  return { rows: logs.map((l) => toLogView(l, names.get(l.patientId) ?? null)), total };
}

async function patientRow(sql: SqlStore, patientId: number) {
  const patient = await patientRepository(sql).messagingFacts(patientId);
  if (!patient) throw new AppFailure('NOT_FOUND', 'That patient does not exist.');
  return { name: `${patient.firstName} ${patient.lastName}`, emailOptOut: patient.emailOptOut };
}

/** A patient's messages, newest first (the patient page's communication history). */
export async function patientCommunications(stores: OpenStores, patientId: number): Promise<PatientCommunicationsView> {
  const patient = await patientRow(stores.sql, patientId);
  const logs = await stores.documents.communicationLogs.find({ patientId }, { sort: { sentAt: 'desc' }, limit: 200 });
  return { patientId, patientName: patient.name, emailOptOut: patient.emailOptOut, messages: logs.map((l) => toLogView(l, patient.name)) };
}

/** Patients by name or email, for the log screen's lookup (the patient page lives in reception). */
export async function findPatients(sql: SqlStore, query: string): Promise<PatientMatch[]> {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 3);
  const like = (w: string) => `${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await sql.models.Patient.findAll({
    attributes: ['id', 'firstName', 'lastName', 'dateOfBirth'],
    where: {
      [Op.and]: words.map((w) => ({
        [Op.or]: [{ firstName: { [Op.like]: like(w) } }, { lastName: { [Op.like]: like(w) } }, { email: { [Op.like]: like(w) } }],
      })),
    },
    order: [['lastName', 'ASC'], ['firstName', 'ASC'], ['id', 'ASC']],
    limit: 20,
  });
  const optOut = rows.length ? await patientRepository(sql).emailOptOuts(rows.map((r) => r.id)) : new Map<number, boolean>();
  return rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}`, dateOfBirth: r.dateOfBirth, emailOptOut: optOut.get(r.id) ?? false }));
}

/** The patient's wish not to get email; the job logs such messages as not sent, with the reason. */
export async function setEmailOptOut(stores: OpenStores, patientId: number, optOut: boolean): Promise<PatientCommunicationsView> {
  await patientRow(stores.sql, patientId);
  await patientRepository(stores.sql).setEmailOptOut(patientId, optOut);
  return patientCommunications(stores, patientId);
}

/**
 * A patient confirmed an appointment (by phone, a reply, at the desk): the appointment becomes
 * Confirmed through the scheduling rules, and the latest message about it records the answer.
 * Confirming an already confirmed appointment only records the answer again.
 */
export async function recordConfirmation(
  stores: OpenStores,
  input: { appointmentId: number; via: 'phone' | 'reply' | 'in_person' },
  clock: EpochMinuteClock,
): Promise<ConfirmationResult> {
  const appointment = await stores.sql.models.Appointment.findByPk(input.appointmentId, { attributes: ['id', 'patientId', 'status'] });
  if (!appointment) throw new AppFailure('NOT_FOUND', 'That appointment does not exist.');
  const status = appointment.status === 'Confirmed' ? 'Confirmed' : (await setAppointmentStatus(stores.sql, { appointmentId: input.appointmentId, status: 'Confirmed' }, clock)).status;
  const repo = stores.documents.communicationLogs;
  // The newest message about it (by time, then creation), preferring one that asked for a confirmation.
  const recent = (await repo.find({ patientId: appointment.patientId, appointmentId: appointment.id }, { sort: { sentAt: 'desc' }, limit: 20 })).sort(
    (a, b) => (b.sentAt?.getTime() ?? 0) - (a.sentAt?.getTime() ?? 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  const latest = recent.find((l) => l.responseTracking?.confirmationRequested) ?? recent[0];
  if (!latest) return { appointmentId: appointment.id, status, logId: null };
  await repo.update(latest.id, {
    responseTracking: { confirmationRequested: latest.responseTracking?.confirmationRequested ?? false, patientConfirmed: true, confirmedAt: new Date(clock() * 60_000) },
    metadata: { ...(latest.metadata ?? {}), confirmedVia: input.via },
  });
  return { appointmentId: appointment.id, status, logId: latest.id };
}
