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

/** A networked clinic for one spec: its own databases, each reached through a proxy the spec can cut. */
export interface NetworkedClinic {
  env: Record<string, string>;
  mysqlProxy: TcpProxy;
  mongoProxy: TcpProxy;
  /** The clinic's databases themselves, not through the proxies: for a spec playing another workstation. */
  mysqlUrl: string;
  mongoUrl: string;
  /** Takes the whole clinic server away from the app (both databases), as a network outage does. */
  cutServer(): Promise<void>;
  restoreServer(): Promise<void>;
  dispose(): Promise<void>;
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** The same URL with its host:port replaced by the proxy's. */
function throughProxy(url: string, proxy: TcpProxy): string {
  const viaProxy = new URL(url);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  return viaProxy.toString();
}

/**
 * Starts MariaDB and the MongoDB-compatible server the way the integration tests do (only specs
 * that need a clinic server call this, so the others run without them).
 */
export async function networkedClinic(): Promise<NetworkedClinic> {
  const services = await startTestServices();
  // The test-database helpers read these; they are put back on dispose, since a later spec in the
  // same worker would otherwise take this spec's (stopped) servers for running ones.
  const previous = { mysql: process.env.CLINIC_TEST_MYSQL_URL, mongo: process.env.CLINIC_TEST_MONGODB_URI };
  const stopServices = async () => {
    await services.stop();
    restoreEnv('CLINIC_TEST_MYSQL_URL', previous.mysql);
    restoreEnv('CLINIC_TEST_MONGODB_URI', previous.mongo);
  };
  process.env.CLINIC_TEST_MYSQL_URL = services.mysqlUrl;
  process.env.CLINIC_TEST_MONGODB_URI = services.mongoUri;
  const databases: TestDatabase[] = [];
  try {
    const mysql = await createTestMysqlDatabase();
    databases.push(mysql);
    const mongo = await createTestMongoDatabase();
    databases.push(mongo);
    const mysqlServer = new URL(mysql.url);
    const mysqlProxy = await startTcpProxy(mysqlServer.hostname, Number(mysqlServer.port || 3306));
    const mongoServer = new URL(mongo.url);
    const mongoProxy = await startTcpProxy(mongoServer.hostname, Number(mongoServer.port || 27017));
    return {
      env: { CLINIC_MYSQL_URL: throughProxy(mysql.url, mysqlProxy), CLINIC_MONGODB_URI: throughProxy(mongo.url, mongoProxy) },
      mysqlProxy,
      mongoProxy,
      mysqlUrl: mysql.url,
      mongoUrl: mongo.url,
      cutServer: async () => {
        await Promise.all([mysqlProxy.cut(), mongoProxy.cut()]);
      },
      restoreServer: async () => {
        await Promise.all([mysqlProxy.restore(), mongoProxy.restore()]);
      },
      dispose: async () => {
        await mysqlProxy.close();
        await mongoProxy.close();
        for (const database of databases) await database.drop().catch(() => undefined);
        await stopServices();
      },
    };
  } catch (error) {
    for (const database of databases) await database.drop().catch(() => undefined);
    await stopServices();
    throw error;
  }
}
