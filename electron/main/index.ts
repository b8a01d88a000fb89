import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_VERSION } from './app-version';
import { startWorkstation, type Workstation } from './compose';
import { registerIpc } from './ipc/register-electron';
import { holdQuitUntilClosed } from './quit-gate';
import { safeStorageBox } from './secret-box';
import { testClockFromEnv, TEST_NOW_VARIABLE } from './test-clock';
import { guardNavigation, mainWindowOptions } from './window';

app.enableSandbox();

// Tests and a second install on one machine use their own data folder.
if (process.env.CLINIC_DATA_DIR) app.setPath('userData', process.env.CLINIC_DATA_DIR);

const appUrl = (): string =>
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).toString();

let workstation: Workstation | null = null;

async function createMainWindow(): Promise<void> {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')));
  guardNavigation(window.webContents, appUrl());
  window.once('ready-to-show', () => window.show());
  await window.loadURL(appUrl());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, appUrl()));

  void app.whenReady().then(async () => {
    // A packaged app always runs on the real clock, whatever its environment says.
    const nowMs = app.isPackaged ? null : testClockFromEnv(process.env);
    if (nowMs) console.error(`[clinic-desk] test run: the clock starts at ${process.env[TEST_NOW_VARIABLE]}`);
    workstation = await startWorkstation({
      dataDir: app.getPath('userData'),
      env: process.env,
      secretBox: safeStorageBox,
      appVersion: APP_VERSION,
      nowMs: nowMs ?? undefined,
    });
    registerIpc(workstation.dispatch, appUrl);
    await createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on(
    'will-quit',
    holdQuitUntilClosed(
      async () => {
        await workstation?.close();
      },
      () => app.quit(),
      (error) => console.error('Closing the workstation failed:', error instanceof Error ? error.message : error),
    ),
  );
}
