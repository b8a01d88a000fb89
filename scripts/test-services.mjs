#!/usr/bin/env node
// The servers the integration tests need, provided by the project itself:
//   MariaDB/MySQL: CLINIC_TEST_MYSQL_URL if set, else 127.0.0.1:3306 as root (started when it is
//     installed and stopped);
//   a MongoDB-compatible server: MONGODB_URI if set (a real MongoDB), else FerretDB with its
//     SQLite handler (found on PATH or in the cache, else built once with `go install`), else
//     mongodb-memory-server (downloads mongod; needs internet).
//   a replication pair, on request (startReplicationPair): a second and third mariadbd (own data
//     folders under .test-services/, free loopback ports), a primary with binary logging and a
//     replica following it by GTID. The read-replica and point-in-time recovery test files each
//     start their own pair (they stop replication threads, which must not disturb other files)
//     and remove it afterwards.
// `node scripts/test-services.mjs prepare` builds what is missing ahead of a test run (CI does
// this so the long first FerretDB build is not charged to a test timeout). The Vitest global
// setup imports startTestServices() and stops what it started when the run ends.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FERRETDB_VERSION = 'v1.24.2'; // pinned in scripts/ferretdb-runner/go.mod
const CACHE_BIN = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'clinic-desk', 'bin');
const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const STATE_ROOT = join(PROJECT_ROOT, '.test-services');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function portOpen(host, port, timeoutMs = 1000) {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const finish = (open) => {
      socket.destroy();
      done(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

async function waitForPort(host, port, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await portOpen(host, port)) return true;
    await sleep(200);
  }
  return false;
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

// ---------------------------------------------------------------- MariaDB / MySQL

async function ensureMysql(log) {
  if (process.env.CLINIC_TEST_MYSQL_URL) return process.env.CLINIC_TEST_MYSQL_URL;
  const url = 'mysql://root@127.0.0.1:3306';
  if (await portOpen('127.0.0.1', 3306)) return url;
  const daemon = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find(existsSync);
  const starter = which('start-stop-daemon');
  if (!daemon || !starter) {
    throw new Error('No MySQL/MariaDB server on 127.0.0.1:3306 and none installed: install MariaDB or set CLINIC_TEST_MYSQL_URL.');
  }
  log(`starting ${daemon}`);
  spawnSync(starter, ['--start', '--oknodo', '--background', '--exec', daemon], { stdio: 'inherit' });
  if (!(await waitForPort('127.0.0.1', 3306, 30_000))) throw new Error(`${daemon} did not start listening on 127.0.0.1:3306`);
  return url;
}

// ---------------------------------------------------------------- replication pair

const MARIADB_DAEMONS = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld', '/usr/libexec/mariadbd'];

/** Runs a statement on a server through the mariadb/mysql command-line client. */
function sqlOn(port, statement) {
  const client = which('mariadb') ?? which('mysql');
  const result = spawnSync(client, ['--no-defaults', '-uroot', '-h127.0.0.1', `-P${port}`, '-N', '-B', '-e', statement], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${statement}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

async function startMariadbInstance(name, serverId, extraArgs, log) {
  const daemon = MARIADB_DAEMONS.find(existsSync);
  const installer = which('mariadb-install-db') ?? which('mysql_install_db');
  if (!daemon || !installer) throw new Error('mariadbd and mariadb-install-db are needed for the replication tests (apt-get install mariadb-server).');
  const dir = join(STATE_ROOT, `${name}-${process.pid}-${Date.now()}`);
  const dataDir = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const userArgs = asRoot ? ['--user=root'] : [];
  const install = spawnSync(
    installer,
    ['--no-defaults', `--datadir=${dataDir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...userArgs],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`${installer} failed: ${install.stderr || install.stdout}`);
  const port = await freePort();
  const child = spawn(
    daemon,
    [
      '--no-defaults',
      ...userArgs,
      `--datadir=${dataDir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dir, 'mysqld.sock')}`,
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--log-error=${join(dir, 'error.log')}`,
      `--server-id=${serverId}`,
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=16M',
      '--performance-schema=OFF',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      '--gtid-strict-mode=1',
      ...extraArgs(dataDir),
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  const up = await Promise.race([waitForPort('127.0.0.1', port, 60_000), exited.then(() => false)]);
  if (!up) {
    child.kill('SIGKILL');
    throw new Error(`${daemon} (${name}) did not start on 127.0.0.1:${port}; see ${join(dir, 'error.log')}`);
  }
  log(`MariaDB ${name} on 127.0.0.1:${port}`);
  return {
    port,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A primary with binary logging (row format, GTIDs) and a replica following it with
 * MASTER_USE_GTID, both with root and no password on loopback. The binary logs sit in the
 * primary's data folder, where the backup command finds them (`binlogDir`).
 */
export async function startReplicationPair({ log = (line) => console.error(`[test-services] ${line}`) } = {}) {
  // Both start at once: most of the time is each server's first start-up.
  const [primaryStart, replicaStart] = await Promise.allSettled([
    startMariadbInstance('primary', 1, (dataDir) => [`--log-bin=${join(dataDir, 'binlog')}`, '--binlog-format=ROW'], log),
    startMariadbInstance('replica', 2, () => ['--read-only=1', '--relay-log=relay-bin'], log),
  ]);
  const primary = primaryStart.status === 'fulfilled' ? primaryStart.value : null;
  const replica = replicaStart.status === 'fulfilled' ? replicaStart.value : null;
  try {
    if (!primary || !replica) throw (primaryStart.status === 'rejected' ? primaryStart.reason : replicaStart.reason);
    sqlOn(
      replica.port,
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1; START SLAVE;`,
    );
    const until = Date.now() + 30_000;
    while (sqlOn(replica.port, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'SLAVE_RUNNING'") !== 'ON') {
      if (Date.now() > until) throw new Error('the replica did not start following the primary');
      await sleep(200);
    }
  } catch (error) {
    await replica?.stop();
    await primary?.stop();
    throw error;
  }
  return {
    primaryUrl: `mysql://root@127.0.0.1:${primary.port}`,
    replicaUrl: `mysql://root@127.0.0.1:${replica.port}`,
    binlogDir: primary.dataDir,
    stop: async () => {
      await replica.stop();
      await primary.stop();
    },
  };
}

// ---------------------------------------------------------------- FerretDB

const RUNNER_SOURCE = join(PROJECT_ROOT, 'scripts', 'ferretdb-runner');
const RUNNER_BINARY = join(CACHE_BIN, 'ferretdb-runner');

/**
 * A FerretDB server program: our runner (FerretDB embedded as a library, see
 * scripts/ferretdb-runner/main.go) built once into the cache, else a release `ferretdb` binary on
 * PATH or in FERRETDB_PATH. Returns how to start it on a port and directory, or null.
 */
function findFerretdb() {
  if (existsSync(RUNNER_BINARY)) return { binary: RUNNER_BINARY, args: runnerArgs };
  const release = process.env.FERRETDB_PATH ?? which('ferretdb');
  return release ? { binary: release, args: releaseArgs } : null;
}

const runnerArgs = (port, _debugPort, dir) => [`--listen-addr=127.0.0.1:${port}`, `--sqlite-url=file:${dir}/`];
const releaseArgs = (port, debugPort, dir) => [
  '--handler=sqlite',
  `--sqlite-url=file:${dir}/`,
  `--listen-addr=127.0.0.1:${port}`,
  `--debug-addr=127.0.0.1:${debugPort}`,
  `--state-dir=${dir}`,
  '--telemetry=disable',
  '--log-level=error',
];

/** Builds the runner into the cache (Go fetches FerretDB through the module proxy); null without Go. */
function buildFerretdb(log) {
  if (!which('go')) return null;
  log(`building FerretDB ${FERRETDB_VERSION} (scripts/ferretdb-runner) into ${CACHE_BIN}; the first build takes a few minutes`);
  mkdirSync(CACHE_BIN, { recursive: true });
  const result = spawnSync('go', ['build', '-o', RUNNER_BINARY, '.'], {
    cwd: RUNNER_SOURCE,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  if (result.status !== 0 || !existsSync(RUNNER_BINARY)) {
    log(`go build of scripts/ferretdb-runner failed (exit ${result.status})`);
    return null;
  }
  return { binary: RUNNER_BINARY, args: runnerArgs };
}

async function startFerretdb({ binary, args }, log) {
  const port = (await portOpen('127.0.0.1', 27017)) ? await freePort() : 27017;
  const debugPort = await freePort();
  const stateDir = join(STATE_ROOT, `ferretdb-${process.pid}-${Date.now()}`);
  mkdirSync(stateDir, { recursive: true });
  const child = spawn(binary, args(port, debugPort, stateDir), { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  const up = await Promise.race([waitForPort('127.0.0.1', port, 30_000), exited.then(() => false)]);
  if (!up) {
    child.kill('SIGKILL');
    throw new Error(`FerretDB (${binary}) did not start listening on 127.0.0.1:${port}`);
  }
  log(`FerretDB on 127.0.0.1:${port} (data in ${stateDir})`);
  return {
    uri: `mongodb://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

async function startMemoryMongo(log) {
  log('no FerretDB available: falling back to mongodb-memory-server (downloads mongod)');
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const server = await MongoMemoryServer.create({ instance: { ip: '127.0.0.1' } });
  return { uri: server.getUri().replace(/\/$/, ''), stop: () => server.stop().then(() => undefined) };
}

async function ensureMongo(log) {
  if (process.env.CLINIC_TEST_MONGODB_URI) return { uri: process.env.CLINIC_TEST_MONGODB_URI, stop: async () => {} };
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, stop: async () => {} };
  const binary = findFerretdb() ?? buildFerretdb(log);
  if (binary) return startFerretdb(binary, log);
  return startMemoryMongo(log);
}

// ---------------------------------------------------------------- API

/**
 * Makes both servers available; returns their root URLs (no database in the path: every test
 * file creates its own databases) and a stop() for whatever this call started.
 */
export async function startTestServices({ log = (line) => console.error(`[test-services] ${line}`) } = {}) {
  const mysqlUrl = await ensureMysql(log);
  const mongo = await ensureMongo(log);
  return { mysqlUrl, mongoUri: mongo.uri, stop: mongo.stop };

}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const command = process.argv[2] ?? 'prepare';
  const log = (line) => console.log(`[test-services] ${line}`);
  if (command === 'prepare') {
    await ensureMysql(log);
    const ferret = process.env.MONGODB_URI ? null : (findFerretdb() ?? buildFerretdb(log));
    log(`MariaDB ready; MongoDB-compatible server: ${process.env.MONGODB_URI ? 'MONGODB_URI' : (ferret?.binary ?? 'mongodb-memory-server fallback')}`);
  } else if (command === 'check') {
    const services = await startTestServices({ log });
    log(`mysql ${services.mysqlUrl}  mongodb ${services.mongoUri}`);
    await services.stop();
    const pair = await startReplicationPair({ log });
    log(`replication pair: primary ${pair.primaryUrl}, replica ${pair.replicaUrl}`);
    await pair.stop();
  } else {
    console.error('usage: node scripts/test-services.mjs [prepare|check]');
    process.exit(2);
  }
}
