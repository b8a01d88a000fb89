/**
 * A change refused on the mirror while a replay is under way. The replay read its row (queued
 * first, as every change is) in a batch; the local change then failed (a rule of the mirror's,
 * here a slot it shows as taken), so the row was removed and the caller told "refused". The replay
 * must not send that row to the server afterwards: the receptionist was told it was not saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/ipc/result';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { OfflineOutbox } from '../../../electron/main/services/sync/outbox/offline-outbox';
import { createTempDir, createTestMongoDatabase, createTestMysqlDatabase, type TempDir, type TestDatabase } from '../../support/services';
import { testWorkstationOptions } from '../../support/proxied-clinic-server';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { createAccounts } from '../auth/accounts-fixture';
import type { SessionUser } from '../../../shared/ipc/types';

/** A promise and the hand that settles it. */
function gate<T = void>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('a change refused on the mirror while a replay holds its row', () => {
  let dir: TempDir;
  let mysql: TestDatabase;
  let mongo: TestDatabase;
  let direct: SqlStore;
  let workstation: Workstation;
  let user: SessionUser;

  beforeAll(async () => {
    dir = createTempDir();
    mysql = await createTestMysqlDatabase();
    mongo = await createTestMongoDatabase();
    workstation = await startWorkstation(testWorkstationOptions(dir.path, { CLINIC_MYSQL_URL: mysql.url, CLINIC_MONGODB_URI: mongo.url }));
    direct = await openSqlStore({ dialect: 'mysql', url: mysql.url });
    user = (await createAccounts(direct)).front_desk.user;
  }, 90_000);

  afterAll(async () => {
    await workstation?.close();
    await direct?.close();
    await mysql?.drop();
    await mongo?.drop();
    dir?.remove();
  });

  it('is never sent to the server', { timeout: 60_000 }, async () => {
    const sentToServer: string[] = [];
    const firstReplayHeld = gate();
    const firstReplayStarted = gate();
    const outbox = new OfflineOutbox(workstation.runtime, async (channel, input) => {
      const label = (input as { label: string }).label;
      sentToServer.push(label);
      if (label === 'first') {
        firstReplayStarted.open();
        await firstReplayHeld.promise;
      }
      return { label };
    });
    workstation.runtime.serveFromMirror(true);

    // One change queued and applied on the mirror: the replay will be busy with it.
    await outbox.queue('appointments.book', { label: 'first' }, user, async () => ({ label: 'first' }));
    // A second change whose local change is still running when the replay reads its batch.
    const localRunning = gate();
    const localResult = gate<{ label: string }>();
    const second = outbox.queue('appointments.book', { label: 'second' }, user, async () => {
      localRunning.open();
      return localResult.promise;
    });
    await localRunning.promise; // its row is in the outbox now
    const replay = outbox.replay();
    await firstReplayStarted.promise; // the batch holding both rows has been read
    // The mirror refuses the second change: its caller hears SLOT_TAKEN.
    localResult.fail(new AppFailure('SLOT_TAKEN', 'That time is taken'));
    await expect(second).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    firstReplayHeld.open();
    await replay;
    await outbox.replay();

    expect(sentToServer, 'changes sent to the server').toEqual(['first']);
    expect(await outbox.counts()).toEqual({ pending: 0, conflicts: 0 });
  });
});
