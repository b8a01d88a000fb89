import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { BRIDGE_PATH, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../../shared/ipc/bridge';
import type { Dispatch } from './dispatcher';

/**
 * The loopback HTTP bridge: the same dispatcher as ipcMain, reachable from a Chromium page so
 * the built renderer can be driven without an Electron binary (tests, and development). It
 * listens on 127.0.0.1 only, serves the built renderer from its own origin, and accepts calls
 * only with the per-process token it writes into the page it serves and from that origin.
 */
const MAX_BODY_BYTES = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface BridgeServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

export async function startHttpBridge(options: {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
}): Promise<BridgeServer> {
  const token = randomBytes(24).toString('hex');
  let origin = '';

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return send(res, 404, 'Not found', 'text/plain');
    try {
      let content: Buffer | string = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      if (relative === 'index.html') {
        content = content.toString('utf8').replace('</head>', `<meta name="${BRIDGE_TOKEN_META}" content="${token}"></head>`);
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(content);
    } catch {
      send(res, 404, 'Not found', 'text/plain');
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (!url.pathname.startsWith(BRIDGE_PATH)) {
      if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain');
      return serveStatic(url.pathname, res);
    }
    if (req.method !== 'POST') return send(res, 405, '{"error":"POST only"}');
    if (req.headers[BRIDGE_TOKEN_HEADER] !== token || (req.headers.origin && req.headers.origin !== origin)) {
      return send(res, 403, '{"error":"forbidden"}');
    }
    const channel = decodeURIComponent(url.pathname.slice(BRIDGE_PATH.length));
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body ? JSON.parse(body) : {};
    } catch {
      return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'The request body is not JSON.' } }));
    }
    send(res, 200, JSON.stringify(await options.dispatch(channel, input)));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, '{"error":"internal"}'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
