import { DEFAULT_DISPLAY_LOCALE, formatDayLong } from '../../../shared/domain/display-format';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../electron/main/compose';
import { DEFAULT_TEMPLATES } from '../../../shared/domain/communications/templates';
import type {
  CommunicationLogPage,
  CommunicationSettingsView,
  ConfirmationResult,
  MessageRunSummary,
  PatientCommunicationsView,
  PatientMatch,
  TestMessageResult,
} from '../../../shared/ipc/communications/types';
import { addDays } from '../../../shared/domain/scheduling';
import type { TempDir } from '../../support/services';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, tomorrow, type RoleAccount } from '../auth/accounts-fixture';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import type { Role } from '../../../shared/ipc/permissions';
import { fixedClock, seedClinic } from '../scheduling/clinic-fixture';
import { openWorkstation } from './comms-fixture';

const SECRET = 'smtp-pass-Zq81!';
const DAY = tomorrow();
const longDate = (date: string) => formatDayLong(date, DEFAULT_DISPLAY_LOCALE);

describe.each(WORKSTATION_STORES)('communications channels on the $name', (store) => {
  let smtp: SmtpTestServer;
  let workstation: Workstation;
  let dir: TempDir;
  let cleanup: () => Promise<void>;
  let accounts: Record<Role, RoleAccount>;
  let patient: { id: number; firstName: string; lastName: string; email: string };
  let appointmentId: number;

  const settingsInput = (overrides: Record<string, unknown> = {}) => ({
    clinicAddress: '12 Test Lane, Sampleton',
    methods: 'email',
    reminderLeadHours: 48,
    jobIntervalMinutes: 5,
    smtpHost: '127.0.0.1',
    smtpPort: smtp.port,
    smtpSecurity: 'none',
    smtpUser: '',
    smtpFrom: 'desk@riverside.test',
    ...overrides,
  });

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    const opened = await store.open();
    cleanup = opened.cleanup;
    ({ workstation, dir } = await openWorkstation(opened.env, 'desk-channels'));
    const { sql } = workstation.runtime.stores();
    const seeded = await seedClinic(sql, { doctors: 1, patients: 2 });
    patient = seeded.patients[0]!;
    accounts = await createAccounts(sql);
    // The workstation's pinned clock stands at Monday 07:00: tomorrow 10:00 is within a 48-hour lead time.
    appointmentId = (await bookAppointment(sql, { patientId: patient.id, doctorId: seeded.doctors[0]!.id, date: DAY, time: '10:00', idempotencyKey: `ch-${store.name}` }, fixedClock())).id;
  });

  afterAll(async () => {
    await workstation?.audit.flush();
    await workstation?.close();
    await smtp?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('keeps the SMTP password out of clinic_settings and out of every answer', async () => {
    workstation.session.signIn(accounts.admin.user);
    const saved = await workstation.dispatch('communications.settings.save', settingsInput({ smtpPassword: SECRET }));
    const view = expectOk<CommunicationSettingsView>(saved);
    expect(view).toMatchObject({ smtpHost: '127.0.0.1', passwordStored: true, passwordStorage: 'session' });
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(JSON.stringify(await workstation.dispatch('communications.settings.get', {}))).not.toContain(SECRET);
    const rows = await workstation.runtime.stores().sql.sequelize.query<{ v: string }>('SELECT setting_value AS v FROM clinic_settings', { type: QueryTypes.SELECT });
    expect(rows.some((r) => r.v.includes(SECRET))).toBe(false);
    // No safeStorage on this test workstation: the password lives in memory only, nothing on disk.
    const secrets = await workstation.runtime.stores().local.sequelize.query('SELECT * FROM local_secrets', { type: QueryTypes.SELECT });
    expect(secrets).toEqual([]);
    // Removing it: '' clears, absent keeps.
    expect(expectOk<CommunicationSettingsView>(await workstation.dispatch('communications.settings.save', settingsInput())).passwordStored).toBe(true);
    expect(expectOk<CommunicationSettingsView>(await workstation.dispatch('communications.settings.save', settingsInput({ smtpPassword: '' }))).passwordStored).toBe(false);
  });

  it('refuses bad settings and a template with an unknown placeholder, naming the field', async () => {
    workstation.session.signIn(accounts.admin.user);
    const bad = await workstation.dispatch('communications.settings.save', settingsInput({ smtpPort: 0, smtpFrom: 'not-an-address' }));
    expect(errorCode(bad)).toBe('VALIDATION');
    const fields = (bad.ok ? [] : (bad.error.details as { fields: { field: string }[] }).fields).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['smtpPort', 'smtpFrom']));
    const template = { ...DEFAULT_TEMPLATES, appointment_reminder: { subject: 'Hi', body: 'Dear {{patient}}' } };
    const refused = await workstation.dispatch('communications.templates.save', { templates: template });
    expect(refused.ok ? null : (refused.error.details as { fields: { field: string; message: string }[] }).fields[0]).toEqual({
      field: 'templates.appointment_reminder.body',
      message: 'Unknown placeholder: {{patient}}',
    });
  });

  it('sends a test message with the saved settings', async () => {
    workstation.session.signIn(accounts.admin.user);
    const result = expectOk<TestMessageResult>(await workstation.dispatch('communications.settings.sendTest', { to: 'it.desk@riverside.test' }));
    expect(result.delivered).toBe(true);
    expect(smtp.received.at(-1)?.to).toEqual(['it.desk@riverside.test']);
    expect(smtp.received.at(-1)?.subject).toBe('Clinic Desk: test message'); // the clinic has no name in this fixture
  });

  it('runs the job on demand with an edited template, and shows the reminder in the log and the patient history', async () => {
    workstation.session.signIn(accounts.admin.user);
    const templates = { ...DEFAULT_TEMPLATES, appointment_reminder: { subject: 'See you {{date}}', body: 'Hello {{patientName}}, {{time}} with {{doctorName}}.' } };
    expectOk(await workstation.dispatch('communications.templates.save', { templates }));
    const summary = expectOk<MessageRunSummary>(await workstation.dispatch('communications.job.runNow', {}));
    expect(summary.sent).toBeGreaterThanOrEqual(1);
    expect(smtp.received.some((m) => m.subject === `See you ${longDate(DAY)}` && m.decoded.includes(`Hello ${patient.firstName} ${patient.lastName}, 10:00`))).toBe(true);

    workstation.session.signIn(accounts.front_desk.user);
    const page = expectOk<CommunicationLogPage>(await workstation.dispatch('communications.log.search', { type: 'appointment_reminder', status: 'sent', from: addDays(DAY, -1), to: addDays(DAY, -1) }));
    expect(page.rows.map((r) => [r.patientName, r.subject, r.deliveryStatus])).toEqual([[`${patient.firstName} ${patient.lastName}`, `See you ${longDate(DAY)}`, 'sent']]);
    const none = expectOk<CommunicationLogPage>(await workstation.dispatch('communications.log.search', { type: 'appointment_reminder', from: addDays(DAY, 1) }));
    expect(none.total).toBe(0);

    const found = expectOk<PatientMatch[]>(await workstation.dispatch('communications.patient.find', { query: patient.lastName.slice(0, 4) }));
    expect(found.map((p) => p.id)).toContain(patient.id);
    const auditsBefore = await workstation.runtime.stores().documents.systemAuditLogs.count({ patientId: patient.id });
    await workstation.audit.flush(); // networked: audit records travel through the outbox
    const history = expectOk<PatientCommunicationsView>(await workstation.dispatch('communications.patient.history', { patientId: patient.id }));
    await workstation.audit.flush();
    expect(history.messages.map((m) => m.type)).toEqual(expect.arrayContaining(['appointment_reminder', 'appointment_confirmation']));
    expect(await workstation.runtime.stores().documents.systemAuditLogs.count({ patientId: patient.id })).toBe(auditsBefore + 1);
  });

  it('records a confirmation by phone: the appointment is Confirmed and the latest message says so', async () => {
    workstation.session.signIn(accounts.front_desk.user);
    const result = expectOk<ConfirmationResult>(await workstation.dispatch('communications.appointment.recordConfirmation', { appointmentId, via: 'phone' }));
    expect(result.status).toBe('Confirmed');
    expect(result.logId).not.toBeNull();
    const log = await workstation.runtime.stores().documents.communicationLogs.findById(result.logId!);
    expect(log?.type).toBe('appointment_reminder');
    expect(log?.responseTracking).toMatchObject({ confirmationRequested: true, patientConfirmed: true });
    expect(log?.responseTracking?.confirmedAt).toBeInstanceOf(Date);
    expect(log?.metadata?.confirmedVia).toBe('phone');
    const appointment = await workstation.runtime.stores().sql.models.Appointment.findByPk(appointmentId);
    expect(appointment?.status).toBe('Confirmed');
    // Again (a second call from the patient): still fine, nothing breaks.
    expect(errorCode(await workstation.dispatch('communications.appointment.recordConfirmation', { appointmentId, via: 'reply' }))).toBe('ok');
  });

  it('a patient marked as not wanting email: the history says so', async () => {
    workstation.session.signIn(accounts.front_desk.user);
    const view = expectOk<PatientCommunicationsView>(await workstation.dispatch('communications.patient.setEmailOptOut', { patientId: patient.id, optOut: true }));
    expect(view.emailOptOut).toBe(true);
    expect(errorCode(await workstation.dispatch('communications.patient.setEmailOptOut', { patientId: 999_999, optOut: true }))).toBe('NOT_FOUND');
  });
});
