/**
 * A change made offline in the very moment the outbox finishes a replay (the fault test found
 * this by chance; here it is swept on purpose). The dispatcher decides "queue" while the screens
 * are on the mirror; whatever the replay does meanwhile, that change must be applied to the
 * mirror (a local id back) and reach the server exactly once: never run on the server directly
 * and then replayed again, never replayed before its local change finished.
 */
import { testWorkstationOptions } from '../../support/proxied-clinic-server';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalId } from '../../../shared/domain/sync/local-ids';
import type { PatientDetails } from '../../../shared/ipc/reception/types';
import type { SyncConflict, SyncStatus } from '../../../shared/ipc/sync/types';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { createTempDir, createTestMongoDatabase, createTestMysqlDatabase, type TempDir, type TestDatabase } from '../../support/services';
import { expectOk } from '../../support/workstation-stores';
import { createAccounts } from '../auth/accounts-fixture';
import { seedClinic } from '../scheduling/clinic-fixture';
import { patientValues } from '../sql/fixtures';

const ROUNDS = 150;

/** Waits until `ms` have passed, turn by turn, so the replay's queries go on meanwhile (finer than a timer). */
async function waitTurns(ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) await nextTurn();
}

function newPatient() {
  const { firstName, lastName, email, phone, dateOfBirth, gender } = patientValues();
  return { firstName, lastName, email, phone, dateOfBirth, gender };
}

describe('an offline change made while a replay drains the outbox', () => {
  let dir: TempDir;
  let mysql: TestDatabase;
  let mongo: TestDatabase;
  let direct: SqlStore;
  let workstation: Workstation;

  beforeAll(async () => {
    dir = createTempDir();
    mysql = await createTestMysqlDatabase();
    mongo = await createTestMongoDatabase();
    workstation = await startWorkstation(testWorkstationOptions(dir.path, { CLINIC_MYSQL_URL: mysql.url, CLINIC_MONGODB_URI: mongo.url }));
    direct = await openSqlStore({ dialect: 'mysql', url: mysql.url });
    await seedClinic(direct, { doctors: 1, patients: 2 });
    workstation.session.signIn((await createAccounts(direct)).front_desk.user);
    await workstation.sync.mirror!.pullNow();
  }, 90_000);

  afterAll(async () => {
    await workstation?.close();
    await direct?.close();
    await mysql?.drop();
    await mongo?.drop();
    dir?.remove();
  });

  it('applies it to the mirror and sends it to the server once, whenever it comes', { timeout: 120_000 }, async () => {
    const outbox = workstation.sync.outbox!;
    const ranOnServer: number[] = [];
    const decided: string[] = [];
    // How long one replay of one registration takes here: the sweep spans it.
    workstation.runtime.serveFromMirror(true);
    expectOk<PatientDetails>(await workstation.dispatch('patients.register', { patient: newPatient(), acknowledgeDuplicates: true }));
    const started = performance.now();
    await outbox.replay();
    const replayMs = performance.now() - started;
    for (let round = 0; round < ROUNDS; round++) {
      // As right after the server came back: the screens still on the mirror, one change waiting.
      workstation.runtime.serveFromMirror(true);
      expectOk<PatientDetails>(await workstation.dispatch('patients.register', { patient: newPatient(), acknowledgeDuplicates: true }));
      const replay = outbox.replay();
      // The second change comes a little later each round: the sweep crosses the replay's end.
      await waitTurns(replayMs * (0.2 + (1.2 * round) / ROUNDS));
      const servingMirror = workstation.runtime.servingMirror;
      const patient = newPatient();
      const made = await workstation.dispatch('patients.register', { patient, acknowledgeDuplicates: true });
      await replay;
      await outbox.replay();
      decided.push(servingMirror ? 'q' : 'o');
      if (!servingMirror) continue; // decided online: nothing to check here
      const registered = expectOk<PatientDetails>(made);
      if (!isLocalId(registered.id)) ranOnServer.push(round);
      expect(await direct.models.Patient.count({ where: { email: patient.email } }), `round ${round}`).toBe(1);
    }
    console.log(`replay ${replayMs.toFixed(1)} ms; queued (q) or online (o) by round: ${decided.join('')}`);
    // A queued change is the mirror's: a server id back means its "local" change ran on the server.
    expect(ranOnServer, 'rounds whose queued change ran on the server').toEqual([]);
    const conflicts = expectOk<SyncConflict[]>(await workstation.dispatch('sync.conflicts.list', {}));
    expect(conflicts.map((c) => `${c.code}: ${c.reason}`)).toEqual([]);
    const status = expectOk<SyncStatus>(await workstation.dispatch('sync.status', {}));
    expect(status).toMatchObject({ pendingChanges: 0, conflicts: 0, servingFromMirror: false });
  });
});
