/**
 * A workstation whose clock is hours off the server's (set by hand, no time sync): the stamps
 * other machines compare (updated_at, the copy sync's cursor and leases, the notice scan) come
 * from the database's clock, so a change made elsewhere after this workstation's is still found.
 * The workstation's `Date` is moved three hours ahead here; the MariaDB server keeps its own.
 */
import { QueryTypes } from 'sequelize';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Workstation } from '../../../electron/main/compose';
import { CopySyncStore } from '../../../electron/main/data/sql/consistency/copy-sync-store';
import { serverNowMs } from '../../../electron/main/data/sql/repositories/server-clock-repository';
import type { TempDir } from '../../support/services';
import { expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts } from '../auth/accounts-fixture';
import { openWorkstation } from '../communications/comms-fixture';
import { pass, seedPrescriptions } from './consistency-fixture';

const SKEW_MS = 3 * 60 * 60_000;
/** The copy sync's lease (copy-sync.ts) and a margin for a slow machine. */
const LEASE_MS = 10 * 60_000;
const MARGIN_MS = 60_000;

const networked = WORKSTATION_STORES.filter((store) => store.name.startsWith('networked'));

describe.each(networked)('a workstation three hours ahead of the server, on the $name', (store) => {
  let desk: Workstation;
  let dir: TempDir;
  let cleanup: () => Promise<void>;
  let seeded: Awaited<ReturnType<typeof seedPrescriptions>>;
  let accounts: Awaited<ReturnType<typeof createAccounts>>;

  beforeAll(async () => {
    const opened = await store.open();
    cleanup = opened.cleanup;
    const first = await openWorkstation(opened.env, 'desk-ahead');
    desk = first.workstation;
    dir = first.dir;
    seeded = await seedPrescriptions(desk);
    accounts = await createAccounts(desk.runtime.stores().sql);
    // Every change so far is behind the shared cursor.
    await pass(desk);
  }, 120_000);

  afterEach(() => {
    vi.useRealTimers();
  });

  afterAll(async () => {
    await desk?.close();
    await cleanup?.();
    dir?.remove();
  });

  /** From here on this workstation's clock reads three hours later; the admin signs in on it. */
  const moveWorkstationClockAhead = () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + SKEW_MS, shouldAdvanceTime: true });
    desk.session.signIn(accounts.admin.user);
  };

  it('stamps its own change with the server time, so a direct SQL edit made after it is still copied', async () => {
    const { sql, documents } = desk.runtime.stores();
    const [p0, p1] = seeded.patients;
    moveWorkstationClockAhead();
    expectOk(
      await desk.dispatch('patients.update', {
        patientId: p0!.id,
        patient: { firstName: 'Orlena', lastName: 'Vastreck', email: p0!.email, phone: p0!.phone, dateOfBirth: String(p0!.dateOfBirth).slice(0, 10), gender: p0!.gender },
        acknowledgeDuplicates: true,
      }),
    );
    const [stamped] = await new CopySyncStore(sql).people('patient', [p0!.id]);
    const serverNow = await serverNowMs(sql);
    expect(Math.abs(stamped!.updatedAtMs - serverNow)).toBeLessThan(MARGIN_MS);

    // The scheduled pass moves the shared cursor to that change.
    await pass(desk);
    // Then someone edits another patient on the server directly: the server's clock stamps it.
    await sql.sequelize.query("UPDATE patients SET last_name = 'Quenby' WHERE id = :id", { replacements: { id: p1!.id } });
    const summary = await pass(desk);
    expect(summary.people).toBe(1);
    const docs = await documents.prescriptions.find({ patientId: p1!.id });
    expect(docs.map((d) => d.patientName)).toEqual(['Pim Quenby', 'Pim Quenby']);
  });

  it('takes its leases on the server clock, so another workstation judges them by the same clock', async () => {
    const { sql } = desk.runtime.stores();
    const [, , p2] = seeded.patients;
    moveWorkstationClockAhead();
    await sql.sequelize.query("UPDATE patients SET first_name = 'Tavio' WHERE id = :id", { replacements: { id: p2!.id } });
    await pass(desk);
    const claims = await new CopySyncStore(sql).claims();
    const serverNow = await serverNowMs(sql);
    const latest = claims.reduce((max, claim) => Math.max(max, claim.leaseUntilMs), 0);
    expect(latest).toBeGreaterThan(serverNow);
    expect(latest).toBeLessThanOrEqual(serverNow + LEASE_MS + MARGIN_MS);
  });
});

describe.each(networked)('a clinic server first set up from a workstation three hours ahead, on the $name', (store) => {
  let desk: Workstation | undefined;
  let dir: TempDir | undefined;
  let cleanup: (() => Promise<void>) | undefined;

  afterAll(async () => {
    vi.useRealTimers();
    await desk?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('starts the notice scan at the server’s time, so bookings made from then on are confirmed', async () => {
    const opened = await store.open();
    cleanup = opened.cleanup;
    // The workstation that migrates the new server reads three hours later than the server.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + SKEW_MS, shouldAdvanceTime: true });
    const first = await openWorkstation(opened.env, 'desk-migrates-ahead');
    desk = first.workstation;
    dir = first.dir;
    vi.useRealTimers();
    const { sql } = desk.runtime.stores();
    const [cursor] = await sql.sequelize.query<{ scanned_to_ms: number | string }>("SELECT scanned_to_ms FROM message_cursor WHERE name = 'notices'", {
      type: QueryTypes.SELECT,
    });
    const serverNow = await serverNowMs(sql);
    expect(Number(cursor!.scanned_to_ms)).toBeLessThanOrEqual(serverNow);
    expect(serverNow - Number(cursor!.scanned_to_ms)).toBeLessThan(MARGIN_MS + 120_000);
  }, 180_000);
});
