/**
 * `npx tsx scripts/bench/sync-pull.ts [--prescriptions 5000,50000] [--relational] [--json FILE]`
 *
 * Times a workstation's first pull into a fresh SQLite file: the prescriptions (generated into a
 * new database on the MongoDB-compatible test server: FerretDB unless MONGODB_URI names a real
 * MongoDB), then a second pull with nothing new; with --relational also the relational tables of
 * the benchmark clinic on MariaDB (`npm run bench` generates it). Targets are reported, not
 * asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { openMongoDocumentStore } from '../../electron/main/data/documents/mongo/open-mongo-document-store';
import { openSqlStore } from '../../electron/main/data/sql/open-sql-store';
import { pullMirrorDocuments } from '../../electron/main/services/sync/document-pull';
import { pullMirror } from '../../electron/main/services/sync/mirror-pull';
import { seedPrescription } from '../../tests/integration/documents/seed-examples';
import { ensureDataset } from './dataset';

const log = (line: string) => process.stdout.write(`${line}\n`);

/** The first pull of 5,000 prescriptions before the batched pull (docs/architecture.md, FerretDB 1.24, this machine). */
const FIRST_PULL_5000_BEFORE_MS = 8_500;

export interface PullTiming {
  what: string;
  items: number;
  firstPullMs: number;
  /** CPU time (user + system) of this process during the first pull, the SQLite driver's threads included; not the server's. */
  firstPullCpuMs: number;
  secondPullMs: number;
  written: number;
  target: string;
  met: boolean | null;
}

function options() {
  const { values } = parseArgs({
    options: {
      prescriptions: { type: 'string', default: '5000,50000' },
      relational: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const counts = values.prescriptions.split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--prescriptions takes whole numbers, e.g. 5000,50000');
  return { counts, relational: values.relational, json: values.json };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpuBefore);
  return { result, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** `count` prescriptions, stamped one second apart (some sharing a stamp), inserted straight into the collection. */
async function seedPrescriptions(uri: string, count: number): Promise<void> {
  const client = new mongoose.mongo.MongoClient(uri);
  await client.connect();
  try {
    const collection = client.db().collection('prescriptions');
    const base = Date.UTC(2026, 0, 1);
    for (let start = 0; start < count; start += 1000) {
      const documents = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
        const i = start + k;
        const at = new Date(base + Math.floor(i / 3) * 1000);
        return { ...seedPrescription, prescriptionDate: new Date(seedPrescription.prescriptionDate), patientId: 1 + (i % 100_000), appointmentId: 1 + i, createdAt: at, updatedAt: at };
      });
      await collection.insertMany(documents, { ordered: false });
    }
  } finally {
    await client.close();
  }
}

async function pullPrescriptions(mongoUri: string, count: number): Promise<PullTiming> {
  const name = `bench_pull_${process.pid}_${count}`;
  const url = new URL(mongoUri);
  url.pathname = `/${name}`;
  const uri = url.toString();
  const dir = mkdtempSync(join(tmpdir(), 'clinic-desk-bench-pull-'));
  await seedPrescriptions(uri, count);
  const server = await openMongoDocumentStore(uri);
  const local = await openSqlStore({ dialect: 'sqlite', storage: join(dir, 'workstation.sqlite') });
  try {
    const first = await timed(() => pullMirrorDocuments(server, local));
    const second = await timed(() => pullMirrorDocuments(server, local));
    const written = first.result.reduce((sum, pull) => sum + pull.written, 0);
    if (written !== count) throw new Error(`The first pull wrote ${written} of ${count} prescriptions`);
    const fast = count === 5000;
    return {
      what: `prescriptions, first pull (${count.toLocaleString('en-US')})`,
      items: count,
      firstPullMs: first.ms,
      firstPullCpuMs: first.cpuMs,
      secondPullMs: second.ms,
      written,
      target: fast ? `>= 10x faster than ${FIRST_PULL_5000_BEFORE_MS} ms` : 'reported',
      met: fast ? first.ms * 10 <= FIRST_PULL_5000_BEFORE_MS : null,
    };
  } finally {
    await server.close();
    await local.close();
    const client = new mongoose.mongo.MongoClient(uri);
    await client.connect();
    await client.db().dropDatabase();
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pullRelational(): Promise<PullTiming> {
  const dataset = await ensureDataset('mariadb', log);
  const server = await openSqlStore(dataset.config);
  const dir = mkdtempSync(join(tmpdir(), 'clinic-desk-bench-pull-'));
  const local = await openSqlStore({ dialect: 'sqlite', storage: join(dir, 'workstation.sqlite') });
  try {
    const first = await timed(() => pullMirror(server, local));
    const second = await timed(() => pullMirror(server, local));
    const written = first.result.reduce((sum, pull) => sum + pull.written, 0);
    return { what: 'relational tables, first pull (the benchmark clinic)', items: written, firstPullMs: first.ms, firstPullCpuMs: first.cpuMs, secondPullMs: second.ms, written, target: 'reported', met: null };
  } finally {
    await server.close();
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Log = (line: string) => void;

/** The first and second pull of each count of prescriptions, on a document server started for it (FerretDB unless MONGODB_URI). */
export async function measurePrescriptionPulls(counts: readonly number[], say: Log = log, relational = false): Promise<PullTiming[]> {
  // An ES module with top-level await: loaded as one, at run time (this script runs as CommonJS).
  const servicesModule = pathToFileURL(join(__dirname, '..', 'test-services.mjs')).href;
  const { startTestServices } = (await import(servicesModule)) as {
    startTestServices(options: { log: (line: string) => void }): Promise<{ mongoUri: string; stop(): Promise<void> }>;
  };
  const services = await startTestServices({ log: say });
  const timings: PullTiming[] = [];
  try {
    for (const count of counts) {
      timings.push(await pullPrescriptions(services.mongoUri, count));
      say(`  measured: ${timings.at(-1)!.what}`);
    }
    if (relational) {
      timings.push(await pullRelational());
      say(`  measured: ${timings.at(-1)!.what}`);
    }
  } finally {
    await services.stop();
  }
  return timings;
}

export function pullLine(t: PullTiming): string {
  const met = t.met === null ? '' : t.met ? '  met' : '  NO';
  return `${t.what}: ${(t.firstPullMs / 1000).toFixed(2)} s (${(t.firstPullCpuMs / 1000).toFixed(2)} s CPU here) for ${t.written.toLocaleString('en-US')} written; second pull ${(t.secondPullMs / 1000).toFixed(2)} s; target ${t.target}${met}`;
}

async function main(): Promise<void> {
  const opts = options();
  const loadBefore = loadavg()[0] ?? 0;
  const timings = await measurePrescriptionPulls(opts.counts, log, opts.relational);
  const loadAfter = loadavg()[0] ?? 0;
  for (const t of timings) log(pullLine(t));
  log(`(1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${cpus().length} cores)`);
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, machine: { cores: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter }, timings }, null, 2)}\n`);
    log(`Wrote ${opts.json}`);
  }
}

// Also imported by the main benchmark (`npm run bench -- --pull 5000`): runs only as the entry script.
if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
