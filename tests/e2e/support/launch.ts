import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const BRIDGE_SERVER = join(REPO_ROOT, 'out/main/bridge-server.js');
const BUILT_RENDERER = join(REPO_ROOT, 'out/renderer/index.html');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export type LaunchMode = 'electron' | 'chromium';

/**
 * "Now" for every end-to-end run: Monday 7 December 2026, 10:05 in Vienna (the specs' clinic
 * zone), a weekday morning on which the generated clinic has visits behind and ahead. The app's
 * clock starts here and runs on in real time, so the specs pass on any day and at any hour. Five
 * minutes past a quarter hour: the soonest slot (10:15) stays ahead for ten minutes, longer than
 * any spec runs, so a visit booked "soonest" has not started when the spec looks at it.
 */
export const E2E_NOW = '2026-12-07T09:05:00Z';

export interface LaunchOptions {
  /** Extra environment for the main side (e.g. unreachable server URLs). */
  env?: Record<string, string>;
  /** Reuse a data folder (to restart on the same clinic); the caller then owns it. */
  dataDir?: string;
  /** The instant the app's clock starts at (main and page alike); E2E_NOW unless given. */
  now?: string;
  /**
   * false: the page keeps the browser's own clock (main's stays pinned). For the UI benchmark:
   * Playwright's clock also stands in for requestAnimationFrame and the Performance API.
   */
  pageClock?: boolean;
}

export interface LaunchedApp {
  page: Page;
  mode: LaunchMode;
  dataDir: string;
  /** Only in Electron mode: to inspect windows. */
  electronApp: ElectronApplication | null;
  /** Console errors of the page since it opened (CSP violations show up here). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page since it opened. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * The Electron binary, when one is installed. Same answer as `require('electron')`, without its
 * side effect: electron's index.js starts a download when the binary is missing.
 */
export function installedElectronBinary(): string | null {
  try {
    const electronDir = dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve('electron/package.json'));
    const pathFile = join(electronDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
      : join(electronDir, 'dist', relative);
    return existsSync(binary) && statSync(binary).isFile() ? binary : null;
  } catch {
    return null;
  }
}

export function launchMode(): LaunchMode {
  return installedElectronBinary() ? 'electron' : 'chromium';
}

/**
 * The environment of the app under test: the caller's, minus any CLINIC_* settings of this
 * machine. A spec that moves main's clock with libfaketime settings of its own gets only those:
 * a whole run started under faketime would otherwise pass its FAKETIME on, which libfaketime
 * prefers to the spec's offset file.
 */
type Env = Record<string, string>;

function appEnv(dataDir: string, extra: Env): Env {
  const ownFakeClock = Object.keys(extra).some((name) => name.startsWith('FAKETIME'));
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !entry[0].startsWith('CLINIC_') && !(ownFakeClock && entry[0].startsWith('FAKETIME')),
  );
  return { ...Object.fromEntries(inherited), CLINIC_DATA_DIR: dataDir, ...extra };
}

function assertBuilt(file: string): void {
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npx electron-vite build\` before the end-to-end tests.`);
}

function collectErrors(page: Page): Pick<LaunchedApp, 'consoleErrors' | 'pageErrors'> {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { consoleErrors, pageErrors };
}

/** A fresh data folder per test, so no test sees another's clinic. */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'clinic-desk-e2e-'));
  const removeDataDir = () => {
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const now = options.now ?? E2E_NOW;
  const env = appEnv(dataDir, { ...options.env, CLINIC_TEST_NOW: now });
  const pageNow = options.pageClock === false ? null : now;
  const electronBinary = installedElectronBinary();
  try {
    return electronBinary
      ? await launchElectron(electronBinary, env, dataDir, pageNow, removeDataDir)
      : await launchChromiumOverBridge(env, dataDir, pageNow, removeDataDir);
  } catch (error) {
    removeDataDir();
    throw error;
  }
}

async function launchElectron(
  executablePath: string,
  env: Env,
  dataDir: string,
  now: string | null,
  removeDataDir: () => void,
): Promise<LaunchedApp> {
  assertBuilt(join(REPO_ROOT, 'out/main/index.js'));
  const electronApp = await _electron.launch({
    executablePath,
    args: [REPO_ROOT],
    cwd: REPO_ROOT,
    env,
    timeout: START_TIMEOUT_MS,
  });
  const page = await electronApp.firstWindow({ timeout: START_TIMEOUT_MS });
  const errors = collectErrors(page);
  await page.waitForLoadState('domcontentloaded');
  if (now) {
    // The window opened on the real clock: give it main's and start the page again.
    await page.clock.setSystemTime(new Date(now));
    await page.reload();
  }
  return {
    page,
    mode: 'electron',
    dataDir,
    electronApp,
    ...errors,
    close: async () => {
      await electronApp.close().catch(() => undefined);
      removeDataDir();
    },
  };
}

export type BridgeProcess = ChildProcessByStdio<null, Readable, Readable>;

/** Resolves with the URL the bridge server prints; rejects with its stderr when it dies first. */
export function waitForBridgeUrl(server: BridgeProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => fail(new Error(`The bridge server printed no CLINIC_BRIDGE_URL within ${START_TIMEOUT_MS} ms.\n${stderr}`)),
      START_TIMEOUT_MS,
    );
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /CLINIC_BRIDGE_URL=(\S+)/.exec(stdout);
      if (match?.[1]) finish(match[1]);
    };
    const onStderr = (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    };
    const onExit = (code: number | null) =>
      fail(new Error(`The bridge server exited (code ${code}) before it was ready.\n${stderr}`));
    function cleanUp() {
      clearTimeout(timer);
      server.stdout.off('data', onStdout);
      server.off('exit', onExit);
    }
    function finish(url: string) {
      cleanUp();
      resolvePromise(url);
    }
    function fail(error: Error) {
      cleanUp();
      reject(error);
    }
    server.stdout.on('data', onStdout);
    server.stderr.on('data', onStderr);
    server.on('exit', onExit);
  });
}

export async function stopProcess(child: BridgeProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function launchChromiumOverBridge(env: Env, dataDir: string, now: string | null, removeDataDir: () => void): Promise<LaunchedApp> {
  assertBuilt(BRIDGE_SERVER);
  assertBuilt(BUILT_RENDERER);
  const server: BridgeProcess = spawn(process.execPath, [BRIDGE_SERVER], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await stopProcess(server);
    removeDataDir();
  };
  try {
    const url = await waitForBridgeUrl(server);
    // Keep draining the server's output so a chatty server never blocks on a full pipe.
    server.stdout.resume();
    server.stderr.resume();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
    });
    // The Electron window's size (electron/main/window.ts), so both modes render alike.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    // The page's Date and timers start where main's clock did, and both run on in real time.
    if (now) await page.clock.setSystemTime(new Date(now));
    await page.goto(url);
    return { page, mode: 'chromium', dataDir, electronApp: null, ...errors, close };
  } catch (error) {
    await close();
    throw error;
  }
}
