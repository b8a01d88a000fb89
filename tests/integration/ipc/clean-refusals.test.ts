/**
 * Inputs that used to end in INTERNAL, in an HTTP 500, or in text stored altered: each is now a
 * clear refusal naming the field, on the standalone SQLite file and on MariaDB + the document
 * server, and the refused call changes nothing. Text a person can type (a paired emoji
 * surrogate included) still goes in and comes back exactly.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { Channel } from '../../../shared/ipc/contract';
import type { Role } from '../../../shared/ipc/permissions';
import type { Result } from '../../../shared/ipc/result';
import { fixedClock, workstationClock } from '../scheduling/clinic-fixture';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, seedBookableClinic, tomorrow, type RoleAccount } from '../auth/accounts-fixture';
import { searchPatients } from '../../../electron/main/services/reception/patient-search';
import { findLikelyDuplicates } from '../../../electron/main/services/reception/patients';
import { addToWaitingList } from '../../../electron/main/services/reception/waiting-list';

const fieldsOf = (result: Result<unknown>): string[] =>
  result.ok ? [] : ((result.error.details as { fields?: { field: string }[] } | undefined)?.fields ?? []).map((f) => f.field);

const generatedPatient = (firstName: string, lastName: string, suffix: string) => ({
  firstName,
  lastName,
  email: `generated.${suffix}@patients.example`,
  phone: '+1 555 0199 420',
  dateOfBirth: '1988-06-30',
  gender: 'Other' as const,
});

describe.each(WORKSTATION_STORES)('clean refusals on the $name', (store) => {
  let dir: TempDir;
  let ws: Workstation;
  let cleanup: () => Promise<void>;
  let accounts: Record<Role, RoleAccount>;
  let patientId: number;
  let doctorId: number;

  const as = (role: Role) => ws.session.signIn(accounts[role].user);
  const patientCount = () => ws.runtime.stores().sql.models.Patient.count();
  const waitingCount = async () => Number((await ws.runtime.stores().sql.sequelize.query('SELECT COUNT(*) AS n FROM waiting_list', { plain: true }))?.n ?? 0);

  async function expectRefusedOn(channel: Channel, input: unknown, field: string): Promise<void> {
    const result = await ws.dispatch(channel, input);
    expect(errorCode(result), `${channel} ${field}`).toBe('VALIDATION');
    expect(fieldsOf(result), `${channel} ${field}`).toContain(field);
    if (!result.ok) expect(result.error.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
  }

  beforeAll(async () => {
    dir = createTempDir();
    const opened = await store.open();
    cleanup = opened.cleanup;
    ws = await startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql } = ws.runtime.stores();
    const clinic = await seedBookableClinic(sql, 1, 1);
    patientId = clinic.patients[0]!.id;
    doctorId = clinic.doctors[0]!.id;
    accounts = await createAccounts(sql);
  }, 120_000);

  afterAll(async () => {
    await ws?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('answers a malformed change-feed range with VALIDATION on the field, not a crash', async () => {
    as('front_desk');
    for (const from of [' ', '', '1', '2026-02-30']) {
      const result = await ws.dispatch('calendar.changes', { from, to: tomorrow() });
      expect(errorCode(result), JSON.stringify(from)).toBe('VALIDATION');
      expect(fieldsOf(result)).toContain('from');
    }
    expect(errorCode(await ws.dispatch('calendar.changes', { from: tomorrow(), to: tomorrow() }))).toBe('ok');
  });

  it('refuses a NUL on every input that reached the SQL as text, naming the field, and stores nothing', async () => {
    as('front_desk');
    const patients = await patientCount();
    const waiting = await waitingCount();
    await expectRefusedOn('patients.search', { query: 'a\u0000b' }, 'query');
    await expectRefusedOn('communications.patient.find', { query: 'a\u0000b' }, 'query');
    await expectRefusedOn(
      'waitingList.add',
      { patientId, doctorId, fromDate: tomorrow(), toDate: tomorrow(), earliestTime: '08:00', latestTime: '18:00', priority: 2, notes: 'calls\u0000back' },
      'notes',
    );
    await expectRefusedOn('patients.register', { patient: generatedPatient('Nul\u0000la', 'Generated', 'nul'), acknowledgeDuplicates: true }, 'patient.firstName');
    expect(await patientCount()).toBe(patients);
    expect(await waitingCount()).toBe(waiting);

    ws.session.signOut();
    await expectRefusedOn('session.signIn', { identifier: '\u0000', password: 'whatever it is 1' }, 'identifier');
    expect(ws.session.user).toBeNull();
  });

  it('binds typed text as parameters: below the channels, a NUL or a quote cannot break the SQL', async () => {
    const { sql } = ws.runtime.stores();
    const patient = await sql.models.Patient.findByPk(patientId);
    const lastName = patient!.lastName;
    for (const query of ['a\u0000b', "O'Brien\u0000", "' OR 1=1 --"]) {
      expect(await searchPatients(sql, { query, limit: 10, includeInactive: true }), JSON.stringify(query)).toEqual([]);
    }
    // the bound search still finds what it should
    expect((await searchPatients(sql, { query: lastName, limit: 10, includeInactive: true })).map((p) => p.id)).toContain(patientId);
    const duplicates = await findLikelyDuplicates(sql, { firstName: "Nu'l\u0000", lastName: 'x\u0000', dateOfBirth: '1980-01-01', phone: '+1 555 0\u00001' }, null);
    expect(duplicates).toEqual([]);
    const waiting = await waitingCount();
    await addToWaitingList(
      sql,
      { patientId, doctorId, fromDate: tomorrow(), toDate: tomorrow(), earliestTime: '08:00', latestTime: '18:00', priority: 2, notes: "calls back at 5 o'clock\u0000" },
      fixedClock(),
    );
    expect(await waitingCount()).toBe(waiting + 1);
  });

  it('refuses lone surrogates instead of storing them altered, and keeps a paired one exactly', async () => {
    as('front_desk');
    const patients = await patientCount();
    await expectRefusedOn('patients.register', { patient: generatedPatient('Sur\ud800rogate', 'Generated', 'lone'), acknowledgeDuplicates: true }, 'patient.firstName');
    await expectRefusedOn('patients.register', { patient: generatedPatient('Generated', 'Tail\udc00', 'tail'), acknowledgeDuplicates: true }, 'patient.lastName');
    expect(await patientCount()).toBe(patients);

    const registered = expectOk<{ id: number }>(
      await ws.dispatch('patients.register', { patient: generatedPatient('Zo\u00eb \ud83c\udf3f', 'Generated', 'paired'), acknowledgeDuplicates: true }),
    );
    const read = expectOk<{ patient: { firstName: string } }>(await ws.dispatch('patients.get', { patientId: registered.id }));
    expect(read.patient.firstName).toBe('Zo\u00eb \ud83c\udf3f');
  });

  it('refuses a backup restore by the front desk as FORBIDDEN whatever the name, and records each attempt', async () => {
    as('front_desk');
    const { documents } = ws.runtime.stores();
    const attempts = async () => (await documents.systemAuditLogs.find({ action: 'restore_backup' })).filter((log) => log.details?.outcome === 'denied');
    const before = (await attempts()).length;
    for (const name of ['   ', '', 'x'.repeat(300), 'a\u0000b', 'clinic-desk-2026-12-06.sqlite']) {
      expect(errorCode(await ws.dispatch('backups.restore', { name })), JSON.stringify(name)).toBe('FORBIDDEN');
    }
    expect(errorCode(await ws.dispatch('backups.restore', { unexpected: true }))).toBe('FORBIDDEN');
    // a networked workstation delivers audit records to the document server a moment later
    const recorded = await vi.waitFor(
      async () => {
        const now = await attempts();
        expect(now.length - before).toBe(6);
        return now;
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(recorded.every((log) => log.userId === accounts.front_desk.user.id)).toBe(true);
    expect(recorded.map((log) => log.resourceId ?? null)).toContain('clinic-desk-2026-12-06.sqlite');
  });
});
