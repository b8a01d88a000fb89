import type { CommunicationLog, PatientFeedback, Prescription, SystemAuditLog } from '../../../../shared/documents';
import { copiesPatch, doctorDisplayName, patientDisplayName } from '../../../../shared/domain/integration/copied-names';
import {
  INTEGRITY_KIND_LABELS,
  INTEGRITY_KINDS,
  type IntegrityCollection,
  type IntegrityItem,
  type IntegrityKind,
  type IntegrityReport,
  type ScheduledIntegrityRun,
} from '../../../../shared/ipc/consistency/types';
import { instantToWall } from '../../../../shared/domain/scheduling';
import type { DocumentStore } from '../../data/documents/document-store';
import { CopySyncStore } from '../../data/sql/consistency/copy-sync-store';
import { IntegrityStore } from '../../data/sql/consistency/integrity-store';
import type { SqlStore } from '../../data/sql/open-sql-store';

/**
 * The cross-store integrity check (the seed's "cross-database referential integrity checks via
 * application logic"): reads every document collection a page at a time, asks the relational
 * store about the ids each page names in a few IN queries, and lists per kind what the two
 * stores disagree on. It only reads; repairs are separate, one item at a time (`integrity-repair.ts`).
 */

export interface IntegrityDeps {
  sql: SqlStore;
  documents: DocumentStore;
  nowMs?: () => number;
}

const PAGE = 1000;
const ITEMS_PER_KIND = 100;

type Scanned = Exclude<IntegrityCollection, 'message_claims'>;

class Findings {
  readonly counts = new Map<IntegrityKind, number>(INTEGRITY_KINDS.map((k) => [k, 0]));
  readonly items = new Map<IntegrityKind, IntegrityItem[]>(INTEGRITY_KINDS.map((k) => [k, []]));
  constructor(private readonly flagged: Set<string>) {}

  add(item: Omit<IntegrityItem, 'flagged'>, count = 1): void {
    this.counts.set(item.kind, this.counts.get(item.kind)! + count);
    const list = this.items.get(item.kind)!;
    if (list.length < ITEMS_PER_KIND) list.push({ ...item, flagged: this.flagged.has(flagKey(item.collection, item.documentId, item.kind)) });
  }
}

const COPY_FIELD_WORDS = {
  patientName: 'patient name',
  doctorName: 'doctor name',
  currentPatientName: 'current patient name beside the signed one',
  currentDoctorName: 'current doctor name beside the signed one',
} as const;

const MESSAGE_WORDS: Partial<Record<string, string>> = {
  appointment_reminder: 'Reminder',
  appointment_confirmation: 'Booking confirmation',
  appointment_rescheduled: 'Reschedule notice',
  appointment_cancellation: 'Cancellation notice',
};

export const flagKey = (collection: string, documentId: string, kind: string) => `${collection}|${documentId}|${kind}`;

interface Referencing {
  id: string;
  patientId?: number | undefined;
  doctorId?: number | undefined;
  appointmentId?: number | undefined;
}

/** Reads a collection in pages of PAGE (sorted by id, so paging is stable) and hands each page on. */
async function eachPage<T>(read: (skip: number) => Promise<T[]>, onPage: (page: T[]) => Promise<void>): Promise<number> {
  let seen = 0;
  for (let skip = 0; ; skip += PAGE) {
    const page = await read(skip);
    if (page.length > 0) await onPage(page);
    seen += page.length;
    if (page.length < PAGE) return seen;
  }
}

const numbers = (values: (number | undefined)[]): number[] => values.filter((v): v is number => typeof v === 'number');

/** Documents naming patients, doctors or appointments the relational store no longer has. */
async function orphans(store: IntegrityStore, findings: Findings, collection: Scanned, page: readonly Referencing[], repairable: boolean): Promise<void> {
  const [patients, doctors, appointments] = await Promise.all([
    store.existingIds('patients', numbers(page.map((d) => d.patientId))),
    store.existingIds('doctors', numbers(page.map((d) => d.doctorId))),
    store.existingIds('appointments', numbers(page.map((d) => d.appointmentId))),
  ]);
  const repair = repairable ? 'flag_for_review' : null;
  for (const doc of page) {
    if (doc.patientId !== undefined && !patients.has(doc.patientId)) {
      findings.add({ kind: 'missing_patient', collection, documentId: doc.id, patientId: doc.patientId, detail: `Patient ${doc.patientId} does not exist`, repair });
    }
    if (doc.doctorId !== undefined && !doctors.has(doc.doctorId)) {
      findings.add({ kind: 'missing_doctor', collection, documentId: doc.id, patientId: doc.patientId ?? null, detail: `Doctor ${doc.doctorId} does not exist`, repair });
    }
    if (doc.appointmentId !== undefined && !appointments.has(doc.appointmentId)) {
      findings.add({
        kind: 'missing_appointment',
        collection,
        documentId: doc.id,
        patientId: doc.patientId ?? null,
        detail: `Appointment ${doc.appointmentId} does not exist`,
        repair,
      });
    }
  }
}

async function checkPrescriptions(deps: IntegrityDeps, store: IntegrityStore, findings: Findings, page: readonly Prescription[]): Promise<void> {
  await orphans(store, findings, 'prescriptions', page, true);
  const people = new CopySyncStore(deps.sql);
  const [appointments, patients, doctors] = await Promise.all([
    store.appointments(page.map((d) => d.appointmentId)),
    people.people('patient', [...new Set(page.map((d) => d.patientId))]),
    people.people('doctor', [...new Set(page.map((d) => d.doctorId))]),
  ]);
  const patientNames = new Map(patients.map((p) => [p.id, patientDisplayName(p)]));
  const doctorNames = new Map(doctors.map((d) => [d.id, doctorDisplayName(d)]));
  for (const doc of page) {
    const appointment = appointments.get(doc.appointmentId);
    if (appointment && (appointment.patientId !== doc.patientId || appointment.doctorId !== doc.doctorId)) {
      const whose = appointment.patientId !== doc.patientId ? `patient ${appointment.patientId}` : `doctor ${appointment.doctorId}`;
      findings.add({
        kind: 'appointment_mismatch',
        collection: 'prescriptions',
        documentId: doc.id,
        patientId: doc.patientId,
        detail: `Appointment ${appointment.id} belongs to ${whose}`,
        repair: 'flag_for_review',
      });
    }
    const patientName = patientNames.get(doc.patientId);
    const doctorName = doctorNames.get(doc.doctorId);
    const patch = copiesPatch(doc, { ...(patientName ? { patientName } : {}), ...(doctorName ? { doctorName } : {}) });
    if (patch) {
      findings.add({
        kind: 'stale_copy',
        collection: 'prescriptions',
        documentId: doc.id,
        patientId: doc.patientId,
        detail: `Out of date: ${Object.keys(patch).map((field) => COPY_FIELD_WORDS[field as keyof typeof COPY_FIELD_WORDS]).join(', ')}`,
        repair: 'resync_copy',
      });
    }
  }
}

async function checkFeedback(store: IntegrityStore, findings: Findings, page: readonly PatientFeedback[]): Promise<void> {
  await orphans(store, findings, 'patient_feedback', page, true);
  const appointments = await store.appointments(page.map((d) => d.appointmentId));
  for (const doc of page) {
    const appointment = appointments.get(doc.appointmentId);
    if (appointment && appointment.status !== 'Completed') {
      findings.add({
        kind: 'feedback_not_completed',
        collection: 'patient_feedback',
        documentId: doc.id,
        patientId: doc.patientId,
        detail: `Appointment ${appointment.id} is ${appointment.status}`,
        repair: 'flag_for_review',
      });
    }
  }
}

export async function runIntegrityCheck(deps: IntegrityDeps): Promise<IntegrityReport> {
  const now = deps.nowMs ?? Date.now;
  const started = now();
  const store = new IntegrityStore(deps.sql);
  const [flags, lastRun] = await Promise.all([store.flags(), store.lastRun()]);
  const findings = new Findings(new Set(flags.map((f) => flagKey(f.collectionName, f.documentId, f.kind))));
  const { documents } = deps;
  const scanned: Record<Scanned, number> = {
    prescriptions: await eachPage(
      (skip) => documents.prescriptions.find({}, { sort: { id: 'asc' }, limit: PAGE, skip }),
      (page) => checkPrescriptions(deps, store, findings, page),
    ),
    patient_feedback: await eachPage(
      (skip) => documents.patientFeedback.find({}, { sort: { id: 'asc' }, limit: PAGE, skip }),
      (page) => checkFeedback(store, findings, page),
    ),
    communication_logs: await eachPage(
      (skip) => documents.communicationLogs.find({}, { sort: { id: 'asc' }, limit: PAGE, skip }),
      (page: CommunicationLog[]) => orphans(store, findings, 'communication_logs', page, true),
    ),
    // Audit records are history: a record about a patient deleted since is listed, never changed.
    system_audit_logs: await eachPage(
      (skip) => documents.systemAuditLogs.find({ patientId: { $gt: 0 } }, { sort: { id: 'asc' }, limit: PAGE, skip }),
      (page: SystemAuditLog[]) => orphans(store, findings, 'system_audit_logs', page.map((r) => ({ id: r.id, patientId: r.patientId })), false),
    ),
  };
  const { total, claims } = await store.sentClaimsWithoutLog(ITEMS_PER_KIND);
  for (const [i, claim] of claims.entries()) {
    findings.add(
      {
        kind: 'claim_without_log',
        collection: 'message_claims',
        documentId: String(claim.id),
        patientId: null,
        detail: `${MESSAGE_WORDS[claim.kind] ?? 'Message'} by ${claim.method}${claim.appointmentId ? ` for appointment ${claim.appointmentId}` : ''}, sent by ${claim.claimedBy ?? 'a workstation'}`,
        repair: 'write_missing_log',
      },
      // the count is the claims' total, not only the ones listed
      i === 0 ? total - claims.length + 1 : 1,
    );
  }
  return {
    checkedAt: new Date(started).toISOString(),
    tookMs: now() - started,
    scanned,
    kinds: INTEGRITY_KINDS.map((kind) => ({ kind, label: INTEGRITY_KIND_LABELS[kind], count: findings.counts.get(kind)!, items: findings.items.get(kind)! })),
    lastScheduled: lastRun ? { runDate: lastRun.runDate, workstation: lastRun.claimedBy, ...(JSON.parse(lastRun.summary) as Omit<ScheduledIntegrityRun, 'runDate' | 'workstation'>) } : null,
  };
}

export interface NightlyCheckDeps extends IntegrityDeps {
  workstation: string;
  /** Epoch minutes. */
  clock: () => number;
  timezone: string;
  /** integrity_check_hour: -1 is off. */
  hour: number;
}

/**
 * The nightly check: once the clinic's clock has passed the set hour, the first workstation to
 * claim the date runs it and keeps the counts (not the lists: they name patients' ids, and the
 * screen runs a fresh check anyway). Null when it is not time, or another workstation has it.
 */
export async function runNightlyIntegrityCheck(deps: NightlyCheckDeps): Promise<ScheduledIntegrityRun | null> {
  if (deps.hour < 0) return null;
  const wall = instantToWall(deps.clock(), deps.timezone);
  if (Math.floor(wall.minutes / 60) < deps.hour) return null;
  const store = new IntegrityStore(deps.sql);
  if (!(await store.claimRun(wall.date, deps.workstation))) return null;
  const report = await runIntegrityCheck(deps);
  const summary = { tookMs: report.tookMs, counts: Object.fromEntries(report.kinds.map((k) => [k.kind, k.count])) as Record<IntegrityKind, number> };
  await store.finishRun(wall.date, JSON.stringify(summary), new Date());
  return { runDate: wall.date, workstation: deps.workstation, ...summary };
}
