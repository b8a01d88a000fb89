#!/usr/bin/env node
// `npm start`: build, then open Clinic Desk on this workstation's data folder.
// With an Electron binary (any normal `npm install`), the desktop app runs. Where none could be
// installed (a locked-down build machine), the same main-side code runs headless and the app
// opens in Chromium's app mode over the loopback bridge, so `npm start` never just fails.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['electron-vite', 'build'], { shell: process.platform === 'win32' });

/**
 * The installed Electron binary, or null. Read from electron's path.txt instead of
 * require('electron'): since Electron 45 that require starts a download when the binary is
 * missing, which a locked-down machine refuses.
 */
function electronBinary() {
  try {
    const electronDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(electronDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) && statSync(binary).isFile() ? binary : null;
  } catch {
    return null;
  }
}

// `npm start` is the clinic's app, never a test run: a test's pinned clock stays with the tests.
const appEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'CLINIC_TEST_NOW'));

const electron = electronBinary();
if (electron) {
  // sqlite3 is a Node-API addon: the build `npm install` made for Node loads in Electron too.
  const child = spawn(electron, ['.'], { stdio: 'inherit', env: appEnv });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // Electron's default userData folder for this app, so both ways of starting share one store.
  const base =
    platform() === 'win32'
      ? process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
      : platform() === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  const dataDir = process.env.CLINIC_DATA_DIR ?? join(base, 'clinic-desk');
  mkdirSync(dataDir, { recursive: true });
  console.warn('No Electron binary is installed; opening Clinic Desk in Chromium over the local bridge.');
  const server = spawn(process.execPath, ['out/main/bridge-server.js'], {
    env: { ...appEnv, CLINIC_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server.stdout.on('data', (chunk) => {
    const match = /CLINIC_BRIDGE_URL=(\S+)/.exec(chunk.toString());
    if (!match) return;
    console.log(`Clinic Desk is at ${match[1]} (data in ${dataDir})`);
    const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (existsSync(browser) && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
      spawn(browser, [`--app=${match[1]}`, `--user-data-dir=${join(dataDir, 'chromium-profile')}`], { stdio: 'ignore' });
    } else {
      console.log('Open that address in Chromium or Chrome; press Ctrl+C to stop.');
    }
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}
