import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { SqlConfig } from '../../electron/main/data/sql/connection';
import { THROUGHPUT_ROUNDS, type BenchContext, type Throughput } from './measurements';
import { alternatingRounds, slices, type Candidate } from './throughput-lanes';
import type { WorkerCommand, WorkerReply } from './throughput-worker';

/** One worker process and a way to wait for its next reply. */
interface Worker {
  child: ChildProcess;
  ask(command: WorkerCommand, expect: WorkerReply['kind']): Promise<WorkerReply>;
}

function startWorker(): Worker {
  // The worker is TypeScript like this file: run through tsx's loader, in its own Node process.
  const child = fork(join(__dirname, 'throughput-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: ((reply: WorkerReply) => void)[] = [];
  // A message sent before the worker listens would be lost: the first reply is its 'listening'.
  const listening = new Promise<void>((resolve, reject) => waiting.push((reply) => (reply.kind === 'listening' ? resolve() : reject(new Error(`expected listening, got ${reply.kind}`)))));
  child.on('message', (reply: WorkerReply) => waiting.shift()?.(reply));
  child.on('exit', (code) => {
    for (const resolve of waiting.splice(0)) resolve({ kind: 'failed', message: `the worker process exited (${code})` });
  });
  return {
    child,
    ask: async (command, expect) => {
      await listening;
      return new Promise((resolve, reject) => {
        waiting.push((reply) => (reply.kind === expect ? resolve(reply) : reject(new Error(reply.kind === 'failed' ? reply.message : `expected ${expect}, got ${reply.kind}`))));
        child.send(command);
      });
    },
  };
}

/**
 * Bookings at 1, 5 and 20 in flight from EACH of two processes at once (two workstations on one
 * clinic server, or two app instances on one SQLite file), app and raw each on their own free
 * slots and patients, in alternating rounds (`alternatingRounds`). Each process has its own connections
 * (MariaDB: a pool of 5 each, as the app's) and its own event loop; the rate counts both
 * processes' bookings over the time from the common start until the slower one finished.
 */
export async function benchTwoProcessThroughput(ctx: BenchContext, config: SqlConfig, candidatesFor: (count: number) => Promise<Candidate[]>, perProcess = 45): Promise<Throughput[]> {
  const levels = [1, 5, 20];
  const candidates = await candidatesFor(4 * perProcess * levels.length);
  const workers = [startWorker(), startWorker()];
  const results: Throughput[] = [];
  try {
    await Promise.all(workers.map((w) => w.ask({ kind: 'open', config, now: ctx.clock() }, 'opened')));
    for (const [level, inFlight] of levels.entries()) {
      const mine = candidates.slice(4 * perProcess * level, 4 * perProcess * (level + 1));
      // per side, per round, per process: its own requests
      const items = { app: slices(mine.slice(0, 2 * perProcess), THROUGHPUT_ROUNDS * 2), raw: slices(mine.slice(2 * perProcess), THROUGHPUT_ROUNDS * 2) };
      const rates = await alternatingRounds(THROUGHPUT_ROUNDS, async (side, round) => {
        const parts = [items[side][2 * round]!, items[side][2 * round + 1]!];
        await Promise.all(workers.map((w, k) => w.ask({ kind: 'prepare', side, inFlight, items: parts[k]! }, 'ready')));
        const started = performance.now();
        const done = await Promise.all(workers.map((w) => w.ask({ kind: 'go' }, 'done')));
        const sum = (of: (d: { failed: number; cpuMs: number }) => number) => done.reduce((total, d) => total + (d.kind === 'done' ? of(d) : 0), 0);
        return { seconds: (performance.now() - started) / 1000, bookings: parts[0]!.length + parts[1]!.length, failed: sum((d) => d.failed), cpuMs: sum((d) => d.cpuMs) };
      });
      const ratio = rates.app.rate / rates.raw.rate;
      results.push({
        name: `bookings, ${inFlight} in flight from each of two processes`,
        inFlight,
        processes: 2,
        bookings: 2 * perProcess,
        app: rates.app.rate,
        raw: rates.raw.rate,
        ratio,
        appCpuMsPerBooking: rates.app.cpuMsPerBooking,
        rawCpuMsPerBooking: rates.raw.cpuMsPerBooking,
        refused: rates.app.failed + rates.raw.failed,
        target: '>= 0.7x raw',
        met: ratio >= 0.7,
      });
      ctx.log(`  measured: two processes, ${inFlight} in flight each`);
    }
  } finally {
    await Promise.all(workers.map((w) => w.ask({ kind: 'close' }, 'closed').catch(() => w.child.kill())));
  }
  return results;
}
