import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../electron/main/compose';
import { messageClaims } from '../../../electron/main/data/sql/models/message-claim';
import type { TempDir } from '../../support/services';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server';
import { WORKSTATION_STORES } from '../../support/workstation-stores';
import { MONDAY, NOW, seedClinic } from '../scheduling/clinic-fixture';
import { book, logsOf, openWorkstation, runJob, useSmtpServer } from './comms-fixture';

/**
 * Several workstations run the job at the same moment. Networked: three workstations (each its
 * own data folder and connections) on one MariaDB and one MongoDB-compatible server. Standalone:
 * a clinic has one workstation, so three overlapping runs of it.
 */
describe.each(WORKSTATION_STORES)('three job runs at once on the $name', (store) => {
  const networked = store.name.startsWith('networked');
  let smtp: SmtpTestServer;
  let workstations: Workstation[] = [];
  let dirs: TempDir[] = [];
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    const opened = await store.open();
    cleanup = opened.cleanup;
    const first = await openWorkstation(opened.env, 'desk-1');
    workstations = [first.workstation];
    dirs = [first.dir];
    if (networked) {
      for (const name of ['desk-2', 'desk-3']) {
        const next = await openWorkstation(opened.env, name);
        workstations.push(next.workstation);
        dirs.push(next.dir);
      }
    }
    await useSmtpServer(workstations[0]!, smtp);
  });

  afterAll(async () => {
    for (const w of workstations) await w.close();
    await smtp?.close();
    await cleanup?.();
    for (const d of dirs) d.remove();
  });

  const runners = () => (networked ? workstations : [workstations[0]!, workstations[0]!, workstations[0]!]);

  it('sends each reminder and each confirmation exactly once, retries included', async () => {
    const { sql } = workstations[0]!.runtime.stores();
    const { doctors, patients } = await seedClinic(sql, { doctors: 3, patients: 12 });
    const appointments = [];
    for (const [i, p] of patients.entries()) {
      const doctor = doctors[i % doctors.length]!;
      appointments.push({ patient: p, appointment: await book(workstations[0]!, p.id, doctor.id, MONDAY, ['09:00', '10:00', '11:00', '13:00'][Math.floor(i / 3)]!) });
    }
    // The first 6 messages the server sees are refused for now: their retries race too.
    let refusals = 0;
    smtp.refuseData = () => (refusals++ < 6 ? { code: 451, message: '4.3.0 Busy, try again' } : null);

    const rounds = [NOW, NOW, NOW + 1, NOW + 1, NOW + 6];
    const summaries = [];
    for (const at of rounds) summaries.push(...(await Promise.all(runners().map((w) => runJob(w, at)))));

    expect(refusals).toBeGreaterThanOrEqual(6);
    for (const { patient, appointment } of appointments) {
      const mails = smtp.received.filter((m) => m.to.includes(patient.email));
      expect(mails.filter((m) => m.subject.startsWith('Reminder:'))).toHaveLength(1);
      expect(mails.filter((m) => m.subject.endsWith('is booked'))).toHaveLength(1);
      const logs = await logsOf(workstations[0]!, appointment.id, patient.id);
      expect(logs.map((l) => [l.type, l.deliveryStatus]).sort()).toEqual([
        ['appointment_confirmation', 'sent'],
        ['appointment_reminder', 'sent'],
      ]);
    }
    expect(smtp.received).toHaveLength(24);
    expect(summaries.reduce((n, s) => n + s.sent, 0)).toBe(24);
    const claims = await messageClaims(sql.sequelize).findAll();
    expect(claims).toHaveLength(24);
    expect(claims.every((c) => c.state === 'sent' && c.logId)).toBe(true);
  });
});
