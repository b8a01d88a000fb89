import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../electron/main/compose';
import { writeSettings } from '../../../electron/main/services/communications/communication-settings';
import { cancelAppointment, rescheduleAppointment } from '../../../electron/main/services/scheduling/booking';
import { NO_SMS_PROVIDER_REASON } from '../../../electron/main/services/communications/sms';
import { addDays } from '../../../shared/domain/scheduling';
import { newNoEmailPlaceholder } from '../../../shared/domain/reception/no-email';
import type { TempDir } from '../../support/services';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server';
import { WORKSTATION_STORES } from '../../support/workstation-stores';
import { fixedClock, MONDAY, NOW, seedClinic } from '../scheduling/clinic-fixture';
import { book, claimsOf, CLINIC, logsOf, openWorkstation, runJob, useSmtpServer } from './comms-fixture';

const TUESDAY = addDays(MONDAY, 1);
const mailsTo = (smtp: SmtpTestServer, email: string) => smtp.received.filter((m) => m.to.includes(email));

describe.each(WORKSTATION_STORES)('reminders and notices on the $name', (store) => {
  let smtp: SmtpTestServer;
  let workstation: Workstation;
  let dir: TempDir;
  let cleanup: () => Promise<void>;
  let doctors: { id: number; firstName: string; lastName: string }[];
  let patients: { id: number; firstName: string; email: string }[];
  let nextPatient = 0;
  const patient = () => {
    const p = patients[nextPatient++];
    if (!p) throw new Error('the fixture has too few patients');
    return p;
  };

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    const opened = await store.open();
    cleanup = opened.cleanup;
    ({ workstation, dir } = await openWorkstation(opened.env, 'desk-1'));
    const seeded = await seedClinic(workstation.runtime.stores().sql, { doctors: 2, patients: 11 });
    doctors = seeded.doctors;
    patients = seeded.patients;
    await useSmtpServer(workstation, smtp);
  });

  afterEach(() => {
    smtp.refuseRecipient = () => null;
    smtp.refuseData = () => null;
  });

  afterAll(async () => {
    await workstation?.close();
    await smtp?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('emails a reminder for an appointment within the lead time, with the right content, once', async () => {
    const p = patient();
    const doctor = doctors[0]!;
    const soon = await book(workstation, p.id, doctor.id, MONDAY, '09:00');
    const later = await book(workstation, p.id, doctor.id, TUESDAY, '10:00'); // 27 h ahead: not yet
    const before = smtp.received.length;

    const summary = await runJob(workstation);
    expect(summary.emailPaused).toBeNull();

    const reminders = mailsTo(smtp, p.email).filter((m) => m.subject.startsWith('Reminder'));
    expect(reminders).toHaveLength(1);
    const [reminder] = reminders;
    expect(reminder!.subject).toBe('Reminder: your appointment on Monday 7 December 2026 at 09:00');
    expect(reminder!.from).toBe('desk@riverside.test');
    expect(reminder!.decoded).toContain(`Dear ${p.firstName},`);
    expect(reminder!.decoded).toContain(`Dr. ${doctor.firstName} ${doctor.lastName} on Monday 7 December 2026 at 09:00`);
    expect(reminder!.decoded).toContain(CLINIC.address);
    expect(reminder!.decoded).toMatch(/Content-Type: text\/html/);
    // Both bookings were also confirmed (they were made after the feature arrived).
    expect(mailsTo(smtp, p.email).filter((m) => m.subject.includes('is booked'))).toHaveLength(2);

    const logs = await logsOf(workstation, soon.id, p.id);
    const reminderLog = logs.find((l) => l.type === 'appointment_reminder');
    expect(reminderLog).toMatchObject({
      communicationMethod: 'email',
      recipientEmail: p.email,
      subject: reminder!.subject,
      deliveryStatus: 'sent',
      doctorId: doctor.id,
      responseTracking: { confirmationRequested: true },
    });
    expect(reminderLog!.content).toContain(`Dear ${p.firstName},`);
    expect(reminderLog!.sentAt).toEqual(new Date(NOW * 60_000));
    const messageIdHeader = /^Message-ID: (.*)$/im.exec(reminder!.raw)?.[1]?.trim();
    expect(reminderLog!.metadata?.messageId).toBe(messageIdHeader);

    // A second run (or another workstation) finds it claimed: nothing goes twice.
    const count = smtp.received.length;
    const again = await runJob(workstation);
    expect(smtp.received.length).toBe(count);
    expect(again.sent).toBe(0);
    expect(count - before).toBe(3);

    // 23 hours before the later one, its reminder goes.
    await runJob(workstation, NOW + 4 * 60);
    expect(mailsTo(smtp, p.email).filter((m) => m.subject === 'Reminder: your appointment on Tuesday 8 December 2026 at 10:00')).toHaveLength(1);
    expect((await claimsOf(workstation, later.id)).map((c) => [c.kind, c.state])).toEqual([
      ['appointment_confirmation', 'sent'],
      ['appointment_reminder', 'sent'],
    ]);
  });

  it('retries a server that refuses for a while, with backoff, and delivers once it recovers', async () => {
    const p = patient();
    await runJob(workstation); // earlier tests' messages are out of the way
    let refusals = 0;
    smtp.refuseData = () => (refusals++ < 4 ? { code: 451, message: '4.3.0 Try again later' } : null);
    const appointment = await book(workstation, p.id, doctors[1]!.id, MONDAY, '11:00');

    const first = await runJob(workstation);
    expect(first.retrying).toBe(2); // the booking confirmation and the reminder
    let claims = await claimsOf(workstation, appointment.id);
    expect(claims.map((c) => [c.state, c.attempts, c.nextAttemptMin])).toEqual([
      ['retry', 1, NOW + 1],
      ['retry', 1, NOW + 1],
    ]);
    expect(claims[0]!.lastError).toContain('451');

    expect((await runJob(workstation)).retrying).toBe(0); // not due yet: nothing tried
    expect(refusals).toBe(2);
    await runJob(workstation, NOW + 1); // second attempts: refused again, next in 5 minutes
    claims = await claimsOf(workstation, appointment.id);
    expect(claims.map((c) => [c.state, c.attempts, c.nextAttemptMin])).toEqual([
      ['retry', 2, NOW + 6],
      ['retry', 2, NOW + 6],
    ]);
    const third = await runJob(workstation, NOW + 6); // the server has recovered
    expect(third.sent).toBe(2);
    expect(mailsTo(smtp, p.email)).toHaveLength(2);
    const logs = await logsOf(workstation, appointment.id, p.id);
    expect(logs.map((l) => [l.type, l.deliveryStatus, l.metadata?.attempts])).toEqual([
      ['appointment_confirmation', 'sent', 3],
      ['appointment_reminder', 'sent', 3],
    ]);
  });

  it('logs a message as failed with the reason after the last try', async () => {
    const p = patient();
    smtp.refuseRecipient = (address) => (address === p.email ? { code: 421, message: '4.7.0 Temporary system problem' } : null);
    const appointment = await book(workstation, p.id, doctors[0]!.id, MONDAY, '13:00');
    for (const at of [NOW, NOW + 1, NOW + 6, NOW + 21]) await runJob(workstation, at);
    const logs = await logsOf(workstation, appointment.id, p.id);
    expect(logs.map((l) => [l.type, l.deliveryStatus, l.metadata?.attempts])).toEqual([
      ['appointment_confirmation', 'failed', 4],
      ['appointment_reminder', 'failed', 4],
    ]);
    expect(String(logs[0]!.metadata?.failureReason)).toContain('4.7.0 Temporary system problem');
    expect(mailsTo(smtp, p.email)).toHaveLength(0);
    await runJob(workstation, NOW + 200);
    expect((await claimsOf(workstation, appointment.id)).map((c) => [c.state, c.attempts])).toEqual([
      ['failed', 4],
      ['failed', 4],
    ]);
  });

  it('logs a refused address as failed with the reason at once, without retrying', async () => {
    const p = patient();
    smtp.refuseRecipient = (address) => (address === p.email ? { code: 550, message: '5.1.1 No such user here' } : null);
    const appointment = await book(workstation, p.id, doctors[1]!.id, MONDAY, '14:00');
    const summary = await runJob(workstation);
    expect(summary.failed).toBe(2);
    const logs = await logsOf(workstation, appointment.id, p.id);
    expect(logs.map((l) => l.deliveryStatus)).toEqual(['failed', 'failed']);
    expect(logs[1]!.metadata?.failureReason).toBe('The mail server refused the recipient: 550 5.1.1 No such user here');
    expect((await claimsOf(workstation, appointment.id)).map((c) => [c.state, c.attempts])).toEqual([
      ['failed', 1],
      ['failed', 1],
    ]);
  });

  it('does not email a patient who asked not to, and logs why', async () => {
    const p = patient();
    const { sql } = workstation.runtime.stores();
    await sql.sequelize.query('UPDATE patients SET email_opt_out = :yes WHERE id = :id', { replacements: { yes: true, id: p.id } });
    const appointment = await book(workstation, p.id, doctors[0]!.id, MONDAY, '15:00');
    await runJob(workstation);
    expect(mailsTo(smtp, p.email)).toHaveLength(0);
    const logs = await logsOf(workstation, appointment.id, p.id);
    expect(logs.map((l) => [l.type, l.deliveryStatus, l.metadata?.notSentReason, l.sentAt])).toEqual([
      ['appointment_confirmation', 'not_sent', 'The patient asked not to receive email.', undefined],
      ['appointment_reminder', 'not_sent', 'The patient asked not to receive email.', undefined],
    ]);
  });

  it('does not email a patient without email (the .invalid placeholder), and logs why', async () => {
    const p = patient();
    const { sql } = workstation.runtime.stores();
    const placeholder = newNoEmailPlaceholder(`job-${p.id}`);
    await sql.models.Patient.update({ email: placeholder }, { where: { id: p.id } });
    const appointment = await book(workstation, p.id, doctors[1]!.id, MONDAY, '15:00');
    await runJob(workstation);
    expect(mailsTo(smtp, placeholder)).toHaveLength(0);
    const logs = await logsOf(workstation, appointment.id, p.id);
    expect(logs.map((l) => [l.type, l.deliveryStatus, l.metadata?.notSentReason, l.sentAt])).toEqual([
      ['appointment_confirmation', 'not_sent', 'The patient has no email address.', undefined],
      ['appointment_reminder', 'not_sent', 'The patient has no email address.', undefined],
    ]);
  });

  it('sends reschedule and cancellation notices for changes made anywhere, including an admin', async () => {
    const p = patient();
    const { sql } = workstation.runtime.stores();
    const appointment = await book(workstation, p.id, doctors[0]!.id, TUESDAY, '16:00');
    await runJob(workstation);
    await rescheduleAppointment(sql, { appointmentId: appointment.id, date: TUESDAY, time: '16:30' }, fixedClock());
    await runJob(workstation);
    const admin = { id: 1, kind: 'staff' as const, role: 'admin' as const, displayName: 'Admin' };
    await cancelAppointment(sql, { appointmentId: appointment.id, reason: 'Doctor away: day off added' }, admin, fixedClock());
    await runJob(workstation);
    await runJob(workstation, NOW + 60);
    const subjects = mailsTo(smtp, p.email).map((m) => m.subject);
    expect(subjects).toEqual([
      'Your appointment on Tuesday 8 December 2026 at 16:00 is booked',
      'Your appointment has moved to Tuesday 8 December 2026 at 16:30',
      'Your appointment on Tuesday 8 December 2026 at 16:30 is cancelled',
    ]);
    const types = (await logsOf(workstation, appointment.id, p.id)).map((l) => l.type);
    expect(types).toEqual(['appointment_confirmation', 'appointment_rescheduled', 'appointment_cancellation']);
  });

  it('a reminder claimed before a move is not sent for the old time', async () => {
    const p = patient();
    const { sql } = workstation.runtime.stores();
    smtp.refuseData = () => ({ code: 451, message: '4.3.0 busy' });
    const appointment = await book(workstation, p.id, doctors[1]!.id, MONDAY, '16:00');
    await runJob(workstation); // confirmation and reminder wait for a retry
    smtp.refuseData = () => null;
    await rescheduleAppointment(sql, { appointmentId: appointment.id, date: MONDAY, time: '17:00' }, fixedClock());
    await runJob(workstation, NOW + 1);
    const subjects = mailsTo(smtp, p.email).map((m) => m.subject);
    expect(subjects).not.toContain('Reminder: your appointment on Monday 7 December 2026 at 16:00');
    expect(subjects).toContain('Reminder: your appointment on Monday 7 December 2026 at 17:00');
  });

  it('logs SMS as not sent while no SMS provider is configured, never as delivered', async () => {
    const p = patient();
    const { sql } = workstation.runtime.stores();
    await writeSettings(sql, { messageMethods: 'email_and_sms' }, null);
    try {
      const appointment = await book(workstation, p.id, doctors[0]!.id, MONDAY, '17:00');
      await runJob(workstation);
      const logs = await logsOf(workstation, appointment.id, p.id);
      const sms = logs.filter((l) => l.communicationMethod === 'sms');
      expect(sms.map((l) => [l.type, l.deliveryStatus, l.metadata?.notSentReason])).toEqual([
        ['appointment_confirmation', 'not_sent', NO_SMS_PROVIDER_REASON],
        ['appointment_reminder', 'not_sent', NO_SMS_PROVIDER_REASON],
      ]);
      expect(sms.every((l) => l.recipientPhone && !l.sentAt)).toBe(true);
      expect(logs.filter((l) => l.communicationMethod === 'email').map((l) => l.deliveryStatus)).toEqual(['sent', 'sent']);
    } finally {
      await writeSettings(sql, { messageMethods: 'email' }, null);
    }
  });
});
