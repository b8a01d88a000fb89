/**
 * Every channel, field by field, with the inputs that used to crash or corrupt: NUL characters,
 * lone surrogates, blanks, wrong types, oversized text, malformed dates. Each call goes through
 * the loopback bridge (as the renderer's calls do without Electron) on both stores, and each
 * answer must be a well-formed Result: no INTERNAL, no HTTP 500, no reset. Text that cannot be
 * stored is refused with VALIDATION naming the field, and a refused call changes nothing.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { BRIDGE_PATH, BRIDGE_TOKEN_HEADER, startHttpBridge, type BridgeServer } from '../../../electron/main/ipc/http-bridge';
import { MIRROR_TABLES } from '../../../electron/main/services/sync/mirror-tables';
import { CHANNELS, contract, type Channel } from '../../../shared/ipc/contract';
import { PERMISSION_MATRIX, ROLES, type Role } from '../../../shared/ipc/permissions';
import { ERROR_CODES, type Result } from '../../../shared/ipc/result';
import { workstationClock } from '../scheduling/clinic-fixture';
import { createTempDir, type TempDir } from '../../support/services';
import { WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, seedBookableClinic, tomorrow, type RoleAccount } from '../auth/accounts-fixture';
import { FEATURES, SAMPLES } from '../auth/matrix/all-samples';
import type { RoleFixture } from '../auth/matrix/types';

/** Text no store can keep as typed: each must be refused on the field that carries it. */
const UNSTORABLE_TEXT = ['a\u0000b', '\u0000', 'Sur\ud800rogate', '\udc00', 'end\ud83d'];
/** Everything else a careless or hostile caller sends in place of a field. */
const ODD_VALUES: unknown[] = ['', ' ', '1', 'x'.repeat(20_000), '2026-02-30', null, -1, 1.5, {}, ['a']];
/** Whole inputs that are not objects at all, or carry what no schema has. */
const ODD_INPUTS: unknown[] = [null, [], 'text', 42, { unexpected: 1 }];

/** Valid calls of these would end the session, replace the store or take long; their refusals still run. */
const NOT_RUN_WHEN_VALID: ReadonlySet<Channel> = new Set<Channel>([
  'backups.restore',
  'backups.create',
  'session.signOut',
  'session.lock',
  'kiosk.enter',
  'kiosk.exit',
  'setup.complete',
] as Channel[]);

type Path = (string | number)[];

/** Every leaf of a sample input, with its path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return path.length ? [{ path, value }] : [];
}

function withValue(input: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

function isWellFormed(result: unknown): result is Result<unknown> {
  if (typeof result !== 'object' || result === null) return false;
  const r = result as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'data' in r;
  return r.ok === false && ERROR_CODES.includes(r.error?.code as never) && typeof r.error?.message === 'string' && r.error.message.length > 0;
}

const fieldsOf = (result: Result<unknown>): string[] =>
  result.ok ? [] : (((result.error.details as { fields?: { field: string }[] } | undefined)?.fields ?? []).map((f) => f.field));

describe.each(WORKSTATION_STORES)('bad input on every channel, on the $name', (store) => {
  let dir: TempDir;
  let rendererDir: string;
  let ws: Workstation;
  let bridge: BridgeServer;
  let cleanup: () => Promise<void>;
  let accounts: Record<Role, RoleAccount>;
  const fixtures = new Map<Role, RoleFixture>();
  const tally = { calls: 0, ok: 0, refused: 0, internal: 0, http500: 0, resets: 0, malformed: 0, refusedAndChanged: 0 };
  const problems: string[] = [];

  /**
   * What a refused call could have changed, in one round trip: per table its row count, id sum
   * and latest change stamp (every change of those tables stamps updated_at), the small tables
   * whole; and the documents but the audit trail (a refusal is recorded there on purpose).
   */
  async function fingerprint(): Promise<string> {
    const { sql, documents } = ws.runtime.stores();
    const stamped = new Set(['patients', 'doctors', 'appointments', 'clinic_settings']);
    const summary = MIRROR_TABLES.map(
      ({ table }) =>
        `SELECT '${table}' AS t, COUNT(*) AS n, COALESCE(SUM(id), 0) AS s, ${stamped.has(table) ? 'MAX(updated_at)' : 'NULL'} AS u FROM ${table}`,
    ).join(' UNION ALL ');
    const [tables, staff, waiting, documentCounts] = await Promise.all([
      sql.sequelize.query(summary, { type: QueryTypes.SELECT }),
      sql.sequelize.query('SELECT * FROM admin ORDER BY id', { type: QueryTypes.SELECT }),
      sql.sequelize.query('SELECT * FROM waiting_list ORDER BY id', { type: QueryTypes.SELECT }),
      Promise.all([documents.prescriptions.count(), documents.patientFeedback.count(), documents.communicationLogs.count()]),
    ]);
    return createHash('sha256').update(JSON.stringify([tables, staff, waiting, documentCounts])).digest('hex');
  }

  /** The first role allowed to use a channel: the walk must get past the role check to reach validation. */
  function roleFor(channel: Channel): Role | null {
    const allowed = PERMISSION_MATRIX[contract[channel].permission];
    return (['super_admin', 'doctor', 'patient', 'front_desk', 'admin'] as const).find((role) => allowed.includes(role)) ?? null;
  }

  async function callOverBridge(channel: Channel, input: unknown): Promise<Result<unknown> | null> {
    tally.calls += 1;
    let response: Response;
    try {
      response = await fetch(bridge.url + BRIDGE_PATH + channel, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: bridge.token, origin: bridge.url },
        body: JSON.stringify(input),
      });
    } catch (error) {
      tally.resets += 1;
      problems.push(`${channel}: no answer (${(error as Error).message})`);
      return null;
    }
    if (response.status >= 500) tally.http500 += 1;
    const body: unknown = await response.json().catch(() => null);
    if (!isWellFormed(body)) {
      tally.malformed += 1;
      problems.push(`${channel}: HTTP ${response.status}, not a Result`);
      return null;
    }
    if (body.ok) tally.ok += 1;
    else tally.refused += 1;
    if (!body.ok && body.error.code === 'INTERNAL') {
      tally.internal += 1;
      problems.push(`${channel} ${JSON.stringify(input).slice(0, 120)}: INTERNAL`);
    }
    return body;
  }

  /** The role's session, as it was: a call may have signed out, locked, or switched to the kiosk. */
  function actAs(role: Role): void {
    const { user } = accounts[role];
    if (ws.session.user?.id !== user.id || ws.session.user.kind !== user.kind || ws.session.isLocked()) ws.session.signIn(user);
  }

  beforeAll(async () => {
    dir = createTempDir();
    rendererDir = mkdtempSync(join(tmpdir(), 'clinic-walk-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>walk</title>');
    const opened = await store.open();
    cleanup = opened.cleanup;
    ws = await startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql } = ws.runtime.stores();
    const clinic = await seedBookableClinic(sql, ROLES.length, ROLES.length * 4);
    accounts = await createAccounts(sql);
    const spare = await createAccounts(sql);
    const day = tomorrow();
    for (const [index, role] of ROLES.entries()) {
      const doctorId = clinic.doctors[index]!.id;
      const patientIds = clinic.patients.slice(index * 4, index * 4 + 4).map((p) => p.id);
      const book = (patientId: number, time: string) =>
        sql.models.Appointment.create({ doctorId, patientId, appointmentDate: day, appointmentTime: time, durationMinutes: 30 }).then((a) => a.id);
      fixtures.set(role, {
        doctorId,
        patientIds,
        appointments: { toMove: await book(patientIds[0]!, '09:00'), toCancel: await book(patientIds[1]!, '10:00'), toConfirm: await book(patientIds[2]!, '11:00') },
        seriesToCancel: 0,
        spareStaffId: spare.front_desk.user.id,
        extra: new Map(),
      });
    }
    for (const feature of FEATURES) {
      for (const role of ROLES) await feature.prepare?.(ws, role, fixtures.get(role)!, accounts);
    }
    bridge = await startHttpBridge({ dispatch: ws.dispatch, rendererDir });
  }, 240_000);

  afterAll(async () => {
    await bridge?.close();
    await ws?.close();
    await cleanup?.();
    dir?.remove();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  it('refuses unstorable text on every text field with VALIDATION naming it, and changes nothing', { timeout: 600_000 }, async () => {
    const unnamed: string[] = [];
    for (const channel of CHANNELS) {
      const role = roleFor(channel);
      if (!role) continue;
      const sample = SAMPLES[channel].input(fixtures.get(role)!, accounts[role]);
      const textLeaves = leaves(sample).filter((leaf) => typeof leaf.value === 'string');
      if (textLeaves.length === 0) continue;
      actAs(role);
      const before = await fingerprint();
      for (const leaf of textLeaves) {
        for (const bad of UNSTORABLE_TEXT) {
          actAs(role);
          const result = await callOverBridge(channel, withValue(sample, leaf.path, bad));
          if (!result) continue;
          const field = leaf.path.join('.');
          if (result.ok || result.error.code !== 'VALIDATION') {
            problems.push(`${channel} ${field}=${JSON.stringify(bad)}: ${result.ok ? 'accepted' : result.error.code}`);
          } else if (!fieldsOf(result).some((named) => named === field || field.startsWith(`${named}.`) || named.startsWith(`${field}.`))) {
            unnamed.push(`${channel} ${field}: named ${JSON.stringify(fieldsOf(result))}`);
          }
        }
      }
      if ((await fingerprint()) !== before) {
        tally.refusedAndChanged += 1;
        problems.push(`${channel}: a refused call changed data`);
      }
    }
    expect(problems).toEqual([]);
    expect(unnamed).toEqual([]);
  });

  it('answers odd values and odd inputs on every channel with well-formed Results: no INTERNAL, no 500, no reset', { timeout: 1_200_000 }, async () => {
    for (const channel of CHANNELS) {
      const role = roleFor(channel);
      if (!role) continue;
      const sample = SAMPLES[channel].input(fixtures.get(role)!, accounts[role]);
      const calls: unknown[] = [...ODD_INPUTS];
      for (const leaf of leaves(sample)) for (const odd of ODD_VALUES) calls.push(withValue(sample, leaf.path, odd));
      let baseline = await fingerprint();
      for (const input of calls) {
        actAs(role);
        if (NOT_RUN_WHEN_VALID.has(channel) && contract[channel].input.safeParse(input).success) continue;
        const result = await callOverBridge(channel, input);
        const after = await fingerprint();
        if (result && !result.ok && after !== baseline) {
          tally.refusedAndChanged += 1;
          problems.push(`${channel} ${JSON.stringify(input).slice(0, 120)}: refused (${result.error.code}) but changed data`);
        }
        baseline = after;
      }
    }
    console.info(`bad-input walk on the ${store.name}: ${JSON.stringify(tally)}`);
    expect(problems).toEqual([]);
    expect(tally).toMatchObject({ internal: 0, http500: 0, resets: 0, malformed: 0, refusedAndChanged: 0 });
    expect(tally.calls).toBeGreaterThan(1000);
  });
});
