import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { CHANNELS } from '../../../shared/ipc/contract';
import { ERROR_CODES } from '../../../shared/ipc/result';
import type { AppStatus, SetupResult } from '../../../shared/ipc/types';
import { createTempDir, type TempDir } from '../../support/services';
import { expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { workstationClock } from '../scheduling/clinic-fixture';

const validSetup = {
  clinicName: 'Riverside Family Practice',
  timezone: 'Europe/Berlin',
  admin: {
    username: 'ops.lead',
    email: 'Ops.Lead@riverside.test',
    firstName: 'Alex',
    lastName: 'Moreau',
    password: 'long-enough-passphrase',
  },
};

describe.each(WORKSTATION_STORES)('a workstation on the $name', (store) => {
  let dir: TempDir;
  let workstation: Workstation;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    dir = createTempDir();
    const opened = await store.open();
    cleanup = opened.cleanup;
    workstation = await startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
  });

  afterAll(async () => {
    await workstation?.runtime.close();
    await cleanup?.();
    dir?.remove();
  });

  it('reports a healthy, migrated store that needs its first-run setup', async () => {
    const status = expectOk<AppStatus>(await workstation.dispatch('app.status', {}));
    expect(status.stores.map((s) => s.ok)).toEqual([true, true]);
    expect(status.schemaVersion).toMatch(/^\d{12}-/);
    expect(status.setupRequired).toBe(true);
    expect(status.appVersion).toBe('0.0.0-test');
  });

  it('refuses a bad setup with the field named, and writes nothing', async () => {
    const result = await workstation.dispatch('setup.complete', {
      ...validSetup,
      timezone: 'Mars/Olympus_Mons',
      admin: { ...validSetup.admin, password: 'short' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const fields = (result.error.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['timezone', 'admin.password']));
    expect(expectOk<AppStatus>(await workstation.dispatch('app.status', {})).setupRequired).toBe(true);
  });

  it('sets the clinic up once, signs the super admin in, and refuses a second setup', async () => {
    const done = expectOk<SetupResult>(await workstation.dispatch('setup.complete', validSetup));
    expect(done.user).toMatchObject({ kind: 'staff', role: 'super_admin', displayName: 'Alex Moreau' });
    expect(expectOk<{ user: unknown }>(await workstation.dispatch('session.current', {})).user).toEqual(done.user);

    const status = expectOk<AppStatus>(await workstation.dispatch('app.status', {}));
    expect(status).toMatchObject({ setupRequired: false, clinicName: 'Riverside Family Practice', timezone: 'Europe/Berlin' });

    const again = await workstation.dispatch('setup.complete', { ...validSetup, admin: { ...validSetup.admin, username: 'other' } });
    expect(again.ok ? null : again.error.code).toBe('ALREADY_SET_UP');

    const admin = await workstation.runtime.stores().sql.models.Admin.findOne({ where: { username: 'ops.lead' } });
    expect(admin?.email).toBe('ops.lead@riverside.test');
    expect(admin?.passwordHash).toMatch(/^scrypt\$/);
    expect(admin?.roleLevel).toBe(2);
  });

  it('answers an unknown channel with NOT_FOUND', async () => {
    const result = await workstation.dispatch('patients.dropAll', {});
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
  });

  it('turns any input on any channel into a Result, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.anything(), async (channel, input) => {
        const result = await workstation.dispatch(channel, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(ERROR_CODES).toContain(result.error.code);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a workstation whose clinic server is unreachable', () => {
  it('starts, explains the problem, and refuses work with STORE_UNAVAILABLE', async () => {
    const dir = createTempDir();
    const workstation = await startWorkstation({
      dataDir: dir.path,
      env: { CLINIC_MYSQL_URL: 'mysql://clinic:secret@127.0.0.1:1/clinic', CLINIC_MONGODB_URI: 'mongodb://127.0.0.1:1/clinic' },
      secretBox: null,
      appVersion: '0.0.0-test',
    });
    try {
      const status = expectOk<AppStatus>(await workstation.dispatch('app.status', {}));
      expect(status.mode).toBe('networked');
      expect(status.stores[0]).toMatchObject({ name: 'sql', ok: false, description: 'MySQL 127.0.0.1:1/clinic' });
      expect(status.stores[0]?.problem).toMatch(/refused the connection/);
      expect(JSON.stringify(status)).not.toContain('secret');
      const setup = await workstation.dispatch('setup.complete', validSetup);
      expect(setup.ok ? null : setup.error.code).toBe('STORE_UNAVAILABLE');
    } finally {
      await workstation.runtime.close();
      dir.remove();
    }
  });
});
