/**
 * The patient search answers with the patients listed and how many the words find in all, each
 * patient once however many index ranges find them; "Show more" asks again with a higher limit
 * and gets the first list back plus the next patients. A limit outside the channel's range is
 * refused and leaves no trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { PatientSearchPage } from '../../../shared/ipc/reception/types';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts } from '../auth/accounts-fixture';
import { patientValues } from '../sql/fixtures';
import { seedClinic, workstationClock } from '../scheduling/clinic-fixture';

const PREFIX = 'Vantrebel';
const BY_LAST_NAME = 27;

describe.each(WORKSTATION_STORES)('patient search total on the $name', (store) => {
  let dir: TempDir;
  let ws: Workstation;
  let cleanup: () => Promise<void>;
  const activeIds: number[] = [];
  let inactiveId = 0;

  const search = async (input: Record<string, unknown>) =>
    expectOk<PatientSearchPage>(await ws.dispatch('patients.search', { query: PREFIX.toLowerCase(), ...input }));
  // the trail is written from a local spool: flushed first, every record made so far is counted
  const searchAudits = async () => {
    await ws.audit.flush();
    return (await ws.runtime.stores().documents.systemAuditLogs.find({ action: 'search_patients' })).length;
  };

  beforeAll(async () => {
    dir = createTempDir();
    const opened = await store.open();
    cleanup = opened.cleanup;
    ws = await startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql } = ws.runtime.stores();
    await seedClinic(sql, { patients: 0 });
    const accounts = await createAccounts(sql);
    ws.session.signIn(accounts.front_desk.user);
    // Generated people only. One is found by last name and by email, one by first name only.
    for (let i = 0; i < BY_LAST_NAME; i++) {
      const email = i === 0 ? `${PREFIX.toLowerCase()}.both@patients.example` : `generated.total.${i}@patients.example`;
      const row = await sql.models.Patient.create(
        patientValues({ firstName: 'Generated', lastName: `${PREFIX}${String(i).padStart(2, '0')}`, email }),
      );
      activeIds.push(row.id);
    }
    const byFirstName = await sql.models.Patient.create(
      patientValues({ firstName: `${PREFIX}a`, lastName: 'Generatedson', email: 'generated.total.first@patients.example' }),
    );
    activeIds.push(byFirstName.id);
    const inactive = await sql.models.Patient.create(
      patientValues({ firstName: 'Generated', lastName: `${PREFIX}zz`, email: 'generated.total.off@patients.example', isActive: false }),
    );
    inactiveId = inactive.id;
  }, 120_000);

  afterAll(async () => {
    await ws?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('counts every patient the words find, each once, beside a first page of the limit', async () => {
    const first = await search({ limit: 12 });
    expect(first.patients).toHaveLength(12);
    expect(first.total).toBe(activeIds.length);
    expect(first.totalIsAtLeast).toBe(false);
    expect((await search({ limit: 12, includeInactive: true })).total).toBe(activeIds.length + 1);
    const exact = await ws.dispatch('patients.search', { query: `${PREFIX}05`, limit: 12 });
    expect(expectOk<PatientSearchPage>(exact)).toMatchObject({ total: 1, patients: [{ id: activeIds[5] }] });
    const none = await ws.dispatch('patients.search', { query: `${PREFIX}q`, limit: 12 });
    expect(expectOk<PatientSearchPage>(none)).toEqual({ patients: [], total: 0, totalIsAtLeast: false });
  });

  it('shows more by a higher limit: the first page again, then the next patients, up to all of them', async () => {
    const first = (await search({ limit: 12 })).patients.map((p) => p.id);
    const second = await search({ limit: 24 });
    const ids = second.patients.map((p) => p.id);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
    expect(ids.slice(0, 12)).toEqual(first);
    expect(ids.slice(12).every((id) => activeIds.includes(id))).toBe(true);
    const all = await search({ limit: 36 });
    expect(all.patients.map((p) => p.id).sort((a, b) => a - b)).toEqual([...activeIds].sort((a, b) => a - b));
    expect(all.patients.map((p) => p.id)).not.toContain(inactiveId);
    expect(all.total).toBe(all.patients.length);
  });

  it('refuses a limit outside 1..60 or not a whole number, naming the field, and records no search', async () => {
    const before = await searchAudits();
    for (const limit of [0, -12, 61, 2.5, '24', null]) {
      const result = await ws.dispatch('patients.search', { query: PREFIX, limit });
      expect(errorCode(result), JSON.stringify(limit)).toBe('VALIDATION');
      if (!result.ok) expect(result.error.message).toMatch(/^limit: /);
    }
    const extra = await ws.dispatch('patients.search', { query: PREFIX, limit: 12, offset: 12 });
    expect(errorCode(extra)).toBe('VALIDATION');
    expect(await searchAudits()).toBe(before);
    expect((await search({ limit: 60 })).patients).toHaveLength(activeIds.length);
    expect(await searchAudits()).toBe(before + 1);
  });
});
