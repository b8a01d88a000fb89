/**
 * Kiosk check-in without email: name, date of birth and the phone's last four digits, through
 * the dispatcher on a standalone SQLite file and on MariaDB + FerretDB. The same lockout as a
 * password sign-in, an audit record of the patient identified, a session that may check in but
 * not read prescriptions, and clean refusals that change nothing.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { KioskVisits } from '../../../shared/ipc/kiosk/types';
import type { Role } from '../../../shared/ipc/permissions';
import type { AppointmentView } from '../../../shared/ipc/scheduling-types';
import type { SessionInfo } from '../../../shared/ipc/types';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, type RoleAccount } from '../auth/accounts-fixture';
import { patientValues } from '../sql/fixtures';
import { MONDAY, seedClinic, workstationClock } from '../scheduling/clinic-fixture';

const clinicDay = (offset: number) => DateTime.fromISO(MONDAY).plus({ days: offset }).toISODate() as string;

// Generated people: a child without email, and twins who share name, birth date and (almost) phone.
const CHILD = { firstName: 'Pippa', lastName: 'Hollowmere', dateOfBirth: '2017-05-09' };
const TWINS = { firstName: 'Sam', lastName: 'Brackenridge', dateOfBirth: '1990-02-02' };

describe.each(WORKSTATION_STORES)('kiosk check-in by name and date of birth on the $name', (store) => {
  let dir: TempDir;
  let workstation: Workstation;
  let cleanup: () => Promise<void>;
  let accounts: Record<Role, RoleAccount>;
  const ids = { child: 0, visit: 0 };
  const dispatch = (channel: Parameters<Workstation['dispatch']>[0], input: unknown = {}) => workstation.dispatch(channel, input);
  const identify = (overrides: Record<string, unknown> = {}) =>
    dispatch('kiosk.signInByBirthDate', { ...CHILD, phoneLastFour: '0123', ...overrides });
  const failures = () => workstation.runtime.stores().sql.models.LoginFailure.count();

  beforeAll(async () => {
    dir = createTempDir();
    const opened = await store.open();
    cleanup = opened.cleanup;
    workstation = await startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql } = workstation.runtime.stores();
    await seedClinic(sql, { doctors: 1, patients: 0 });
    accounts = await createAccounts(sql);
    const child = await sql.models.Patient.create(
      patientValues({ ...CHILD, email: 'patient-0b0e@no-email.invalid', phone: '+447700900123', passwordHash: 'unusable$x' }),
    );
    ids.child = child.id;
    ids.visit = (
      await sql.models.Appointment.create({ doctorId: accounts.doctor.user.id, patientId: child.id, appointmentDate: clinicDay(0), appointmentTime: '07:30', durationMinutes: 30, status: 'Scheduled' })
    ).id;
    await sql.models.Patient.create(patientValues({ ...TWINS, phone: '+15550100777' }));
    await sql.models.Patient.create(patientValues({ ...TWINS, phone: '+15550110777' }));
    workstation.session.signIn(accounts.front_desk.user);
    expectOk(await dispatch('kiosk.enter'));
  }, 120_000);

  afterAll(async () => {
    await workstation?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('refuses malformed details on their field before looking anyone up', async () => {
    const before = await failures();
    for (const [change, field] of [
      [{ phoneLastFour: '12' }, 'phoneLastFour'],
      [{ phoneLastFour: 'abcd' }, 'phoneLastFour'],
      [{ dateOfBirth: '09.05.2017' }, 'dateOfBirth'],
      [{ firstName: '' }, 'firstName'],
    ] as const) {
      const result = await identify(change);
      expect(errorCode(result)).toBe('VALIDATION');
      expect(result.ok ? null : result.error.details).toMatchObject({ fields: [{ field }] });
    }
    expect(await failures()).toBe(before);
    expect(workstation.session.user).toBeNull();
  });

  it('answers unknown people and wrong digits alike, and counts wrong digits toward the lockout', async () => {
    const unknown = await identify({ lastName: 'Nobodyhere' });
    const wrong = await identify({ phoneLastFour: '9999' });
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(unknown.ok || wrong.ok ? null : unknown.error.message).toBe(wrong.ok ? null : wrong.error.message);
    const row = await workstation.runtime.stores().sql.models.LoginFailure.findByPk(`patient:${ids.child}`);
    expect(row?.failedCount).toBe(1);
    expect(workstation.session.user).toBeNull();
  });

  it('signs the patient in for check-in only (any case of the name); the audit names the patient; prescriptions stay closed', async () => {
    const info = expectOk<SessionInfo>(await identify({ firstName: 'pippa', lastName: 'HOLLOWMERE' }));
    expect(info.user).toMatchObject({ id: ids.child, kind: 'patient' });
    expect(info.kiosk?.checkInOnly).toBe(true);
    // a success clears the count, as a password sign-in does
    expect(await workstation.runtime.stores().sql.models.LoginFailure.findByPk(`patient:${ids.child}`)).toBeNull();
    await workstation.audit.flush();
    expect(await workstation.runtime.stores().documents.systemAuditLogs.count({ action: 'kiosk_sign_in_by_birth_date', patientId: ids.child })).toBe(1);

    const visits = expectOk<KioskVisits>(await dispatch('kiosk.myVisits'));
    expect(visits.upcoming.map((v) => v.appointmentId)).toEqual([ids.visit]);
    expect(errorCode(await dispatch('kiosk.myPrescriptions'))).toBe('FORBIDDEN');
    const checkedIn = expectOk<AppointmentView>(await dispatch('kiosk.checkIn', { appointmentId: ids.visit }));
    expect(checkedIn.id).toBe(ids.visit);
    workstation.session.signOut();
  });

  it('does not choose between two patients the details fit', async () => {
    expect(errorCode(await dispatch('kiosk.signInByBirthDate', { ...TWINS, phoneLastFour: '0777' }))).toBe('CONFLICT');
    expect(workstation.session.user).toBeNull();
  });

  it('locks after the clinic threshold of misses, like a password sign-in, even with the right digits then', async () => {
    // the success above cleared the count; the threshold is the default 5
    for (let miss = 1; miss < 5; miss++) expect(errorCode(await identify({ phoneLastFour: '0000' }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await identify({ phoneLastFour: '0000' }))).toBe('LOCKED_OUT');
    expect(errorCode(await identify())).toBe('LOCKED_OUT');
    expect(workstation.session.user).toBeNull();
  });

  it('works only at a kiosk', async () => {
    workstation.session.signIn(accounts.front_desk.user);
    expect(errorCode(await dispatch('kiosk.signInByBirthDate', { ...TWINS, phoneLastFour: '0777' }))).toBe('CONFLICT');
    expect(workstation.session.user?.id).toBe(accounts.front_desk.user.id);
  });
});
