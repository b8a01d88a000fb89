import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * `npm run dev` only: Vite's dev server injects an inline React refresh script, <style> tags
 * and a websocket for hot reload, which the strict CSP of renderer/index.html refuses. The
 * built app (npm start, the tests, releases) keeps the strict policy untouched.
 */
function devServerCsp(): Plugin {
  return {
    name: 'clinic-dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:*"),
  };
}

// Our roots differ from electron-vite's default src/ layout: main and preload live in
// electron/, the renderer in renderer/. The bridge server is a second main entry so that the
// end-to-end tests can drive the very same main-side code without an Electron binary.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'bridge-server': resolve(__dirname, 'electron/main/bridge-server.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the renderer is the one that grows with screens.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react(), devServerCsp()],
  },
});
