import { describe, expect, it } from 'vitest';
import { guardNavigation, isAppUrl, isTrustedSender, mainWindowOptions, type GuardableContents } from '../../../electron/main/window';

type Listener = (event: { preventDefault(): void }, url: string) => void;

/** Records what guardNavigation registers, the way Electron's WebContents would call it. */
function recordingContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardableContents = {
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
    on: (event: string, listener: Listener) => listeners.set(event, listener),
  };
  const fire = (event: string, url: string) => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

const FILE_APP = 'file:///opt/clinic-desk/resources/app/out/renderer/index.html';

describe('window security baseline', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.js',
    });
  });

  it('denies every new window', () => {
    const { contents, open } = recordingContents();
    guardNavigation(contents, FILE_APP);
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
    expect(open(FILE_APP)).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects away from the app, allows reloads of the app page', () => {
    const { contents, fire } = recordingContents();
    guardNavigation(contents, FILE_APP);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(fire('will-navigate', `${FILE_APP}#/calendar`)).toBe(false);
    expect(fire('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('compares dev-server URLs by origin', () => {
    expect(isAppUrl('http://localhost:5173/some/route', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', 'http://localhost:5173/')).toBe(false);
  });

  it('trusts IPC only from the top frame of the app page', () => {
    expect(isTrustedSender({ url: FILE_APP, parent: null }, FILE_APP)).toBe(true);
    expect(isTrustedSender({ url: FILE_APP, parent: {} }, FILE_APP)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, FILE_APP)).toBe(false);
    expect(isTrustedSender(null, FILE_APP)).toBe(false);
  });
});
