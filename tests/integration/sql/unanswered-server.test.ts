/**
 * A clinic server that stops answering without closing its connections (a hung host, SIGSTOP, a
 * firewall that drops packets): the relational and document stores' calls end within their timeout
 * with an error read as "unreachable" (so the dispatcher answers SERVER_UNREACHABLE and the outbox
 * keeps the change), and the pool lets the silent connection go, instead of every call and pooled
 * connection waiting forever. The servers are the real MariaDB and FerretDB behind a proxy that stalls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { isConnectionError } from '../../../electron/main/services/sync/outbox/connection-errors';
import { openMongoDocumentStore } from '../../../electron/main/data/documents/mongo/open-mongo-document-store';
import { createTestMongoDatabase, createTestMysqlDatabase, type TestDatabase } from '../../support/services';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';

const STATEMENT_TIMEOUT_MS = 1_500;

async function proxiedUrl(url: string, defaultPort: number): Promise<{ proxy: TcpProxy; url: string }> {
  const target = new URL(url);
  const proxy = await startTcpProxy(target.hostname, Number(target.port || defaultPort));
  target.host = `127.0.0.1:${proxy.port}`;
  return { proxy, url: target.toString() };
}

/** How a call ended and how long it took. */
async function outcome(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await call();
    return { error: null, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

describe('a clinic server that stops answering', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  async function database(): Promise<{ mysql: TestDatabase; proxy: TcpProxy; url: string }> {
    const mysql = await createTestMysqlDatabase();
    cleanups.push(() => mysql.drop());
    const { proxy, url } = await proxiedUrl(mysql.url, 3306);
    cleanups.push(() => proxy.close());
    return { mysql, proxy, url };
  }

  it('fails a statement on a pooled connection within the timeout, as unreachable, and the next call does not wait forever either', async () => {
    const { proxy, url } = await database();
    const store: SqlStore = await openSqlStore({ dialect: 'mysql', url, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    cleanups.push(() => store.close());
    const one = () => store.sequelize.query('SELECT 1 AS one', { type: QueryTypes.SELECT });
    expect(await one()).toEqual([{ one: 1 }]);

    proxy.stall();
    const first = await outcome(one);
    expect(first.error).not.toBeNull();
    expect(isConnectionError(first.error)).toBe(true);
    expect(first.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
    expect(first.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 5_000);

    // The silent connection left the pool; a new one is not answered either and ends at the connect timeout.
    const second = await outcome(one);
    expect(isConnectionError(second.error)).toBe(true);
    expect(second.ms).toBeLessThan(15_000);

    // The server answers again: so does the store.
    await proxy.cut();
    await proxy.restore();
    expect(await one()).toEqual([{ one: 1 }]);
  }, 60_000);

  it('fails a document store call within the socket timeout, as unreachable', async () => {
    const mongo = await createTestMongoDatabase();
    cleanups.push(() => mongo.drop());
    const { proxy, url } = await proxiedUrl(mongo.url, 27017);
    cleanups.push(() => proxy.close());
    const documents = await openMongoDocumentStore(url, { maxPoolSize: 5, writeConcern: 1, retryWrites: true, staleReadPreference: 'primary', socketTimeoutMs: STATEMENT_TIMEOUT_MS });
    cleanups.push(() => documents.close());
    const read = () => documents.prescriptions.find({}, { limit: 1 });
    expect(await read()).toEqual([]);

    proxy.stall();
    const stalled = await outcome(read);
    expect(stalled.error).not.toBeNull();
    expect(isConnectionError(stalled.error)).toBe(true);
    // The driver retries a read once, after selecting the server again: at most the socket timeout,
    // the monitor's connect timeout (10 s) and the selection timeout (5 s), and room for a slow machine.
    expect(stalled.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 10_000 + 5_000 + 10_000);
  }, 60_000);
});
