/**
 * The patient kiosk and feedback end to end through the dispatcher, on a standalone SQLite file
 * and on MariaDB + FerretDB: kiosk mode, patient sign-in and lockout, own visits, check-in,
 * prescriptions, the idle end of a patient session, feedback rules, moderation and anonymity.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { CHANNELS, contract, type Channel } from '../../../shared/ipc/contract';
import type { DoctorFeedbackView, DoctorRatingSummary, FeedbackReceipt, KioskPrescriptions, KioskVisits, ModerationItem, MyFeedback } from '../../../shared/ipc/kiosk/types';
import { PERMISSION_MATRIX } from '../../../shared/ipc/permissions';
import type { AppointmentView } from '../../../shared/ipc/scheduling-types';
import type { SessionInfo } from '../../../shared/ipc/types';
import { hashPassword } from '../../../electron/main/security/password';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, PASSWORD, type RoleAccount } from '../auth/accounts-fixture';
import type { Role } from '../../../shared/ipc/permissions';
import { SAMPLES } from '../auth/matrix/all-samples';
import type { RoleFixture } from '../auth/matrix/types';
import { patientValues } from '../sql/fixtures';
import { MONDAY, seedClinic, workstationClock } from '../scheduling/clinic-fixture';


const KIOSK_PASSWORD = 'blue tram 4711';
/** A day counted from the workstation's pinned today (MONDAY). */
const clinicDay = (offset: number) => DateTime.fromISO(MONDAY).plus({ days: offset }).toISODate() as string;

describe.each(WORKSTATION_STORES)('the patient kiosk on the $name', (store) => {
  let dir: TempDir;
  let workstation: Workstation;
  let cleanup: () => Promise<void>;
  let accounts: Record<Role, RoleAccount>;
  // The workstation's clock: pinned to the fixture's Monday 07:00, moved on by hand for the idle rules.
  const pinnedNow = workstationClock();
  let nowMs = pinnedNow();
  const ids = { today: 0, done: 0, doneAnonymous: 0, doneOther: 0, otherPatient: 0, otherPatientVisit: 0, laterToday: 0 };
  // generated people: distinct names so a leak would be found by name
  const otherPatientName = { firstName: 'Quilla', lastName: 'Anonyma' };

  const dispatch = (channel: Channel, input: unknown = {}) => workstation.dispatch(channel, input);
  const as = (role: Role) => workstation.session.signIn(accounts[role].user);
  const patient = () => accounts.patient;
  const kioskSignIn = (password = KIOSK_PASSWORD) => dispatch('kiosk.signIn', { email: patient().identifier, password });
  const auditedFor = async (action: string, patientId: number) => {
    await workstation.audit.flush();
    return workstation.runtime.stores().documents.systemAuditLogs.count({ action, patientId });
  };

  beforeAll(async () => {
    dir = createTempDir();
    const opened = await store.open();
    cleanup = opened.cleanup;
    workstation = await startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: () => nowMs });
    const { sql, documents } = workstation.runtime.stores();
    await seedClinic(sql, { doctors: 1, patients: 1 });
    accounts = await createAccounts(sql);
    const doctorId = accounts.doctor.user.id;
    const patientId = patient().user.id;
    const other = await sql.models.Patient.create(patientValues({ ...otherPatientName, passwordHash: await hashPassword(KIOSK_PASSWORD) }));
    ids.otherPatient = other.id;
    const book = (who: number, date: string, time: string, status: 'Scheduled' | 'Completed') =>
      sql.models.Appointment.create({ doctorId, patientId: who, appointmentDate: date, appointmentTime: time, durationMinutes: 30, status }).then((a) => a.id);
    ids.today = await book(patientId, clinicDay(0), '07:00', 'Scheduled');
    ids.laterToday = await book(patientId, clinicDay(3), '09:30', 'Scheduled');
    ids.done = await book(patientId, clinicDay(-2), '10:00', 'Completed');
    ids.doneAnonymous = await book(other.id, clinicDay(-3), '11:00', 'Completed');
    ids.otherPatientVisit = await book(other.id, clinicDay(-4), '11:30', 'Completed');
    ids.doneOther = await book(patientId, clinicDay(-5), '12:00', 'Completed');
    const medication = { name: 'Amoxicillin', dosage: '500mg', frequency: '3 times daily', duration: '7 days', quantity: 21, refillsAllowed: 0 };
    const prescription = (who: number, appointmentId: number, status: 'Active' | 'Completed') =>
      documents.prescriptions.insert({ appointmentId, patientId: who, doctorId, doctorName: accounts.doctor.user.displayName, patientName: 'x', prescriptionDate: new Date(pinnedNow()), medications: [medication], status });
    await prescription(patientId, ids.done, 'Active');
    await prescription(patientId, ids.doneOther, 'Completed');
    await prescription(other.id, ids.doneAnonymous, 'Active');
  }, 120_000);

  afterAll(async () => {
    await workstation?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('lets the desk set a patient\'s kiosk password after finding them by email', async () => {
    as('front_desk');
    const match = expectOk<{ id: number; email: string }>(await dispatch('kiosk.findPatient', { email: patient().identifier.toUpperCase() }));
    expect(match.id).toBe(patient().user.id);
    expect(errorCode(await dispatch('kiosk.findPatient', { email: 'nobody.here@example.org' }))).toBe('NOT_FOUND');
    expect(errorCode(await dispatch('kiosk.setPatientPassword', { patientId: match.id, newPassword: 'short' }))).toBe('VALIDATION');
    expectOk(await dispatch('kiosk.setPatientPassword', { patientId: match.id, newPassword: KIOSK_PASSWORD }));
    expect(await auditedFor('set_patient_kiosk_password', match.id)).toBe(1);
  });

  it('ends the staff session on entering kiosk mode; only a desk or admin password leaves it', async () => {
    as('front_desk');
    const entered = expectOk<SessionInfo>(await dispatch('kiosk.enter'));
    expect(entered.user).toBeNull();
    expect(entered.kiosk?.idleSeconds).toBe(90);
    // nothing of the staff session is usable, and a staff sign-in is no way out
    expect(errorCode(await dispatch('calendar.day', { date: clinicDay(0) }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await dispatch('session.signIn', { identifier: accounts.admin.identifier, password: PASSWORD }))).toBe('CONFLICT');
    expect(errorCode(await dispatch('kiosk.exit', { identifier: accounts.admin.identifier, password: 'wrong password' }))).toBe('INVALID_CREDENTIALS');
    expect(await workstation.runtime.stores().sql.models.LoginFailure.count()).toBeGreaterThan(0);
    expect(errorCode(await dispatch('kiosk.exit', { identifier: accounts.doctor.identifier, password: PASSWORD }))).toBe('FORBIDDEN');
    expect(workstation.session.inKiosk).toBe(true);
    // another staff member than the one who entered it (any desk or admin account) may leave it
    const left = expectOk<SessionInfo>(await dispatch('kiosk.exit', { identifier: accounts.admin.identifier, password: PASSWORD }));
    expect(left.user?.id).toBe(accounts.admin.user.id);
    expect(left.kiosk ?? null).toBeNull();
    expect(errorCode(await dispatch('kiosk.exit', { identifier: accounts.admin.identifier, password: PASSWORD }))).toBe('CONFLICT');
  });

  it('signs a patient in at the kiosk only, and counts their failures toward the lockout', async () => {
    workstation.session.signOut();
    expect(errorCode(await kioskSignIn())).toBe('CONFLICT'); // not a kiosk
    as('front_desk');
    expectOk(await dispatch('kiosk.enter'));
    for (let attempt = 1; attempt < 5; attempt++) expect(errorCode(await kioskSignIn('not my password'))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await kioskSignIn('not my password'))).toBe('LOCKED_OUT');
    expect(errorCode(await kioskSignIn())).toBe('LOCKED_OUT');
    // the desk resets the password: the lock is lifted
    expectOk(await dispatch('kiosk.exit', { identifier: accounts.front_desk.identifier, password: PASSWORD }));
    expectOk(await dispatch('kiosk.setPatientPassword', { patientId: patient().user.id, newPassword: KIOSK_PASSWORD }));
    expectOk(await dispatch('kiosk.enter'));
    const info = expectOk<SessionInfo>(await kioskSignIn());
    expect(info.user).toMatchObject({ id: patient().user.id, role: 'patient' });
  });

  it('shows the patient their own visits and active prescriptions, checks them in, and audits every read', async () => {
    nowMs = pinnedNow();
    expectOk(await kioskSignIn());
    const patientId = patient().user.id;
    const visits = expectOk<KioskVisits>(await dispatch('kiosk.myVisits'));
    expect(visits.patientId).toBe(patientId);
    expect(visits.upcoming.map((v) => v.appointmentId)).toEqual([ids.today, ids.laterToday]);
    expect(visits.upcoming[0]).toMatchObject({ canCheckIn: true, checkedIn: false });
    expect(visits.upcoming[1]).toMatchObject({ canCheckIn: false });
    expect(visits.recentCompleted.map((v) => v.appointmentId)).toEqual([ids.done, ids.doneOther]);
    const prescriptions = expectOk<KioskPrescriptions>(await dispatch('kiosk.myPrescriptions'));
    expect(prescriptions.prescriptions).toHaveLength(1);
    expect(prescriptions.prescriptions[0]?.medications[0]?.name).toBe('Amoxicillin');

    expect(errorCode(await dispatch('kiosk.checkIn', { appointmentId: ids.doneAnonymous }))).toBe('FORBIDDEN');
    expect(errorCode(await dispatch('kiosk.checkIn', { appointmentId: ids.laterToday }))).toBe('NOT_TODAY');
    const arrived = expectOk<AppointmentView>(await dispatch('kiosk.checkIn', { appointmentId: ids.today }));
    expect(arrived.status).toBe('Confirmed');
    expect(arrived.checkedInAt).not.toBeNull();
    const after = expectOk<KioskVisits>(await dispatch('kiosk.myVisits'));
    expect(after.upcoming[0]).toMatchObject({ checkedIn: true, canCheckIn: false });

    expect(await auditedFor('view_own_appointments', patientId)).toBe(2);
    expect(await auditedFor('view_own_prescriptions', patientId)).toBe(1);
    expect(await auditedFor('kiosk_check_in', patientId)).toBe(1);
  });

  it('ends an idle patient session by itself; the kiosk stays a kiosk', async () => {
    nowMs = pinnedNow();
    expectOk(await kioskSignIn());
    nowMs += 60_000;
    expectOk(await dispatch('session.activity'));
    nowMs += 89_000;
    expect(errorCode(await dispatch('kiosk.myVisits'))).toBe('ok');
    nowMs += 90_000;
    expect(errorCode(await dispatch('kiosk.myVisits'))).toBe('UNAUTHENTICATED');
    const info = expectOk<SessionInfo>(await dispatch('session.current'));
    expect(info.user).toBeNull();
    expect(info.kiosk).not.toBeNull();
    // "Done": signing out ends the patient session only
    expectOk(await kioskSignIn());
    const done = expectOk<SessionInfo>(await dispatch('session.signOut'));
    expect(done.user).toBeNull();
    expect(done.kiosk).not.toBeNull();
  });

  it('takes feedback only for the patient\'s own completed visit, once, even when two submissions race', async () => {
    nowMs = pinnedNow();
    expectOk(await kioskSignIn());
    const feedback = (appointmentId: number, extra: object = {}) =>
      dispatch('kiosk.submitFeedback', { appointmentId, ratings: { overall: 4.5, doctorProfessionalism: 5, waitTime: 3, facilityCleanlines: 4, staffFriendliness: 5 }, ...extra });
    expect(errorCode(await feedback(ids.today))).toBe('CONFLICT'); // not completed
    expect(errorCode(await feedback(ids.doneAnonymous))).toBe('FORBIDDEN'); // another patient's
    expect(errorCode(await feedback(ids.done, { ratings: { overall: 7 } }))).toBe('VALIDATION');
    const [first, second] = await Promise.all([
      feedback(ids.done, { textReview: 'Thorough and kind.', tags: ['thorough'], recommendToFriend: true, wouldReturnToDoctor: true, improvement_suggestions: ['More parking'] }),
      feedback(ids.done, { textReview: 'Second try' }),
    ]);
    expect([errorCode(first), errorCode(second)].sort()).toEqual(['DUPLICATE', 'ok']);
    const receipt = expectOk<FeedbackReceipt>(first.ok ? first : second);
    expect(receipt).toMatchObject({ verified: true, moderationStatus: 'Pending', patientId: patient().user.id });
    expect(await workstation.runtime.stores().documents.patientFeedback.count({ appointmentId: ids.done })).toBe(1);
    expect(errorCode(await feedback(ids.done))).toBe('DUPLICATE');
    const visits = expectOk<KioskVisits>(await dispatch('kiosk.myVisits'));
    expect(visits.recentCompleted.find((v) => v.appointmentId === ids.done)?.feedbackGiven).toBe(true);
    expect(await auditedFor('submit_feedback', patient().user.id)).toBeGreaterThanOrEqual(1);
  });

  it('moderates Pending to Approved or Rejected once, with who and when', async () => {
    // the other patient leaves anonymous feedback, and one more to reject
    workstation.session.signOut();
    as('front_desk');
    expectOk(await dispatch('kiosk.enter'));
    expectOk(await dispatch('kiosk.signIn', { email: (await workstation.runtime.stores().sql.models.Patient.findByPk(ids.otherPatient))!.email, password: KIOSK_PASSWORD }));
    expectOk(await dispatch('kiosk.submitFeedback', { appointmentId: ids.doneAnonymous, anonymous: true, ratings: { overall: 2 }, textReview: 'Waited a long time, anonymous note.' }));
    expectOk(await dispatch('kiosk.submitFeedback', { appointmentId: ids.otherPatientVisit, ratings: { overall: 1 }, textReview: 'Rejected words.' }));

    as('admin');
    const queue = expectOk<ModerationItem[]>(await dispatch('feedback.queue', { status: 'Pending' }));
    expect(queue.map((item) => item.appointmentId)).toEqual([ids.done, ids.doneAnonymous, ids.otherPatientVisit]);
    const approveAll = async (appointmentId: number, decision: 'Approved' | 'Rejected') => {
      const item = queue.find((entry) => entry.appointmentId === appointmentId)!;
      return expectOk<ModerationItem>(await dispatch('feedback.moderate', { feedbackId: item.id, decision }));
    };
    const approved = await approveAll(ids.done, 'Approved');
    expect(approved).toMatchObject({ moderationStatus: 'Approved', moderatedBy: accounts.admin.user.id, moderatedByName: accounts.admin.user.displayName });
    expect(approved.moderatedAt).not.toBeNull();
    await approveAll(ids.doneAnonymous, 'Approved');
    await approveAll(ids.otherPatientVisit, 'Rejected');
    expect(errorCode(await dispatch('feedback.moderate', { feedbackId: approved.id, decision: 'Rejected' }))).toBe('CONFLICT');
    expect(expectOk<ModerationItem[]>(await dispatch('feedback.queue', { status: 'Pending' }))).toEqual([]);
    expect(expectOk<ModerationItem[]>(await dispatch('feedback.queue', { status: 'Approved' }))).toHaveLength(2);
  });

  it('never shows the anonymous author to a doctor, in any channel a doctor can call', async () => {
    const doctorId = accounts.doctor.user.id;
    const { sql, documents } = workstation.runtime.stores();
    const anonymous = (await documents.patientFeedback.find({ appointmentId: ids.doneAnonymous }))[0]!;
    const named = (await documents.patientFeedback.find({ appointmentId: ids.done }))[0]!;
    const anonymousPatient = (await sql.models.Patient.findByPk(ids.otherPatient))!;
    const identity = [anonymousPatient.firstName, anonymousPatient.lastName, anonymousPatient.email];

    const fixture: RoleFixture = {
      doctorId,
      patientIds: [ids.otherPatient, patient().user.id, ids.otherPatient, ids.otherPatient],
      appointments: { toMove: ids.laterToday, toCancel: ids.laterToday, toConfirm: ids.today },
      seriesToCancel: 1,
      spareStaffId: accounts.front_desk.user.id,
      extra: new Map(),
    };
    const seen = { anonymous: 0, named: 0 };
    /** Every object of an answer that carries a feedback entry, however deep. */
    const inspect = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((child) => inspect(child, where));
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.id === anonymous.id || record.textReview === anonymous.textReview) {
        seen.anonymous++;
        expect(record, `${where} carries the anonymous author's id`).not.toHaveProperty('patientId');
        expect(record.patient ?? null, where).toBeNull();
        const text = JSON.stringify(record);
        for (const part of identity) expect(text, `${where} names the anonymous author`).not.toContain(part);
        expect(text).not.toContain(`"${anonymous.patientId}"`);
      }
      if (record.id === named.id) {
        seen.named++;
        expect(record.patient, `${where}: a named feedback shows its author`).toMatchObject({ id: named.patientId });
      }
      Object.values(record).forEach((child) => inspect(child, where));
    };
    const doctorChannels = CHANNELS.filter((channel) => PERMISSION_MATRIX[contract[channel].permission].includes('doctor'));
    expect(doctorChannels).toContain('feedback.mine');
    for (const channel of doctorChannels) {
      as('doctor');
      const result = await dispatch(channel, SAMPLES[channel].input(fixture, accounts.doctor));
      if (result.ok) inspect(result.data, channel);
    }
    // the walk did reach the feedback: the check above could have failed
    expect(seen.anonymous).toBeGreaterThan(0);
    expect(seen.named).toBeGreaterThan(0);

    // the admin's view of a doctor's feedback (the doctor's page) is doctor-facing too
    as('admin');
    const list = expectOk<DoctorFeedbackView[]>(await dispatch('feedback.doctorFeedback', { doctorId }));
    expect(list.map((entry) => entry.appointmentId).sort()).toEqual([ids.done, ids.doneAnonymous].sort());
    expect(list.find((entry) => entry.anonymous)?.patient).toBeNull();
    expect(JSON.stringify(list)).not.toContain(anonymousPatient.email);
  });

  it('summarizes a doctor\'s approved ratings for admins and for the doctor', async () => {
    const doctorId = accounts.doctor.user.id;
    as('admin');
    const [summary] = expectOk<DoctorRatingSummary[]>(await dispatch('feedback.ratingSummaries', { doctorId }));
    // approved: 4.5 (all five ratings) and 2 (overall only); the rejected 1 does not count
    expect(summary).toMatchObject({ doctorId, feedbackCount: 2 });
    expect(summary?.ratings.overall).toEqual({ average: 3.25, count: 2 });
    expect(summary?.ratings.waitTime).toEqual({ average: 3, count: 1 });
    as('doctor');
    const mine = expectOk<MyFeedback>(await dispatch('feedback.mine'));
    expect(mine.summary).toEqual(summary);
    expect(mine.feedback).toHaveLength(2);
  });
});
