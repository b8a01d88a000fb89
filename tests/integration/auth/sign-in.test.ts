import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { Role } from '../../../shared/ipc/permissions';
import type { SessionInfo } from '../../../shared/ipc/types';
import { SETTINGS } from '../../../shared/domain/settings-registry';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, PASSWORD, type RoleAccount } from './accounts-fixture';

describe.each(WORKSTATION_STORES)('signing in on a $name', (store) => {
  let dirs: TempDir[] = [];
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  const open: Workstation[] = [];
  let accounts: Record<Role, RoleAccount>;

  /** A workstation on the shared store; standalone ones share the data folder (the same file). */
  async function workstation(name: string): Promise<Workstation> {
    const dir = dirs[0] ?? createTempDir();
    if (dirs.length === 0) dirs = [dir];
    const ws = await startWorkstation({ dataDir: dir.path, env, secretBox: null, appVersion: '0.0.0-test', workstationName: name });
    open.push(ws);
    return ws;
  }

  beforeAll(async () => {
    ({ env, cleanup } = await store.open());
    const first = await workstation('desk-1');
    const { sql } = first.runtime.stores();
    accounts = await createAccounts(sql);
    const lockout = SETTINGS.lockoutThreshold;
    await sql.models.ClinicSetting.create({ settingKey: lockout.key, settingValue: lockout.serialize(3), description: lockout.description });
  }, 120_000);

  afterAll(async () => {
    for (const ws of open) await ws.close();
    await cleanup?.();
    for (const dir of dirs) dir.remove();
  });

  it('signs staff in by user name or email (any case) and doctors by email; records last_login', async () => {
    const [ws] = open as [Workstation];
    const byName = expectOk<SessionInfo>(await ws.dispatch('session.signIn', { identifier: accounts.front_desk.identifier, password: PASSWORD }));
    expect(byName.user).toEqual(accounts.front_desk.user);
    expect(byName.locked).toBe(false);

    const admin = await ws.runtime.stores().sql.models.Admin.findByPk(accounts.admin.user.id);
    const byEmail = expectOk<SessionInfo>(await ws.dispatch('session.signIn', { identifier: admin!.email.toUpperCase(), password: PASSWORD }));
    expect(byEmail.user?.role).toBe('admin');
    const after = await ws.runtime.stores().sql.models.Admin.findByPk(accounts.admin.user.id);
    expect(after?.lastLogin).toBeInstanceOf(Date);

    const doctor = expectOk<SessionInfo>(await ws.dispatch('session.signIn', { identifier: accounts.doctor.identifier, password: PASSWORD }));
    expect(doctor.user).toMatchObject({ kind: 'doctor', role: 'doctor' });
  });

  it('answers a wrong password and an unknown name alike, and never echoes the password', async () => {
    const [ws] = open as [Workstation];
    const wrong = await ws.dispatch('session.signIn', { identifier: accounts.doctor.identifier, password: 'wrong password' });
    const unknown = await ws.dispatch('session.signIn', { identifier: 'nobody.here', password: 'wrong password' });
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
    expect(wrong.ok ? '' : wrong.error.message).toBe(unknown.ok ? '' : unknown.error.message);
    expect(JSON.stringify([wrong, unknown])).not.toContain('wrong password');
    // a right password clears the count of that account
    expectOk(await ws.dispatch('session.signIn', { identifier: accounts.doctor.identifier, password: PASSWORD }));
  });

  it('locks an account after the threshold, counted across workstations and restarts', async () => {
    const desk1 = open[0] as Workstation;
    const desk2 = await workstation('desk-2');
    const identifier = accounts.super_admin.identifier;
    expect(errorCode(await desk1.dispatch('session.signIn', { identifier, password: 'nope-1' }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await desk2.dispatch('session.signIn', { identifier, password: 'nope-2' }))).toBe('INVALID_CREDENTIALS');

    // the third failure, from a workstation started afresh, locks the account
    await desk2.close();
    const desk3 = await workstation('desk-3');
    const third = await desk3.dispatch('session.signIn', { identifier, password: 'nope-3' });
    expect(errorCode(third)).toBe('LOCKED_OUT');
    expect(third.ok ? '' : third.error.message).toMatch(/locked for 15 more minutes/);

    // now even the right password is refused, on every workstation
    expect(errorCode(await desk1.dispatch('session.signIn', { identifier, password: PASSWORD }))).toBe('LOCKED_OUT');
    expect(errorCode(await desk3.dispatch('session.signIn', { identifier, password: PASSWORD }))).toBe('LOCKED_OUT');

    // a super admin's password reset lifts the lock
    desk1.session.signIn({ ...accounts.super_admin.user, id: accounts.super_admin.user.id });
    const failures = await desk1.runtime.stores().sql.models.LoginFailure.count();
    expect(failures).toBeGreaterThan(0);
    expectOk(await desk1.dispatch('staff.resetPassword', { staffId: accounts.super_admin.user.id, newPassword: PASSWORD }));
    expectOk(await desk3.dispatch('session.signIn', { identifier, password: PASSWORD }));
  });

  it('refuses a deactivated account, telling only someone who knows its password', async () => {
    const [ws] = open as [Workstation];
    ws.session.signIn(accounts.super_admin.user);
    expectOk(await ws.dispatch('staff.setActive', { staffId: accounts.front_desk.user.id, active: false }));
    expect(errorCode(await ws.dispatch('session.signIn', { identifier: accounts.front_desk.identifier, password: 'guess' }))).toBe('INVALID_CREDENTIALS');
    expect(errorCode(await ws.dispatch('session.signIn', { identifier: accounts.front_desk.identifier, password: PASSWORD }))).toBe('ACCOUNT_INACTIVE');
  });

  it('keeps the last active super admin and refuses self-deactivation', async () => {
    const [ws] = open as [Workstation];
    ws.session.signIn(accounts.super_admin.user);
    expect(errorCode(await ws.dispatch('staff.setActive', { staffId: accounts.super_admin.user.id, active: false }))).toBe('CONFLICT');
    const staff = expectOk<{ id: number; role: string; isActive: boolean }[]>(await ws.dispatch('staff.list', {}));
    expect(JSON.stringify(staff)).not.toMatch(/scrypt|passwordHash/);
    expect(staff.filter((s) => s.role === 'super_admin' && s.isActive).length).toBeGreaterThan(0);
  });

  it('refuses a duplicate user name or email with the field named', async () => {
    const [ws] = open as [Workstation];
    ws.session.signIn(accounts.super_admin.user);
    const duplicate = await ws.dispatch('staff.create', {
      username: accounts.admin.identifier,
      email: 'fresh.address@clinic.example',
      firstName: 'Gen',
      lastName: 'Erated',
      role: 'admin',
      password: PASSWORD,
    });
    expect(errorCode(duplicate)).toBe('DUPLICATE');
    expect(JSON.stringify(duplicate.ok ? null : duplicate.error.details)).toContain('username');
  });
});
