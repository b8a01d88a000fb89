import { createTestMongoDatabase, createTestMysqlDatabase, type TestDatabase } from '../../support/services';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';

interface TestServices {
  mysqlUrl: string;
  mongoUri: string;
  stop(): Promise<void>;
}

/** The script has top-level await, which Playwright's CommonJS transform cannot require(): load it as ESM. */
async function startTestServices(): Promise<TestServices> {
  // @ts-expect-error -- a plain ESM script shared with the command line; its API is typed above.
  const script = (await import('../../../scripts/test-services.mjs')) as { startTestServices(): Promise<TestServices> };
  return script.startTestServices();
}

/** A networked clinic for one spec: its own databases, MariaDB reached through a proxy the spec can cut. */
export interface NetworkedClinic {
  env: Record<string, string>;
  mysqlProxy: TcpProxy;
  dispose(): Promise<void>;
}

/**
 * Starts MariaDB and the MongoDB-compatible server the way the integration tests do (only specs
 * that need a clinic server call this, so the others run without them).
 */
export async function networkedClinic(): Promise<NetworkedClinic> {
  const services = await startTestServices();
  process.env.CLINIC_TEST_MYSQL_URL = services.mysqlUrl;
  process.env.CLINIC_TEST_MONGODB_URI = services.mongoUri;
  const databases: TestDatabase[] = [];
  try {
    const mysql = await createTestMysqlDatabase();
    databases.push(mysql);
    const mongo = await createTestMongoDatabase();
    databases.push(mongo);
    const server = new URL(mysql.url);
    const mysqlProxy = await startTcpProxy(server.hostname, Number(server.port || 3306));
    const viaProxy = new URL(mysql.url);
    viaProxy.host = `127.0.0.1:${mysqlProxy.port}`;
    return {
      env: { CLINIC_MYSQL_URL: viaProxy.toString(), CLINIC_MONGODB_URI: mongo.url },
      mysqlProxy,
      dispose: async () => {
        await mysqlProxy.close();
        for (const database of databases) await database.drop().catch(() => undefined);
        await services.stop();
      },
    };
  } catch (error) {
    for (const database of databases) await database.drop().catch(() => undefined);
    await services.stop();
    throw error;
  }
}
