/**
 * Offline sign-in on a networked workstation (MariaDB through a TCP proxy the test cuts, FerretDB,
 * the workstation's own SQLite file): a sign-in against the server keeps the server's own hash;
 * with the server cut off, those accounts sign in from the local file (wrong passwords counted
 * and locking there), others are told to wait for the server; after a deactivation, a password
 * reset or a removal on the server, the next mirror pull ends offline sign-in for that account.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { openSqliteDocumentStore } from '../../../electron/main/data/documents/sqlite/open-sqlite-document-store';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { hashPassword } from '../../../electron/main/security/password';
import { adminValues, patientValues, unique } from '../sql/fixtures';
import { countVerifiers, readVerifier } from '../../../electron/main/services/auth/offline-verifiers';
import { signInAtWorkstation, unlockWorkstation } from '../../../electron/main/services/auth/workstation-sign-in';
import { resetStaffPassword } from '../../../electron/main/services/staff-accounts';
import { ROLE_LEVEL } from '../../../electron/main/services/accounts';
import { SETTINGS } from '../../../shared/domain/settings-registry';
import type { Role } from '../../../shared/ipc/permissions';
import { AppFailure } from '../../../shared/ipc/result';
import type { SessionInfo } from '../../../shared/ipc/types';
import { createTempDir, type TempDir } from '../../support/services';
import { startProxiedClinicServer, type ProxiedClinicServer, testWorkstationOptions } from '../../support/proxied-clinic-server';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { seedPrescription } from '../documents/seed-examples';
import { createAccounts, PASSWORD, type RoleAccount } from './accounts-fixture';
import { LOCAL_STORE_FILE_NAME } from '../../../electron/main/config/store-config';

const NEW_PASSWORD = 'a brand new passphrase 42';
const WRONG = 'not the password at all';

describe('signing in while the clinic server is away', () => {
  let dir: TempDir;
  let server: ProxiedClinicServer;
  let direct: SqlStore;
  let ws: Workstation;
  let accounts: Record<Role, RoleAccount>;
  /** A desk account that exists (and is mirrored) but never signs in on this workstation. */
  let stranger: string;
  let consoleSpies: MockInstance[];

  const local = () => ws.runtime.stores().local;
  const offline = (identifier: string, password: string) =>
    signInAtWorkstation(ws.session, ws.runtime.stores(), { identifier, password }, new Date(), { offline: true });
  /** The refusal's code and message, or 'ok'. */
  const attempt = async (identifier: string, password: string): Promise<{ code: string; message: string }> => {
    try {
      await offline(identifier, password);
      return { code: 'ok', message: '' };
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      return { code: error.code, message: error.message };
    }
  };
  const pull = async () => {
    const pulls = await ws.sync.mirror!.pullNow();
    expect(pulls, ws.sync.mirror!.lastPull.lastProblem ?? '').not.toBeNull();
    return pulls!;
  };

  beforeAll(async () => {
    consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    dir = createTempDir();
    server = await startProxiedClinicServer();
    ws = await startWorkstation(testWorkstationOptions(dir.path, server.env));
    expect(ws.runtime.state.ready).toBe(true);
    direct = server.direct;
    accounts = await createAccounts(direct);
    const other = await direct.models.Admin.create(
      adminValues({ passwordHash: await hashPassword(PASSWORD), roleLevel: ROLE_LEVEL.frontDesk, username: unique('desk.stranger') }),
    );
    stranger = other.username;
    const lockout = SETTINGS.lockoutThreshold;
    await direct.models.ClinicSetting.create({ settingKey: lockout.key, settingValue: lockout.serialize(3), description: lockout.description });
    await pull();
  }, 120_000);

  afterAll(async () => {
    await ws?.close();
    await server?.close();
    dir?.remove();
    vi.restoreAllMocks();
  });

  it('keeps the server’s own hash when staff and doctors sign in against the server', async () => {
    expect(await countVerifiers(local())).toBe(0);
    for (const role of ['front_desk', 'admin', 'super_admin', 'doctor'] as const) {
      expectOk<SessionInfo>(await ws.dispatch('session.signIn', { identifier: accounts[role].identifier, password: PASSWORD }));
    }
    expect(errorCode(await ws.dispatch('session.signIn', { identifier: stranger, password: WRONG }))).toBe('INVALID_CREDENTIALS');
    expect(await countVerifiers(local())).toBe(4);
    const serverRow = await direct.models.Admin.findByPk(accounts.front_desk.user.id);
    const cached = await readVerifier(local(), accounts.front_desk.user);
    // the very same string: same scrypt parameters, same salt; never a weaker copy
    expect(cached).toBe(serverRow!.passwordHash);
    expect(cached).toMatch(/^scrypt\$131072\$8\$1\$/);
    // the verifiers live in this workstation's file only
    const [onServer] = await direct.sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM offline_verifiers', { type: QueryTypes.SELECT });
    expect(Number(onServer!.n)).toBe(0);
  });

  it('keeps no password hash of anyone in the mirror: the file holds only the verifiers of those who signed in here', async () => {
    const patient = await direct.models.Patient.create(patientValues({ passwordHash: await hashPassword('a kiosk password 1') }));
    await pull();
    const strangerRow = await direct.models.Admin.findOne({ where: { username: stranger } });
    const serverHashes = [
      ...(await direct.models.Admin.findAll()).map((row) => row.passwordHash),
      ...(await direct.models.Doctor.findAll()).map((row) => row.passwordHash),
      ...(await direct.models.Patient.findAll()).map((row) => row.passwordHash),
    ];
    const verifiers = new Set(
      (await local().sequelize.query<{ hash: string }>('SELECT password_hash AS hash FROM offline_verifiers', { type: QueryTypes.SELECT })).map((row) => row.hash),
    );
    expect(await countVerifiers(local())).toBe(4);
    const neverSignedInHere = serverHashes.filter((hash) => !verifiers.has(hash));
    expect(neverSignedInHere).toContain(strangerRow!.passwordHash);
    expect(neverSignedInHere).toContain((await direct.models.Patient.findByPk(patient.id))!.passwordHash);
    // the mirrored rows themselves hold stand-ins only, for everyone
    for (const table of ['admin', 'doctors', 'patients']) {
      const rows = await local().sequelize.query<{ hash: string }>(`SELECT password_hash AS hash FROM ${table}`, { type: QueryTypes.SELECT });
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) expect(row.hash, table).toMatch(/^mirror-sha256\$[0-9a-f]{64}$/);
    }
    // and the bytes of the file (and its write-ahead log) carry no hash of an account that never signed in here
    const file = join(dir.path, LOCAL_STORE_FILE_NAME);
    const bytes = [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path).toString('latin1')).join('');
    expect(bytes.length).toBeGreaterThan(0);
    for (const hash of neverSignedInHere) expect(bytes.includes(hash)).toBe(false);
    // the salts are not there either: a stand-in cannot be attacked with guessed passwords
    for (const hash of neverSignedInHere) expect(bytes.includes(hash.split('$')[4]!)).toBe(false);
  });

  it('signs them in from the local file with the server cut off', async () => {
    await server.cut();
    const desk = await offline(accounts.front_desk.identifier, PASSWORD);
    expect(desk.user).toEqual(accounts.front_desk.user);
    expect(desk.locked).toBe(false);
    const doctor = await offline(accounts.doctor.identifier.toUpperCase(), PASSWORD);
    expect(doctor.user).toEqual(accounts.doctor.user);
    expect(ws.session.user).toEqual(accounts.doctor.user);
  });

  it('refuses a wrong password offline, counting it in the local file, and locks at the threshold', async () => {
    const identifier = accounts.super_admin.identifier;
    const key = `staff:${accounts.super_admin.user.id}`;
    expect((await attempt(identifier, WRONG)).code).toBe('INVALID_CREDENTIALS');
    expect((await attempt(identifier, WRONG)).code).toBe('INVALID_CREDENTIALS');
    expect((await local().models.LoginFailure.findByPk(key))?.failedCount).toBe(2);
    expect((await attempt(identifier, WRONG)).code).toBe('LOCKED_OUT');
    // locked: the right password does not get in either
    expect((await attempt(identifier, PASSWORD)).code).toBe('LOCKED_OUT');
  });

  it('tells someone who never signed in here to wait for the server, as it tells an unknown name', async () => {
    const never = await attempt(stranger, PASSWORD);
    expect(never.code).toBe('OFFLINE');
    expect(never.message).toMatch(/signed in on this workstation before/);
    expect(await attempt('nobody.at.all', PASSWORD)).toEqual(never);
  });

  it('unlocks the screen offline with the same verifier', async () => {
    await offline(accounts.front_desk.identifier, PASSWORD);
    ws.session.lock();
    const stores = ws.runtime.stores();
    await expect(unlockWorkstation(ws.session, stores, accounts.front_desk.user, WRONG, new Date(), { offline: true })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    const info = await unlockWorkstation(ws.session, stores, accounts.front_desk.user, PASSWORD, new Date(), { offline: true });
    expect(info.locked).toBe(false);
  });

  it('answers session.signIn offline while the runtime serves from the mirror', async () => {
    // Stands in for the runtime's own flag until it lands.
    Object.defineProperty(ws.runtime, 'servingMirror', { value: true, configurable: true });
    try {
      const doctor = expectOk<SessionInfo>(await ws.dispatch('session.signIn', { identifier: accounts.doctor.identifier, password: PASSWORD }));
      expect(doctor.user).toEqual(accounts.doctor.user);
      expect(errorCode(await ws.dispatch('session.signIn', { identifier: stranger, password: PASSWORD }))).toBe('OFFLINE');
    } finally {
      Reflect.deleteProperty(ws.runtime, 'servingMirror');
    }
  });

  it('ends offline sign-in at the next sync for accounts reset, deactivated or removed on the server', async () => {
    await server.restore();
    // the failures counted offline stayed on this workstation
    expect(await direct.models.LoginFailure.findByPk(`staff:${accounts.super_admin.user.id}`)).toBeNull();
    await resetStaffPassword(direct, accounts.front_desk.user.id, NEW_PASSWORD);
    await direct.models.Doctor.update({ isActive: false }, { where: { id: accounts.doctor.user.id } });
    await direct.models.Admin.destroy({ where: { id: accounts.admin.user.id } });

    // until the next sync this workstation knows nothing of it
    expect((await attempt(accounts.front_desk.identifier, PASSWORD)).code).toBe('ok');
    await pull();
    expect(await countVerifiers(local())).toBe(1); // the super admin's, unchanged on the server
    for (const [identifier, password] of [
      [accounts.front_desk.identifier, PASSWORD],
      [accounts.front_desk.identifier, NEW_PASSWORD],
      [accounts.doctor.identifier, PASSWORD],
      [accounts.admin.identifier, PASSWORD],
    ] as const) {
      expect((await attempt(identifier, password)).code, identifier).toBe('OFFLINE');
    }

    // signing in against the server with the new password makes offline sign-in work again
    expectOk(await ws.dispatch('session.signIn', { identifier: accounts.front_desk.identifier, password: NEW_PASSWORD }));
    expect((await attempt(accounts.front_desk.identifier, NEW_PASSWORD)).code).toBe('ok');
    expect((await attempt(accounts.front_desk.identifier, PASSWORD)).code).toBe('INVALID_CREDENTIALS');
  });

  it('forgets the failures counted offline once the account signs in against the server', async () => {
    const identifier = accounts.super_admin.identifier;
    expect((await attempt(identifier, PASSWORD)).code).toBe('LOCKED_OUT');
    expectOk(await ws.dispatch('session.signIn', { identifier, password: PASSWORD }));
    expect(await local().models.LoginFailure.findByPk(`staff:${accounts.super_admin.user.id}`)).toBeNull();
    expect((await attempt(identifier, PASSWORD)).code).toBe('ok');
  });

  it('brings prescriptions into the local file with the mirror pull', async () => {
    const { documents } = ws.runtime.stores();
    const made = await documents.prescriptions.insert({ ...seedPrescription, patientId: 77_001, appointmentId: 77_002 });
    const pulls = await pull();
    expect(pulls.find((entry) => entry.table === 'doc:prescriptions')?.written).toBe(1);
    const mirrored = await openSqliteDocumentStore(local().sequelize);
    expect(await mirrored.prescriptions.findById(made.id)).toEqual(made);
  });

  it('never wrote a password to the console', () => {
    const printed = JSON.stringify(consoleSpies.flatMap((spy) => spy.mock.calls));
    for (const secret of [PASSWORD, NEW_PASSWORD, WRONG]) expect(printed).not.toContain(secret);
  });
});
