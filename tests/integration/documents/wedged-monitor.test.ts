/**
 * The document store after its driver wedged. When the server closes a connection just as the
 * driver's monitor sends a heartbeat on it (the socket already destroyed, its `close` event not
 * yet emitted), the heartbeat's write waits for a `drain` that never comes: the monitor never
 * checks again, and once an operation has marked the server unknown every later one fails to
 * select it, although the server answers. Seen in the offline fault test as a workstation whose
 * document server "never came back" after a cut. The race is made here on purpose (the monitor's
 * socket destroyed and a check asked for in the same turn), then the server is cut and restored.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMongoDocumentStore } from '../../../electron/main/data/documents/mongo/open-mongo-document-store';
import type { DocumentStore } from '../../../electron/main/data/documents/document-store';
import { createTestMongoDatabase, type TestDatabase } from '../../support/services';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';

/** The driver's monitor of the one server, reached through mongoose's list of connections. */
interface DriverMonitor {
  connection: { socket: { destroy(): void }; closed: boolean } | null;
  requestCheck(): void;
}

function monitorOf(databaseName: string): DriverMonitor {
  const connection = mongoose.connections.find((c) => c.name === databaseName && c.readyState === mongoose.ConnectionStates.connected);
  if (!connection) throw new Error('the store has no open connection');
  const topology = (connection.getClient() as unknown as { topology: { s: { servers: Map<string, { monitor: DriverMonitor }> } } }).topology;
  const [server] = topology.s.servers.values();
  if (!server) throw new Error('the driver knows no server');
  return server.monitor;
}

/** Pings until one answers or the time is up; true when one answered. */
async function answersWithin(documents: DocumentStore, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await documents.ping().then(() => true, () => false)) return true;
    await sleep(250);
  }
  return false;
}

describe('a document store whose driver monitor wedged', () => {
  let mongo: TestDatabase;
  let proxy: TcpProxy;
  let documents: DocumentStore;

  beforeAll(async () => {
    mongo = await createTestMongoDatabase();
    const server = new URL(mongo.url);
    proxy = await startTcpProxy(server.hostname, Number(server.port || 27017));
    const viaProxy = new URL(mongo.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    documents = await openMongoDocumentStore(viaProxy.toString());
  }, 60_000);

  afterAll(async () => {
    await documents?.close();
    await proxy?.close();
    await mongo?.drop();
  });

  it('answers again once the server is back', { timeout: 90_000 }, async () => {
    await documents.ping();
    const monitor = monitorOf(mongo.name);
    // Past the driver's shortest interval between checks, so the check asked for below starts at once.
    await sleep(1_000);
    const heartbeatConnection = monitor.connection;
    expect(heartbeatConnection, 'the monitor keeps a connection between heartbeats').not.toBeNull();
    heartbeatConnection!.socket.destroy();
    monitor.requestCheck();
    await sleep(100);
    // The wedge: the connection is closed now, but the check that began on it still waits.
    expect(heartbeatConnection!.closed).toBe(true);

    await proxy.cut();
    await expect(documents.ping(), 'the server is away').rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await proxy.restore();

    expect(await answersWithin(documents, 30_000), 'the store answers within 30 s of the server coming back').toBe(true);
    await documents.systemAuditLogs.count({});
  });
});
