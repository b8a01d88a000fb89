/**
 * A second (and third) process of the two-process throughput measurement
 * (`two-process-throughput.ts`): opens its own connections to the benchmark store, like a
 * second workstation, and books what the coordinating process sends it when told to start.
 * Messages: in `open` (the store, the pinned clock), `prepare` (side, in flight, requests), `go`,
 * `close`; out `listening` first, then one reply per command, or `failed` with the error's message.
 */
import { randomUUID } from 'node:crypto';
import type { SqlConfig } from '../../electron/main/data/sql/connection';
import { openSqlStore } from '../../electron/main/data/sql/open-sql-store';
import { bookAppointment } from '../../electron/main/services/scheduling/booking';
import { openRawDriver } from './raw-driver';
import { rawBook } from './raw-scheduling';
import { cpuMsSince, inLanes, type Candidate } from './throughput-lanes';

export type WorkerCommand =
  | { kind: 'open'; config: SqlConfig; now: number }
  | { kind: 'prepare'; side: 'app' | 'raw'; inFlight: number; items: Candidate[] }
  | { kind: 'go' }
  | { kind: 'close' };

export type WorkerReply = { kind: 'listening' } | { kind: 'opened' } | { kind: 'ready' } | { kind: 'done'; failed: number; cpuMs: number } | { kind: 'closed' } | { kind: 'failed'; message: string };

const send = (reply: WorkerReply) => process.send?.(reply);

async function serve(): Promise<void> {
  let stores: { sql: Awaited<ReturnType<typeof openSqlStore>>; raw: Awaited<ReturnType<typeof openRawDriver>>; now: number } | null = null;
  let prepared: Extract<WorkerCommand, { kind: 'prepare' }> | null = null;
  process.on('message', (command: WorkerCommand) => {
    const handle = async () => {
      switch (command.kind) {
        case 'open':
          stores = { sql: await openSqlStore(command.config), raw: await openRawDriver(command.config), now: command.now };
          return send({ kind: 'opened' });
        case 'prepare':
          prepared = command;
          return send({ kind: 'ready' });
        case 'go': {
          if (!stores || !prepared) throw new Error('go before open and prepare');
          const { sql, raw, now } = stores;
          const { side, inFlight, items } = prepared;
          const book = side === 'app'
            ? (c: Candidate) => bookAppointment(sql, { ...c, idempotencyKey: randomUUID() }, () => now)
            : (c: Candidate) => rawBook(raw, { ...c, idempotencyKey: randomUUID() }, now);
          const cpu = process.cpuUsage();
          const { failed } = await inLanes(items, inFlight, book);
          return send({ kind: 'done', failed, cpuMs: cpuMsSince(cpu) });
        }
        case 'close':
          if (stores) {
            await stores.raw.close();
            await stores.sql.close();
          }
          send({ kind: 'closed' });
          return process.disconnect();
      }
    };
    handle().catch((error: unknown) => send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
  });
  send({ kind: 'listening' });
}

void serve();
