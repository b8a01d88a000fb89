import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { BRIDGE_LAUNCH_PARAMETER, BRIDGE_PATH, BRIDGE_TOKEN_HEADER, BRIDGE_TOKEN_META } from '../../../shared/ipc/bridge';
import type { Dispatch } from './dispatcher';
import { PROFILE_IMAGE_MAX_BYTES } from '../../../shared/ipc/admin/doctors';

/**
 * The loopback HTTP bridge: the same dispatcher as ipcMain, reachable from a Chromium page so
 * the built renderer can be driven without an Electron binary (tests, and development). It
 * listens on 127.0.0.1 only and serves the built renderer from its own origin.
 *
 * Other programs on the machine can reach a loopback port too, so the bridge trusts nothing but
 * the page its launcher opened:
 * - the per-process token reaches that page only: the launcher opens a one-time launch URL, whose
 *   secret is exchanged for a page carrying the token exactly once; any other `GET /` gets the
 *   page without it (the page keeps the token in its own origin's localStorage for reloads);
 * - a request whose `Host` is not the bridge's own address is refused (DNS rebinding);
 * - a call needs the token and, when the browser names one, the bridge's own `Origin`;
 * - every response forbids framing (`frame-ancestors 'none'`, `X-Frame-Options: DENY`) and
 *   sending the launch URL on as a referrer.
 */
/** Re-exported for the tests that drive the bridge as a foreign client would. */
export { BRIDGE_PATH, BRIDGE_TOKEN_HEADER };

/**
 * The largest body a call may carry: the largest input the contract accepts (a doctor's photo,
 * base64) plus room for the other fields and JSON escapes.
 */
export const MAX_BODY_BYTES = Math.ceil(PROFILE_IMAGE_MAX_BYTES / 3) * 4 + 1024 * 1024;
/** Past this a client is not sending a call at all: stop reading and close. */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
} as const;

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
  /** The bridge's origin (no secret). */
  url: string;
  /** The one-time URL the launcher opens: the only way to a page that carries the token. */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

type BodyRead = { kind: 'body'; text: string } | { kind: 'too-large'; drained: boolean };

/** Reads the body up to the limit; beyond it keeps reading (discarding) so the client gets an answer, not a reset. */
async function readBody(req: IncomingMessage): Promise<BodyRead> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = Number.isFinite(declared) && declared > MAX_BODY_BYTES;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    if (size > MAX_DRAIN_BYTES) return { kind: 'too-large', drained: false };
    if (!tooLarge) chunks.push(chunk as Buffer);
  }
  return tooLarge ? { kind: 'too-large', drained: true } : { kind: 'body', text: Buffer.concat(chunks).toString('utf8') };
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json', extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

const refusal = (code: string, message: string) => JSON.stringify({ ok: false, error: { code, message } });

export async function startHttpBridge(options: {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
}): Promise<BridgeServer> {
  const token = randomBytes(24).toString('hex');
  let launchSecret: string | null = randomBytes(24).toString('hex');
  let origin = '';
  let allowedHosts: ReadonlySet<string> = new Set();
  let allowedOrigins: ReadonlySet<string> = new Set();

  /** True once, for the launch secret; after that the secret is refused like any other. */
  function exchangeLaunchSecret(offered: string | null): boolean {
    if (!launchSecret || !offered) return false;
    const expected = Buffer.from(launchSecret);
    const given = Buffer.from(offered);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    launchSecret = null;
    return true;
  }

  async function serveStatic(url: URL, res: ServerResponse): Promise<void> {
    const pathname = url.pathname;
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return send(res, 404, 'Not found', 'text/plain');
    let content: Buffer | string;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, 'Not found', 'text/plain');
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    if (relative === 'index.html' && exchangeLaunchSecret(url.searchParams.get(BRIDGE_LAUNCH_PARAMETER))) {
      content = content.toString('utf8').replace('</head>', `<meta name="${BRIDGE_TOKEN_META}" content="${token}"></head>`);
    }
    send(res, 200, content, type);
  }

  function tokenMatches(offered: string | string[] | undefined): boolean {
    if (typeof offered !== 'string' || offered.length !== token.length) return false;
    return timingSafeEqual(Buffer.from(offered), Buffer.from(token));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) still names itself.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      req.resume();
      return send(res, 421, refusal('FORBIDDEN', 'This address is not Clinic Desk.'), 'application/json', { connection: 'close' });
    }
    const url = new URL(req.url ?? '/', origin);
    if (!url.pathname.startsWith(BRIDGE_PATH)) {
      req.resume();
      if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain');
      return serveStatic(url, res);
    }
    if (req.method !== 'POST') {
      req.resume();
      return send(res, 405, refusal('VALIDATION', 'Calls are sent with POST.'));
    }
    if (!tokenMatches(req.headers[BRIDGE_TOKEN_HEADER]) || (req.headers.origin !== undefined && !allowedOrigins.has(req.headers.origin))) {
      req.resume();
      return send(res, 403, refusal('FORBIDDEN', 'This caller may not use Clinic Desk.'));
    }
    const channel = decodeURIComponent(url.pathname.slice(BRIDGE_PATH.length));
    const body = await readBody(req);
    if (body.kind === 'too-large') {
      const megabytes = (MAX_BODY_BYTES / (1024 * 1024)).toFixed(1);
      return send(res, 413, refusal('VALIDATION', `The request is larger than ${megabytes} MB, the most any call accepts.`), 'application/json', body.drained ? {} : { connection: 'close' });
    }
    let input: unknown;
    try {
      input = body.text ? JSON.parse(body.text) : {};
    } catch {
      return send(res, 400, refusal('VALIDATION', 'The request body is not JSON.'));
    }
    send(res, 200, JSON.stringify(await options.dispatch(channel, input)));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, refusal('INTERNAL', 'Something went wrong; nothing was changed.'));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([origin, `http://localhost:${port}`]);
  return {
    url: origin,
    launchUrl: `${origin}/?${BRIDGE_LAUNCH_PARAMETER}=${launchSecret}`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
