/**
 * The integrity check finds each kind of fault planted across the two stores, and each safe
 * repair, through the dispatcher as an admin, fixes it and is on the audit trail. MariaDB +
 * FerretDB and a SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../electron/main/compose';
import { messageClaims } from '../../../electron/main/data/sql/models/message-claim';
import { runIntegrityCheck, runNightlyIntegrityCheck } from '../../../electron/main/services/consistency/integrity-check';
import { RECONSTRUCTED_CONTENT } from '../../../electron/main/services/consistency/integrity-repair';
import type { IntegrityItem, IntegrityKind, IntegrityReport, IntegrityRepairResult } from '../../../shared/ipc/consistency/types';
import type { TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts } from '../auth/accounts-fixture';
import { openWorkstation } from '../communications/comms-fixture';
import { MONDAY, NOW, ZONE } from '../scheduling/clinic-fixture';
import { seedPrescriptions } from './consistency-fixture';

describe.each(WORKSTATION_STORES)('integrity check on the $name', (store) => {
  let ws: Workstation;
  let dir: TempDir;
  let cleanup: () => Promise<void>;
  const planted: Partial<Record<IntegrityKind, string[]>> = {};

  beforeAll(async () => {
    const opened = await store.open();
    cleanup = opened.cleanup;
    ({ workstation: ws, dir } = await openWorkstation(opened.env, 'desk-health'));
    const { sql, documents } = ws.runtime.stores();
    const seeded = await seedPrescriptions(ws);
    const accounts = await createAccounts(sql);
    ws.session.signIn(accounts.admin.user);
    const [rx0, , , rx3] = seeded.prescriptions;
    const [a0, a1, a2] = seeded.appointments;
    const [, p1] = seeded.patients;
    const doctorId = seeded.doctor.id;

    // a patient deleted with CASCADE: their appointment goes, their prescription stays behind
    const gone = await sql.models.Patient.create({ firstName: 'Wend', lastName: 'Oxhollow', email: 'wend.oxhollow@patients.example', phone: '+1 555 0199', dateOfBirth: '1970-01-02', gender: 'Other', passwordHash: 'x' });
    const goneVisit = await sql.models.Appointment.create({ patientId: gone.id, doctorId, appointmentDate: '2026-12-08', appointmentTime: '09:00', durationMinutes: 30, status: 'Completed' } as never);
    const orphan = await documents.prescriptions.insert({ ...stripStored(rx0!), appointmentId: goneVisit.id, patientId: gone.id, patientName: 'Wend Oxhollow' });
    await sql.sequelize.query('DELETE FROM patients WHERE id = :id', { replacements: { id: gone.id } });
    planted.missing_patient = [orphan.id];
    planted.missing_appointment = [orphan.id];
    // feedback naming a doctor who never existed, for a visit that is not Completed (a1 is Scheduled)
    const feedback = await documents.patientFeedback.insert({ appointmentId: a1!.id, patientId: p1!.id, doctorId: 987_654, ratings: { overall: 4 } });
    planted.missing_doctor = [feedback.id];
    planted.feedback_not_completed = [feedback.id];
    // a prescription whose appointment is another patient's
    const mismatched = await documents.prescriptions.insert({ ...stripStored(rx3!), appointmentId: a2!.id });
    planted.appointment_mismatch = [mismatched.id];
    // a copy out of date (written by something that bypassed the sync)
    await documents.prescriptions.update(rx0!.id, { patientName: 'Orlen Oldname' });
    planted.stale_copy = [rx0!.id];
    // a message claimed as sent whose log entry never arrived
    const claim = await messageClaims(sql.sequelize).create({
      claimKey: `reminder|${a0!.id}|2026-12-07 09:00|email`,
      appointmentId: a0!.id,
      kind: 'appointment_reminder',
      method: 'email',
      appointmentState: '2026-12-07 09:00',
      state: 'sent',
      claimedBy: 'desk-2',
      messageId: '<generated-1@clinic.test>',
    });
    planted.claim_without_log = [String(claim.id)];
    // an audit record about a patient deleted since: found, never rewritten
    await documents.systemAuditLogs.insert({ userId: 1, userType: 'admin', action: 'view_patient_record', resourceType: 'patient', resourceId: gone.id, patientId: gone.id });
  }, 120_000);

  afterAll(async () => {
    await ws?.close();
    await cleanup?.();
    dir?.remove();
  });

  const check = async () => expectOk<IntegrityReport>(await ws.dispatch('dataHealth.check', {}));
  const kindOf = (report: IntegrityReport, kind: IntegrityKind) => report.kinds.find((k) => k.kind === kind)!;
  const repair = async (item: IntegrityItem) =>
    expectOk<IntegrityRepairResult>(await ws.dispatch('dataHealth.repair', { kind: item.kind, collection: item.collection, documentId: item.documentId, repair: item.repair! }));

  it('finds each planted fault, and nothing else', async () => {
    const report = await check();
    for (const [kind, ids] of Object.entries(planted) as [IntegrityKind, string[]][]) {
      const found = kindOf(report, kind).items.filter((i) => i.collection !== 'system_audit_logs').map((i) => i.documentId);
      expect(found, kind).toEqual(ids);
    }
    const auditOrphans = kindOf(report, 'missing_patient').items.filter((i) => i.collection === 'system_audit_logs');
    expect(auditOrphans).toHaveLength(1);
    expect(auditOrphans[0]!.repair).toBeNull();
    expect(report.scanned.prescriptions).toBe(8);
    expect(kindOf(report, 'stale_copy').items[0]!.detail).toContain('patient name');
  });

  it('repairs: a copy re-synced, the missing log written from the claim, orphans flagged; each audited', async () => {
    const before = await check();
    const stale = kindOf(before, 'stale_copy').items[0]!;
    expect((await repair(stale)).repaired).toBe(true);
    const missingLog = kindOf(before, 'claim_without_log').items[0]!;
    expect((await repair(missingLog)).repaired).toBe(true);
    const orphan = kindOf(before, 'missing_patient').items.find((i) => i.collection === 'prescriptions')!;
    expect((await repair(orphan)).repaired).toBe(true);
    expect((await repair(orphan)).repaired).toBe(false);
    // the wrong repair for a kind changes nothing
    expect(errorCode(await ws.dispatch('dataHealth.repair', { ...orphan, repair: 'resync_copy' }))).toBe('VALIDATION');

    const after = await check();
    expect(kindOf(after, 'stale_copy').count).toBe(0);
    expect(kindOf(after, 'claim_without_log').count).toBe(0);
    expect(kindOf(after, 'missing_patient').items.find((i) => i.documentId === orphan.documentId)!.flagged).toBe(true);

    const { documents, sql } = ws.runtime.stores();
    expect((await documents.prescriptions.findById(stale.documentId))!.patientName).toBe('Orlen Vastreck');
    const claim = await messageClaims(sql.sequelize).findByPk(Number(missingLog.documentId));
    const log = await documents.communicationLogs.findById(claim!.logId!);
    expect(log).toMatchObject({ type: 'appointment_reminder', deliveryStatus: 'sent', content: RECONSTRUCTED_CONTENT, appointmentId: claim!.appointmentId });

    const trail = await documents.systemAuditLogs.find({ action: 'repair_data_health' });
    expect(trail.map((r) => r.resourceId).sort()).toEqual(
      // the flag twice (the second changed nothing); the refused repair is not a repair
      [`prescriptions/${stale.documentId}`, `message_claims/${missingLog.documentId}`, `prescriptions/${orphan.documentId}`, `prescriptions/${orphan.documentId}`].sort(),
    );
  });
});

describe('the nightly integrity check', () => {
  it('runs once per clinic night, after the set hour, and its counts show with the next check', async () => {
    const opened = await WORKSTATION_STORES[0]!.open();
    const { workstation: ws, dir } = await openWorkstation(opened.env, 'desk-night');
    try {
      const { sql, documents } = ws.runtime.stores();
      await seedPrescriptions(ws);
      await sql.sequelize.query("UPDATE doctors SET last_name = 'Renamed'");
      const night = (at: number, hour: number, workstation = 'desk-night') =>
        runNightlyIntegrityCheck({ sql, documents, workstation, clock: () => at, timezone: ZONE, hour });
      // NOW is 07:00 in the clinic
      expect(await night(NOW, 8)).toBeNull();
      expect(await night(NOW, -1)).toBeNull();
      const ran = await night(NOW, 2);
      expect(ran).toMatchObject({ runDate: MONDAY, counts: { stale_copy: 6, missing_patient: 0 } });
      expect(await night(NOW + 60, 2, 'desk-other')).toBeNull();
      const report = await runIntegrityCheck({ sql, documents });
      expect(report.lastScheduled).toMatchObject({ runDate: MONDAY, workstation: 'desk-night', counts: { stale_copy: 6 } });
    } finally {
      await ws.close();
      await opened.cleanup();
      dir.remove();
    }
  });
});

function stripStored<T extends { id: string; createdAt: Date; updatedAt: Date }>(doc: T): Omit<T, 'id' | 'createdAt' | 'updatedAt'> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = doc;
  return rest;
}
