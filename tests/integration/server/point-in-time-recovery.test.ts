import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { patientValues } from '../sql/fixtures';
import { createTempDir, type TempDir } from '../../support/services';
import { runOn, startReplicationPair, withDatabase, type ReplicationPair } from '../../support/replication-pair';

const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'server-backup.mjs');

/** Runs the backup command as an IT person would (npm run server-backup / server-restore). */
function command(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('close', (code) => done({ code, output }));
  });
}

const TABLES = ['patients', 'doctors', 'appointments', 'clinic_settings'];

describe('point-in-time recovery of the clinic server', () => {
  let pair: ReplicationPair;
  let store: SqlStore;
  let backups: TempDir;
  const database = `cdt_pitr_${randomBytes(4).toString('hex')}`;
  let env: Record<string, string>;
  const serverTime = async () =>
    (await runOn<{ t: string }>(pair.primaryUrl, "SELECT DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s') AS t"))[0]!.t;
  /** Waits on the server's clock (not a fixed sleep) until its second differs from `second`. */
  const nextSecond = async (second: string) => {
    while ((await serverTime()) <= second) await new Promise((tick) => setTimeout(tick, 50));
  };
  const snapshot = async (db: string) => {
    const tables: Record<string, unknown[]> = {};
    for (const table of TABLES) tables[table] = await runOn(withDatabase(pair.primaryUrl, db), `SELECT * FROM \`${table}\` ORDER BY id`);
    return tables;
  };

  beforeAll(async () => {
    pair = await startReplicationPair();
    backups = createTempDir('clinic-server-backups-');
    await runOn(pair.primaryUrl, `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    store = await openSqlStore({ dialect: 'mysql', url: withDatabase(pair.primaryUrl, database) });
    env = { CLINIC_MYSQL_URL: withDatabase(pair.primaryUrl, database), CLINIC_BACKUP_DIR: backups.path, CLINIC_BACKUP_KEEP: '2' };
  });
  afterAll(async () => {
    await store?.close();
    await pair?.stop();
    backups?.remove();
  });

  it('write, back up, write, note T, write more: restoring to T gives the tables as they were at T, row for row', async () => {
    await store.models.Patient.bulkCreate([patientValues(), patientValues()]);
    const backup = await command(['backup'], env);
    expect(backup.output).toMatch(/verified \(\d+ tables restored into a scratch database\)/);
    expect(backup.code).toBe(0);

    const changed = await store.models.Patient.create(patientValues());
    await store.models.Patient.update({ phone: '555-0100' }, { where: { id: changed.id } });
    await store.models.Patient.destroy({ where: { id: (await store.models.Patient.findOne({ order: [['id', 'ASC']] }))!.id } });
    const lastWrite = await serverTime();
    await nextSecond(lastWrite);
    const t = await serverTime();
    const atT = await snapshot(database);

    await nextSecond(t);
    await store.models.Patient.create(patientValues());
    await store.models.Patient.update({ phone: '555-0199' }, { where: { id: changed.id } });

    const restored = await command(['restore', '--to', t, '--into', `${database}_at_t`], env);
    expect(restored.output).toContain(`as it was at ${t} UTC`);
    expect(restored.code).toBe(0);
    expect(await snapshot(`${database}_at_t`)).toEqual(atT);
    expect(await snapshot(database)).not.toEqual(atT);
  });

  it('refuses a time before the oldest backup, in the future, or an existing target, changing nothing', async () => {
    const databasesBefore = await runOn(pair.primaryUrl, 'SHOW DATABASES');
    for (const [to, message] of [
      ['2020-01-01 00:00:00', /before the oldest backup/],
      ['2999-01-01 00:00:00', /in the future/],
      ['yesterday', /to the second/],
    ] as const) {
      const refused = await command(['restore', '--to', to], env);
      expect(refused.code).toBe(2);
      expect(refused.output).toMatch(message);
    }
    const existing = await command(['restore', '--to', await serverTime(), '--into', database], env);
    expect(existing.output).toMatch(/exists already/);
    expect(await runOn(pair.primaryUrl, 'SHOW DATABASES')).toEqual(databasesBefore);
  });

  it('keeps the newest backups the retention setting allows, and the binary logs they need', async () => {
    await command(['backup'], env);
    await store.models.Patient.create(patientValues());
    const hourly = await command(['backup', '--binlogs-only'], env);
    expect(hourly.output).toMatch(/Binary logs archived: binlog\.\d+/);
    await command(['backup'], env);
    await store.models.Patient.create(patientValues());
    const { readdirSync } = await import('node:fs');
    const kept = readdirSync(backups.path).filter((name) => name.endsWith('.json'));
    expect(kept).toHaveLength(2);
    // A restore to T replays what happened before T: wait for the second after the last write.
    await nextSecond(await serverTime());
    const restored = await command(['restore', '--to', await serverTime(), '--into', `${database}_now`], env);
    expect(restored.code).toBe(0);
    expect(await snapshot(`${database}_now`)).toEqual(await snapshot(database));
  });
});
