// Starts (or finds) the servers the integration tests talk to, once per run, and publishes their
// root URLs to the test workers through the environment. Stops only what it started.
// @ts-expect-error -- a plain ESM script shared with the command line; its API is typed below.
import { startTestServices as startUntyped } from '../../scripts/test-services.mjs';

interface TestServices {
  mysqlUrl: string;
  mongoUri: string;
  stop(): Promise<void>;
}
const startTestServices = startUntyped as () => Promise<TestServices>;

export default async function setup(): Promise<() => Promise<void>> {
  const services = await startTestServices();
  process.env.CLINIC_TEST_MYSQL_URL = services.mysqlUrl;
  process.env.CLINIC_TEST_MONGODB_URI = services.mongoUri;
  return () => services.stop();
}
