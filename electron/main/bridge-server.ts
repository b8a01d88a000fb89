/**
 * Headless main: the same runtime, session and dispatcher as the Electron app, served over the
 * loopback HTTP bridge together with the built renderer. End-to-end tests drive it in Chromium
 * when no Electron binary exists. Not part of the desktop app.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_VERSION } from './app-version';
import { startWorkstation } from './compose';
import { startHttpBridge } from './ipc/http-bridge';
import { testClockFromEnv, TEST_NOW_VARIABLE } from './test-clock';

async function main(): Promise<void> {
  const dataDir = process.env.CLINIC_DATA_DIR;
  if (!dataDir) throw new Error('Set CLINIC_DATA_DIR to the folder this workstation keeps its data in.');
  mkdirSync(dataDir, { recursive: true });
  // This entry is never packaged into the desktop app; a pinned clock is said out loud.
  const nowMs = testClockFromEnv(process.env);
  if (nowMs) console.error(`[clinic-desk] test run: the clock starts at ${process.env[TEST_NOW_VARIABLE]}`);
  const workstation = await startWorkstation({
    dataDir: resolve(dataDir),
    env: process.env,
    secretBox: null,
    appVersion: APP_VERSION,
    nowMs: nowMs ?? undefined,
  });
  const bridge = await startHttpBridge({
    dispatch: workstation.dispatch,
    rendererDir: join(__dirname, '../renderer'),
    port: process.env.CLINIC_BRIDGE_PORT ? Number(process.env.CLINIC_BRIDGE_PORT) : 0,
  });
  process.stdout.write(`CLINIC_BRIDGE_URL=${bridge.launchUrl}\n`);
  const stop = async () => {
    await bridge.close();
    await workstation.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
