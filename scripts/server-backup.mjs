#!/usr/bin/env node
// Backups and point-in-time recovery of the clinic server, for the clinic's IT person
// (docs/running-the-clinic-server.md):
//
//   npm run server-backup                                  full backup + binary-log archive + verify + rotate
//   npm run server-backup -- --binlogs-only                archive the binary logs since the last run (hourly)
//   npm run server-restore -- --to "2026-12-06 10:42:00"   rebuild the database as it was at that second (UTC)
//                             [--into clinic_restored]     into this database (default <db>_restored_<time>)
//
// Settings (environment): CLINIC_MYSQL_URL (a user with RELOAD, REPLICATION CLIENT/SLAVE, SELECT,
// LOCK TABLES, SHOW VIEW, CREATE, DROP), CLINIC_BACKUP_DIR (default ./clinic-server-backups),
// CLINIC_BACKUP_KEEP (full backups kept, default 7), CLINIC_MONGODB_URI (optional: mongodump).
// Uses the MariaDB/MySQL command-line tools: mariadb-dump (or mysqldump), mariadb-binlog (or
// mysqlbinlog) and the mariadb (or mysql) client.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

class UsageError extends Error {}

const tool = (...names) => {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
};

function serverFrom(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError('CLINIC_MYSQL_URL is not a valid URL (mysql://user:password@host:3306/clinic).');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!['mysql:', 'mariadb:'].includes(parsed.protocol) || !database) {
    throw new UsageError('CLINIC_MYSQL_URL must be mysql://user:password@host:3306/<database>.');
  }
  return {
    host: parsed.hostname,
    port: parsed.port || '3306',
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
  };
}

/** Connection arguments; the password travels in the environment (MYSQL_PWD), never on the command line. */
const connectArgs = (server) => ['--no-defaults', `--host=${server.host}`, `--port=${server.port}`, `--user=${server.user}`];
const toolEnv = (server) => ({ ...process.env, MYSQL_PWD: server.password, TZ: 'UTC' });

function client() {
  const found = tool('mariadb', 'mysql');
  if (!found) throw new UsageError('The mariadb (or mysql) command-line client is not installed.');
  return found;
}

/** Runs SQL through the command-line client; returns its tab-separated output rows. */
function sql(server, statement, database = '') {
  const result = spawnSync(client(), [...connectArgs(server), '-N', '-B', '-e', statement, ...(database ? [database] : [])], {
    encoding: 'utf8',
    env: toolEnv(server),
  });
  if (result.status !== 0) throw new Error(`The server refused: ${result.stderr.trim()}`);
  return result.stdout.trim() === '' ? [] : result.stdout.trim().split('\n').map((line) => line.split('\t'));
}

/** Streams a file (gunzipped) or a command's output into the client, connected to `database`. */
async function feed(server, database, source, preamble) {
  const child = spawn(client(), [...connectArgs(server), database], { env: toolEnv(server), stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => child.once('close', (code) => done(code)));
  child.stdin.write(preamble);
  await pipeline(source, child.stdin);
  const code = await exited;
  if (code !== 0) throw new Error(`Loading into ${database} failed: ${stderr.trim()}`);
}

/**
 * The replay is not binary-logged (see restore), so the original GTID sequence numbers are
 * dropped from it: a server in strict GTID mode refuses an old number even for a session that
 * does not log.
 */
function withoutGtidNumbers() {
  let partial = '';
  const keep = (line) => !/^\/\*M!100001 SET @@session\.gtid_seq_no=\d+\*\/(\/\*!\*\/;)?$/.test(line);
  return new Transform({
    transform(chunk, _encoding, done) {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      done(null, lines.filter(keep).map((line) => `${line}\n`).join(''));
    },
    flush(done) {
      done(null, keep(partial) ? partial : '');
    },
  });
}

const stamp = (date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const quoteName = (name) => `\`${name.replace(/`/g, '``')}\``;

function options(argv) {
  const out = { binlogsOnly: false, to: null, into: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--binlogs-only') out.binlogsOnly = true;
    else if (arg === '--to') out.to = argv[++i] ?? null;
    else if (arg === '--into') out.into = argv[++i] ?? null;
    else throw new UsageError(`Unknown option ${arg}`);
  }
  return out;
}

function settings() {
  const url = process.env.CLINIC_MYSQL_URL;
  if (!url) throw new UsageError('Set CLINIC_MYSQL_URL to the clinic server (mysql://user:password@host:3306/clinic).');
  const keep = Number(process.env.CLINIC_BACKUP_KEEP ?? 7);
  if (!Number.isInteger(keep) || keep < 1) throw new UsageError('CLINIC_BACKUP_KEEP must be a whole number of backups, 1 or more.');
  const dir = resolve(process.env.CLINIC_BACKUP_DIR ?? 'clinic-server-backups');
  mkdirSync(join(dir, 'binlogs'), { recursive: true });
  return { server: serverFrom(url), dir, keep, mongoUri: process.env.CLINIC_MONGODB_URI ?? null };
}

/** The backups in the folder, oldest first, as their manifests say. */
function manifests(dir) {
  return readdirSync(dir)
    .filter((name) => /^full-.*\.json$/.test(name))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
}

// ---------------------------------------------------------------- backup

/**
 * Copies the server's binary logs into the archive: from the newest one already archived (it may
 * have grown since), or from `firstFile` when the archive is empty. Says so when logs the archive
 * lacks are gone from the server (expired before they were copied): a restore cannot cross that gap.
 */
function archiveBinlogs({ server, dir }, firstFile) {
  const binlog = tool('mariadb-binlog', 'mysqlbinlog');
  if (!binlog) throw new UsageError('mariadb-binlog (or mysqlbinlog) is not installed: binary logs cannot be archived.');
  const onServer = sql(server, 'SHOW BINARY LOGS').map(([name]) => name);
  const newestArchived = latestArchivedBinlog(dir);
  const from = newestArchived ?? firstFile;
  const start = onServer.indexOf(from);
  if (start < 0 && from) {
    console.error(
      `Warning: the binary log ${from} is no longer on the server; the archive has a gap before ${onServer[0] ?? 'now'}. ` +
        'A restore to a second in that gap is not possible; raise expire_logs_days or archive more often.',
    );
  }
  const wanted = start >= 0 ? onServer.slice(start) : onServer;
  if (wanted.length === 0) return [];
  const result = spawnSync(
    binlog,
    [...connectArgs(server), '--read-from-remote-server', '--raw', `--result-file=${join(dir, 'binlogs')}/`, ...wanted],
    { encoding: 'utf8', env: toolEnv(server) },
  );
  if (result.status !== 0) throw new Error(`Archiving the binary logs failed: ${result.stderr.trim()}`);
  return wanted;
}

function latestArchivedBinlog(dir) {
  const files = readdirSync(join(dir, 'binlogs')).sort();
  return files.at(-1) ?? null;
}

async function fullBackup(config) {
  const { server, dir } = config;
  const dump = tool('mariadb-dump', 'mysqldump');
  if (!dump) throw new UsageError('mariadb-dump (or mysqldump) is not installed.');
  const logBin = sql(server, 'SELECT @@GLOBAL.log_bin')[0]?.[0];
  if (logBin !== '1') {
    throw new UsageError('The server does not keep a binary log (log_bin is off): point-in-time recovery needs it. See docs/running-the-clinic-server.md.');
  }
  const started = new Date();
  const name = `full-${stamp(started)}`;
  const dumpFile = join(dir, `${name}.sql.gz`);
  // One consistent snapshot (InnoDB, no table locks held while it is read) and, as a comment,
  // the binary-log position it corresponds to: where the replay for a later second starts.
  const child = spawn(
    dump,
    [
      ...connectArgs(server),
      '--single-transaction',
      '--master-data=2',
      '--routines',
      '--triggers',
      '--events',
      '--hex-blob',
      '--default-character-set=utf8mb4',
      server.database,
    ],
    { env: toolEnv(server), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => child.once('close', (code) => done(code)));
  await pipeline(child.stdout, createGzip(), createWriteStream(dumpFile));
  if ((await exited) !== 0) {
    rmSync(dumpFile, { force: true });
    throw new Error(`mariadb-dump failed: ${stderr.trim()}`);
  }
  const head = await firstLines(dumpFile, 60);
  const position = /CHANGE MASTER TO MASTER_LOG_FILE='([^']+)', MASTER_LOG_POS=(\d+)/.exec(head);
  if (!position) throw new Error('The dump does not say its binary-log position.');
  const finishedAt = sql(server, "SELECT DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s')")[0][0];
  const verified = await verify(config, dumpFile, name);
  const manifest = {
    name,
    database: server.database,
    dumpFile: `${name}.sql.gz`,
    binlogFile: position[1],
    binlogPosition: Number(position[2]),
    // A restore to any second from here on can start from this backup.
    restorableFrom: finishedAt,
    verified,
  };
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function firstLines(gzFile, count) {
  const lines = [];
  let text = '';
  const stream = createReadStream(gzFile).pipe(createGunzip());
  for await (const chunk of stream) {
    text += chunk;
    if (text.split('\n').length > count) break;
  }
  stream.destroy();
  lines.push(...text.split('\n').slice(0, count));
  return lines.join('\n');
}

/** Restores the dump into a scratch database, counts every table's rows there, and drops it again. */
async function verify({ server }, dumpFile, name) {
  const scratch = `${server.database}_verify_${name.replace(/\W/g, '').toLowerCase()}`.slice(0, 64);
  sql(server, `CREATE DATABASE ${quoteName(scratch)} CHARACTER SET utf8mb4`);
  try {
    await feed(server, scratch, createReadStream(dumpFile).pipe(createGunzip()), 'SET SESSION sql_log_bin = 0;\n');
    const tables = sql(server, `SELECT table_name FROM information_schema.tables WHERE table_schema = '${scratch}' ORDER BY table_name`).map(([t]) => t);
    if (!tables.includes('appointments') || !tables.includes('patients')) throw new Error('The restored backup has no clinic tables.');
    const rows = {};
    for (const table of tables) rows[table] = Number(sql(server, `SELECT COUNT(*) FROM ${quoteName(scratch)}.${quoteName(table)}`)[0][0]);
    return { restoredInto: 'scratch database, dropped afterwards', tables: tables.length, rows };
  } finally {
    sql(server, `DROP DATABASE IF EXISTS ${quoteName(scratch)}`);
  }
}

/** Keeps the newest `keep` full backups, and the binary logs from the oldest kept one on. */
function rotate({ dir, keep }) {
  const all = manifests(dir);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const old of removed) {
    rmSync(join(dir, old.dumpFile), { force: true });
    rmSync(join(dir, `${old.name}.json`), { force: true });
  }
  const oldestKept = all[removed.length];
  if (oldestKept) {
    for (const file of readdirSync(join(dir, 'binlogs'))) {
      if (file < oldestKept.binlogFile) rmSync(join(dir, 'binlogs', file), { force: true });
    }
  }
  return removed.map((m) => m.name);
}

function mongoBackup({ dir, mongoUri }, name) {
  if (!mongoUri) return 'MongoDB: skipped (CLINIC_MONGODB_URI is not set).';
  const mongodump = tool('mongodump');
  if (!mongodump) {
    return 'MongoDB: SKIPPED, mongodump is not installed on this machine. Install the MongoDB Database Tools, or rely on the replica set (docs/running-the-clinic-server.md).';
  }
  const archive = join(dir, `${name}.mongo.archive.gz`);
  const result = spawnSync(mongodump, [`--uri=${mongoUri}`, `--archive=${archive}`, '--gzip'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mongodump failed: ${result.stderr.trim().split('\n').at(-1)}`);
  return `MongoDB: ${archive}`;
}

async function backup(config, { binlogsOnly }) {
  const { server } = config;
  // A fresh binary log, so the archive's newest file is complete up to this moment.
  sql(server, 'FLUSH BINARY LOGS');
  if (binlogsOnly) {
    const archived = archiveBinlogs(config, manifests(config.dir)[0]?.binlogFile ?? '');
    console.log(`Binary logs archived: ${archived.join(', ') || 'none'}`);
    return;
  }
  const manifest = await fullBackup(config);
  archiveBinlogs(config, manifest.binlogFile);
  const removed = rotate(config);
  console.log(`Full backup ${manifest.dumpFile} of ${manifest.database}: verified (${manifest.verified.tables} tables restored into a scratch database).`);
  console.log(`Restorable from ${manifest.restorableFrom} UTC; binary logs archived in ${join(config.dir, 'binlogs')}.`);
  if (removed.length > 0) console.log(`Rotated out: ${removed.join(', ')}`);
  console.log(mongoBackup(config, manifest.name));
}

// ---------------------------------------------------------------- restore

const SECOND = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

async function restore(config, { to, into }) {
  const { server, dir } = config;
  if (!to || !SECOND.test(to)) throw new UsageError('--to needs a UTC time to the second, e.g. --to "2026-12-06 10:42:00".');
  const target = to.replace('T', ' ');
  const now = sql(server, "SELECT DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s')")[0][0];
  if (target > now) throw new UsageError(`--to ${target} is in the future (the server's clock says ${now} UTC).`);
  const all = manifests(dir);
  if (all.length === 0) throw new UsageError(`No backups in ${dir}: run npm run server-backup first.`);
  const base = all.filter((m) => m.restorableFrom <= target).at(-1);
  if (!base) throw new UsageError(`--to ${target} is before the oldest backup (restorable from ${all[0].restorableFrom} UTC).`);
  const database = into ?? `${server.database}_restored_${target.replace(/\D/g, '')}`;
  if (!/^[A-Za-z0-9_]{1,64}$/.test(database)) throw new UsageError('--into must be a database name of letters, digits and _.');
  if (sql(server, `SHOW DATABASES LIKE '${database}'`).length > 0) {
    throw new UsageError(`The database ${database} exists already; choose another with --into (nothing was changed).`);
  }
  // The newest binary log may hold what happened up to now: fetch it before replaying.
  sql(server, 'FLUSH BINARY LOGS');
  archiveBinlogs(config, base.binlogFile);
  const binlogs = readdirSync(join(dir, 'binlogs'))
    .filter((file) => file >= base.binlogFile && !file.endsWith('.index'))
    .sort();
  const binlogTool = tool('mariadb-binlog', 'mysqlbinlog');
  sql(server, `CREATE DATABASE ${quoteName(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  // Not written to the binary log: the replay repeats old GTIDs, which a server in strict GTID
  // mode refuses, and the rebuilt database is the IT person's to inspect before anything else.
  const preamble = 'SET SESSION sql_log_bin = 0;\n';
  try {
    await feed(server, database, createReadStream(join(dir, base.dumpFile)).pipe(createGunzip()), preamble);
    const replay = spawn(
      binlogTool,
      [
        '--no-defaults',
        `--start-position=${base.binlogPosition}`,
        `--stop-datetime=${target}`,
        `--rewrite-db=${server.database}->${database}`,
        `--database=${server.database}`,
        ...binlogs.map((file) => join(dir, 'binlogs', file)),
      ],
      { env: toolEnv(server), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    replay.stderr.on('data', (chunk) => (stderr += chunk));
    const replayed = new Promise((done) => replay.once('close', (code) => done(code)));
    await feed(server, database, replay.stdout.pipe(withoutGtidNumbers()), preamble);
    if ((await replayed) !== 0) throw new Error(`mariadb-binlog failed: ${stderr.trim()}`);
  } catch (error) {
    sql(server, `DROP DATABASE IF EXISTS ${quoteName(database)}`);
    throw error;
  }
  console.log(`Restored ${server.database} as it was at ${target} UTC into the database ${database}`);
  console.log(`(from ${base.dumpFile}, then the binary logs ${binlogs.join(', ')} up to that second).`);
  console.log('Check it, then point the clinic at it: docs/running-the-clinic-server.md, "Restoring".');
  if (config.mongoUri) {
    console.log(
      tool('mongorestore')
        ? `MongoDB: restore a dump with mongorestore --uri=<uri> --archive=<backup>.mongo.archive.gz --gzip --drop (documents are not restored to a second; see the docs).`
        : 'MongoDB: SKIPPED, mongorestore is not installed on this machine.',
    );
  }
}

// ---------------------------------------------------------------- main

const [command, ...rest] = process.argv.slice(2);
try {
  const config = settings();
  const parsed = options(rest);
  if (command === 'backup') await backup(config, parsed);
  else if (command === 'restore') await restore(config, parsed);
  else throw new UsageError('usage: node scripts/server-backup.mjs backup [--binlogs-only] | restore --to "YYYY-MM-DD HH:MM:SS" [--into db]');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof UsageError ? 2 : 1);
}
