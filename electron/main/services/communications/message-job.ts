import { serverNowMs } from '../../data/sql/repositories/server-clock-repository';
import { Op, UniqueConstraintError } from 'sequelize';
import { afterFailure, SEND_LEASE_MINUTES } from '../../../../shared/domain/communications/delivery';
import { renderTemplate, type MessageKind } from '../../../../shared/domain/communications/templates';
import type { ClinicSettings } from '../../../../shared/domain/settings-registry';
import type { CommunicationLogInput, DeliveryStatus } from '../../../../shared/documents';
import type { MessageRunSummary } from '../../../../shared/ipc/communications/types';
import type { DocumentStore } from '../../data/documents/document-store';
import { messageClaims, type ClaimState, type MessageClaim } from '../../data/sql/models/message-claim';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { messageRepository } from '../../data/sql/repositories/message-repository';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';
import {
  appointmentForMessage,
  appointmentsChangedSince,
  appointmentsStartingWithin,
  slotState,
  SLOT_KINDS,
  templateValues,
  type AppointmentForMessage,
} from './appointment-messages';
import { smtpConfigOrReason } from './communication-settings';
import { Mailer, SendError, type SendFailure } from './mailer';
import { NO_SMS_PROVIDER_REASON, smsProviderFor, type SmsProvider } from './sms';
import type { SmtpPasswordKeeper } from './smtp-password';
import { deliverableEmail } from '../../../../shared/domain/reception/no-email';

export interface MessageJobDeps {
  sql: SqlStore;
  documents: DocumentStore;
  keeper: SmtpPasswordKeeper;
  /** Epoch minutes: appointment times, retry times and leases. */
  clock: EpochMinuteClock;
  /**
   * The server's time in ms: the scan cursor, compared with appointments.updated_at, which the
   * database stamps. The database's clock unless a test moves it.
   */
  serverNowMs?: () => Promise<number>;
  /** Recorded in the claim row: which workstation sends. */
  workstation: string;
  /** Tests plug a gateway in here; the app takes the one the setting names. */
  smsProvider?: SmsProvider | null;
}

type Method = 'email' | 'sms';

/** Changes may commit a little after their updated_at: the scan looks back this far. */
const SCAN_OVERLAP_MS = 10 * 60_000;

interface Candidate {
  appointment: AppointmentForMessage;
  kind: MessageKind | 'baseline';
  method: Method;
  state: string;
}

const claimKey = (c: Pick<Candidate, 'appointment' | 'method' | 'state'>, family: string) => `${family}|${c.appointment.id}|${c.state}|${c.method}`;
const familyOf = (kind: Candidate['kind']) => (kind === 'appointment_reminder' ? 'reminder' : kind === 'appointment_cancellation' ? 'cancel' : 'slot');

function methodsOf(settings: ClinicSettings): Method[] {
  return settings.messageMethods === 'email_and_sms' ? ['email', 'sms'] : [settings.messageMethods as Method];
}

/**
 * One pass of the reminder and notice job. Safe to run on every workstation at once: each message
 * is claimed by inserting its row in message_claims (UNIQUE claim_key) before anything is sent,
 * and only the workstation whose insert succeeded sends it. Retries are taken over by a
 * compare-and-set update on the claim row. Nothing here needs a transaction spanning the SQL and
 * the document store (FerretDB has none).
 */
export async function runMessageJob(deps: MessageJobDeps): Promise<MessageRunSummary> {
  const { sql } = deps;
  const settings = await loadClinicSettings(sql.models);
  const now = deps.clock();
  const summary: MessageRunSummary = { sent: 0, failed: 0, notSent: 0, retrying: 0, skipped: 0, emailPaused: null };
  const email = await smtpConfigOrReason(settings, deps.keeper);
  if ('reason' in email) summary.emailPaused = email.reason;
  const methods = methodsOf(settings).filter((m) => m !== 'email' || 'config' in email);
  const mailer = 'config' in email ? new Mailer(email.config) : null;
  const sender: Sender = {
    mailer,
    sms: deps.smsProvider === undefined ? smsProviderFor(settings.smsProvider) : deps.smsProvider,
    smtpHost: settings.smtpHost,
  };
  const Claims = messageClaims(sql.sequelize);
  try {
    await expireInterruptedSends(deps, settings, sender, now, summary);
    // Notices first: a booking made minutes before its reminder is due is confirmed before it is reminded.
    // With no way to send (email paused, no other method) the notice cursor stays put: changes made
    // meanwhile are noticed once a method works again.
    const candidates =
      methods.length === 0 ? [] : [...(await noticeCandidates(deps, settings, now, methods)), ...(await reminderCandidates(sql, settings, now, methods))];
    const known = await existingKeys(deps, candidates.map((c) => claimKey(c, familyOf(c.kind))));
    for (const candidate of candidates) {
      const key = claimKey(candidate, familyOf(candidate.kind));
      if (known.has(key)) continue;
      const claim = await tryClaim(deps, candidate, key, now);
      if (!claim) {
        summary.skipped++;
        continue;
      }
      await deliver(deps, settings, sender, claim, now, summary);
    }
    // Retries that are due, whoever made the first attempt; the conditional update takes each one once.
    const due = await Claims.findAll({ where: { state: 'retry', nextAttemptMin: { [Op.lte]: now } }, order: [['id', 'ASC']] });
    for (const row of due) {
      const [taken] = await Claims.update(
        { state: 'sending', leaseUntilMin: now + SEND_LEASE_MINUTES, claimedBy: deps.workstation },
        { where: { id: row.id, state: 'retry' } },
      );
      if (taken !== 1) {
        summary.skipped++;
        continue;
      }
      await row.reload(); // the instance must know it is `sending` now, or a later `retry` would look unchanged
      await deliver(deps, settings, sender, row, now, summary);
    }
  } finally {
    mailer?.close();
  }
  return summary;
}

async function reminderCandidates(sql: SqlStore, settings: ClinicSettings, now: number, methods: Method[]): Promise<Candidate[]> {
  const due = await appointmentsStartingWithin(sql, settings.timezone, now, settings.reminderLeadHours * 60);
  return due.flatMap((appointment) => methods.map((method) => ({ appointment, kind: 'appointment_reminder' as const, method, state: slotState(appointment) })));
}

/**
 * Booking confirmations, reschedule and cancellation notices, read from the data: every
 * appointment changed since the shared cursor. A slot (date, time, doctor) not seen before is a
 * booking when the appointment is new and a move when an earlier slot of it was noted; an older
 * appointment seen for the first time (it predates the notices) is noted without a message.
 * Cancellations by anyone (the desk, an admin's day off, another workstation) look the same here.
 */
async function noticeCandidates(deps: MessageJobDeps, settings: ClinicSettings, now: number, methods: Method[]): Promise<Candidate[]> {
  const { sql } = deps;
  const scanStartedMs = deps.serverNowMs ? await deps.serverNowMs() : await serverNowMs(sql);
  const messages = messageRepository(sql);
  const since = new Date(((await messages.noticeScanCursor()) ?? scanStartedMs) - SCAN_OVERLAP_MS);
  const changed = await appointmentsChangedSince(sql, settings.timezone, since, now);
  const Claims = messageClaims(sql.sequelize);
  const earlierSlots = changed.length
    ? await Claims.findAll({
        attributes: ['appointmentId', 'appointmentState'],
        where: { appointmentId: changed.map((a) => a.id), kind: [...SLOT_KINDS, 'baseline'] },
      })
    : [];
  const candidates: Candidate[] = [];
  for (const appointment of changed) {
    if (appointment.status === 'Cancelled') {
      for (const method of methods) candidates.push({ appointment, kind: 'appointment_cancellation', method, state: 'cancelled' });
      continue;
    }
    if (appointment.status !== 'Scheduled' && appointment.status !== 'Confirmed') continue;
    const state = slotState(appointment);
    const seen = earlierSlots.filter((c) => c.appointmentId === appointment.id);
    if (seen.some((c) => c.appointmentState === state)) continue;
    const kind = seen.length > 0 ? 'appointment_rescheduled' : appointment.isNew ? 'appointment_confirmation' : 'baseline';
    for (const method of kind === 'baseline' ? (['email'] as const) : methods) candidates.push({ appointment, kind, method, state });
  }
  await messages.advanceNoticeScanCursor(scanStartedMs);
  return candidates;
}

async function existingKeys(deps: MessageJobDeps, keys: string[]): Promise<Set<string>> {
  const Claims = messageClaims(deps.sql.sequelize);
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await Claims.findAll({ attributes: ['claimKey'], where: { claimKey: keys.slice(i, i + 500) } });
    for (const row of rows) found.add(row.claimKey);
  }
  return found;
}

/** Inserts the claim; null when another workstation (or an earlier run) inserted it first. */
async function tryClaim(deps: MessageJobDeps, c: Candidate, key: string, now: number): Promise<MessageClaim | null> {
  try {
    return await messageClaims(deps.sql.sequelize).create({
      claimKey: key,
      appointmentId: c.appointment.id,
      kind: c.kind,
      method: c.method,
      appointmentState: c.state,
      // A baseline notes an older appointment's slot; there is nothing to send for it.
      state: c.kind === 'baseline' ? 'void' : 'sending',
      leaseUntilMin: now + SEND_LEASE_MINUTES,
      claimedBy: deps.workstation,
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) return null;
    throw error;
  }
}

interface Sender {
  mailer: Mailer | null;
  sms: SmsProvider | null;
  smtpHost: string;
}

type Outcome =
  | { status: 'sent'; messageId: string }
  | { status: 'not_sent'; reason: string }
  | { status: 'failed'; failure: SendFailure };

/** Sends one claimed message (or decides it cannot go) and records the outcome in the claim and the log. */
async function deliver(deps: MessageJobDeps, settings: ClinicSettings, sender: Sender, claim: MessageClaim, now: number, summary: MessageRunSummary): Promise<void> {
  if (claim.state === 'void') return;
  const kind = claim.kind as MessageKind;
  const appointment = claim.appointmentId === null ? null : await appointmentForMessage(deps.sql, claim.appointmentId);
  if (!appointment || !stillTrue(claim, appointment)) {
    // Moved or cancelled since it was claimed: the message about the old state must not go out.
    await claim.update({ state: 'void', leaseUntilMin: null });
    return;
  }
  const message = renderTemplate(settings.messageTemplates[kind], templateValues(appointment, settings));
  const attempts = claim.attempts + 1;
  const method = claim.method;
  let outcome: Outcome;
  if (!appointment.patientActive) outcome = { status: 'not_sent', reason: 'The patient record is deactivated.' };
  else if (method === 'email' && appointment.emailOptOut) outcome = { status: 'not_sent', reason: 'The patient asked not to receive email.' };
  else if (method === 'email' && deliverableEmail(appointment.email) === null) outcome = { status: 'not_sent', reason: 'The patient has no email address.' };
  else if (method === 'sms' && !sender.sms) outcome = { status: 'not_sent', reason: NO_SMS_PROVIDER_REASON };
  else {
    try {
      const sent =
        method === 'email'
          ? await (sender.mailer as Mailer).send({ to: appointment.email, subject: message.subject, text: message.text, html: message.html })
          : await (sender.sms as SmsProvider).send(appointment.phone, message.text);
      outcome = { status: 'sent', messageId: sent.messageId };
    } catch (error) {
      outcome = { status: 'failed', failure: error instanceof SendError ? error.failure : { transient: true, reason: 'Sending failed.' } };
    }
  }

  if (outcome.status === 'failed') {
    const next = afterFailure(attempts, outcome.failure.transient, now);
    if (next.retry) {
      await claim.update({ state: 'retry', attempts, nextAttemptMin: next.nextAttemptAt, leaseUntilMin: null, lastError: outcome.failure.reason });
      summary.retrying++;
      return;
    }
  }
  const finalState: ClaimState = outcome.status;
  await claim.update({
    state: finalState,
    attempts: outcome.status === 'not_sent' ? claim.attempts : attempts,
    nextAttemptMin: null,
    leaseUntilMin: null,
    lastError: outcome.status === 'failed' ? outcome.failure.reason : outcome.status === 'not_sent' ? outcome.reason : null,
    messageId: outcome.status === 'sent' ? outcome.messageId : null,
  });
  if (outcome.status === 'sent') summary.sent++;
  else if (outcome.status === 'failed') summary.failed++;
  else summary.notSent++;

  const deliveryStatus: DeliveryStatus = outcome.status;
  const log: CommunicationLogInput = {
    type: kind,
    patientId: appointment.patientId,
    doctorId: appointment.doctorId,
    appointmentId: appointment.id,
    communicationMethod: method,
    ...(method === 'email' ? { recipientEmail: appointment.email, subject: message.subject } : { recipientPhone: appointment.phone }),
    content: message.text,
    ...(outcome.status === 'not_sent' ? {} : { sentAt: new Date(now * 60_000) }),
    deliveryStatus,
    readStatus: 'unknown',
    responseTracking: { confirmationRequested: kind === 'appointment_reminder' },
    metadata: {
      ...(method === 'email' ? { emailProvider: `SMTP ${sender.smtpHost}` } : sender.sms ? { smsProvider: sender.sms.name } : {}),
      ...(outcome.status === 'sent' ? { messageId: outcome.messageId } : {}),
      campaignId: `${kind}s_${appointment.date.slice(0, 7)}`,
      attempts: outcome.status === 'not_sent' ? 0 : attempts,
      ...(outcome.status === 'failed' ? { failureReason: outcome.failure.reason } : {}),
      ...(outcome.status === 'not_sent' ? { notSentReason: outcome.reason } : {}),
      workstation: deps.workstation,
    },
  };
  const stored = await deps.documents.communicationLogs.insert(log);
  await claim.update({ logId: stored.id });
}

/** The claim still describes the appointment: same slot for reminders and slot notices, still cancelled for a cancellation. */
function stillTrue(claim: MessageClaim, a: AppointmentForMessage): boolean {
  if (claim.kind === 'appointment_cancellation') return a.status === 'Cancelled';
  return (a.status === 'Scheduled' || a.status === 'Confirmed') && claim.appointmentState === slotState(a);
}

/**
 * A workstation that stopped in the middle of a send left its claim in `sending`. Whether the
 * server took the message cannot be known, so it is not sent again (a duplicate is worse than a
 * gap staff can see): it is logged as failed with that reason.
 */
const INTERRUPTED = 'Interrupted while sending (the workstation stopped); not sent again to avoid a duplicate.';

async function expireInterruptedSends(deps: MessageJobDeps, settings: ClinicSettings, sender: Sender, now: number, summary: MessageRunSummary): Promise<void> {
  const Claims = messageClaims(deps.sql.sequelize);
  const stale = await Claims.findAll({ where: { state: 'sending', leaseUntilMin: { [Op.lt]: now } } });
  for (const claim of stale) {
    const [taken] = await Claims.update(
      { state: 'failed', leaseUntilMin: null, lastError: INTERRUPTED },
      { where: { id: claim.id, state: 'sending', leaseUntilMin: { [Op.lt]: now } } },
    );
    if (taken !== 1) continue;
    summary.failed++;
    const appointment = claim.appointmentId === null ? null : await appointmentForMessage(deps.sql, claim.appointmentId);
    if (!appointment || claim.kind === 'baseline') continue;
    const message = renderTemplate(settings.messageTemplates[claim.kind as MessageKind], templateValues(appointment, settings));
    const stored = await deps.documents.communicationLogs.insert({
      type: claim.kind as MessageKind,
      patientId: appointment.patientId,
      doctorId: appointment.doctorId,
      appointmentId: appointment.id,
      communicationMethod: claim.method,
      ...(claim.method === 'email' ? { recipientEmail: appointment.email, subject: message.subject } : { recipientPhone: appointment.phone }),
      content: message.text,
      sentAt: new Date(now * 60_000),
      deliveryStatus: 'failed',
      metadata: { failureReason: INTERRUPTED, attempts: claim.attempts + 1, workstation: deps.workstation, emailProvider: `SMTP ${sender.smtpHost}` },
    });
    await Claims.update({ logId: stored.id }, { where: { id: claim.id } });
  }
}
