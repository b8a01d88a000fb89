import type { WorkstationOptions } from '../../electron/main/compose';
import { openSqlStore, type SqlStore } from '../../electron/main/data/sql/open-sql-store';
import { createTestMongoDatabase, createTestMysqlDatabase, type TestDatabase } from './services';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { workstationClock } from '../integration/scheduling/clinic-fixture';

/**
 * A clinic server for a networked workstation under test: fresh MariaDB and MongoDB-compatible
 * databases, each reached through a TCP proxy the test can cut (refusing new connections and
 * dropping open ones) and restore, and a direct connection for "another workstation".
 */
export interface ProxiedClinicServer {
  /** CLINIC_MYSQL_URL and CLINIC_MONGODB_URI through the proxies. */
  env: NodeJS.ProcessEnv;
  mysql: TestDatabase;
  mongo: TestDatabase;
  /** The relational server reached directly, not through the proxy. */
  direct: SqlStore;
  /** Each server's own proxy, to take one away alone. */
  sqlProxy: TcpProxy;
  documentsProxy: TcpProxy;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

async function proxied(url: string, defaultPort: number): Promise<{ proxy: TcpProxy; url: string }> {
  const target = new URL(url);
  const proxy = await startTcpProxy(target.hostname, Number(target.port || defaultPort));
  target.host = `127.0.0.1:${proxy.port}`;
  return { proxy, url: target.toString() };
}

export async function startProxiedClinicServer(): Promise<ProxiedClinicServer> {
  const mysql = await createTestMysqlDatabase();
  const mongo = await createTestMongoDatabase();
  const sql = await proxied(mysql.url, 3306);
  const documents = await proxied(mongo.url, 27017);
  const direct = await openSqlStore({ dialect: 'mysql', url: mysql.url });
  const proxies = [sql.proxy, documents.proxy];
  return {
    env: { CLINIC_MYSQL_URL: sql.url, CLINIC_MONGODB_URI: documents.url },
    mysql,
    mongo,
    direct,
    sqlProxy: sql.proxy,
    documentsProxy: documents.proxy,
    cut: async () => {
      for (const proxy of proxies) await proxy.cut();
    },
    restore: async () => {
      for (const proxy of proxies) await proxy.restore();
    },
    close: async () => {
      await direct.close();
      for (const proxy of proxies) await proxy.close();
      await mysql.drop();
      await mongo.drop();
    },
  };
}

/** A test workstation's start options: its data folder and stores, the fixture's pinned clock, no background jobs (the test drives probes and pulls). */
export function testWorkstationOptions(dataDir: string, env: NodeJS.ProcessEnv): WorkstationOptions {
  return { dataDir, env, secretBox: null, appVersion: '0.0.0-test', backgroundJobs: false, nowMs: workstationClock() };
}
