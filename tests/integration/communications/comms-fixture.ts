import { randomUUID } from 'node:crypto';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { writeSettings } from '../../../electron/main/services/communications/communication-settings';
import { runMessageJob } from '../../../electron/main/services/communications/message-job';
import { passwordKeeper } from '../../../electron/main/services/communications/message-service';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { messageClaims } from '../../../electron/main/data/sql/models/message-claim';
import type { MessageRunSummary } from '../../../shared/ipc/communications/types';
import { createTempDir, type TempDir } from '../../support/services';
import type { SmtpTestServer } from '../../support/smtp-test-server';
import { fixedClock, NOW, workstationClock } from '../scheduling/clinic-fixture';

export const CLINIC = { name: 'Riverside Test Clinic', address: '12 Test Lane, Sampleton' };

/** A workstation without its timer: the tests run the job themselves, at the times they choose. */
export async function openWorkstation(env: NodeJS.ProcessEnv, name: string): Promise<{ workstation: Workstation; dir: TempDir }> {
  const dir = createTempDir('clinic-desk-comms-');
  const workstation = await startWorkstation({ dataDir: dir.path, env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock(), workstationName: name, backgroundJobs: false });
  if (!workstation.runtime.state.ready) throw new Error(`workstation ${name} did not open its stores`);
  return { workstation, dir };
}

/** Points the clinic at the test SMTP server (no TLS, no sign-in: it is on 127.0.0.1). */
export async function useSmtpServer(workstation: Workstation, smtp: SmtpTestServer): Promise<void> {
  await writeSettings(
    workstation.runtime.stores().sql,
    { clinicName: CLINIC.name, clinicAddress: CLINIC.address, smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecurity: 'none', smtpFrom: 'desk@riverside.test' },
    null,
  );
}

export function runJob(workstation: Workstation, at: number = NOW): Promise<MessageRunSummary> {
  const { sql, documents } = workstation.runtime.stores();
  return runMessageJob({ sql, documents, keeper: passwordKeeper(workstation.runtime), clock: fixedClock(at), workstation: workstation.session.workstation });
}

export async function book(workstation: Workstation, patientId: number, doctorId: number, date: string, time: string) {
  return bookAppointment(workstation.runtime.stores().sql, { patientId, doctorId, date, time, idempotencyKey: randomUUID() }, fixedClock());
}

export async function claimsOf(workstation: Workstation, appointmentId: number) {
  return messageClaims(workstation.runtime.stores().sql.sequelize).findAll({ where: { appointmentId }, order: [['id', 'ASC']] });
}

export async function logsOf(workstation: Workstation, appointmentId: number, patientId: number) {
  return workstation.runtime.stores().documents.communicationLogs.find({ patientId, appointmentId }, { sort: { sentAt: 'asc' } });
}
