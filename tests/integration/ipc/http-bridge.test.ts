import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_PATH, BRIDGE_TOKEN_HEADER, MAX_BODY_BYTES, startHttpBridge, type BridgeServer } from '../../../electron/main/ipc/http-bridge';
import { PROFILE_IMAGE_MAX_BYTES } from '../../../shared/ipc/admin/doctors';
import { ok, type Result } from '../../../shared/ipc/result';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch: fetch may not set Host, and an attacker's client can. */
function call(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: {
          ...(options.body !== undefined && !options.chunked ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        // Sent in pieces without a length: the limit must hold while reading, not only from the header.
        const body = Buffer.from(options.body);
        for (let at = 0; at < body.length; at += 256 * 1024) req.write(body.subarray(at, at + 256 * 1024));
      } else req.write(options.body);
    }
    req.end();
  });
}

const TOKEN_META = /<meta name="clinic-bridge-token" content="([0-9a-f]+)">/;

describe('the loopback bridge', () => {
  let rendererDir: string;
  let bridge: BridgeServer;
  let port: number;
  const received: { channel: string; input: unknown }[] = [];

  beforeAll(async () => {
    rendererDir = mkdtempSync(join(tmpdir(), 'clinic-bridge-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Clinic Desk</title></head><body></body></html>');
    writeFileSync(join(rendererDir, 'app.js'), 'console.log("app");');
    bridge = await startHttpBridge({
      rendererDir,
      dispatch: async (channel, input): Promise<Result<unknown>> => {
        received.push({ channel, input });
        return ok({ echoedBytes: JSON.stringify(input).length });
      },
    });
    port = Number(new URL(bridge.url).port);
  });

  afterAll(async () => {
    await bridge?.close();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  const invoke = (channel: string, body: string | Buffer, headers: Record<string, string> = {}, chunked = false) =>
    call(port, {
      method: 'POST',
      path: BRIDGE_PATH + channel,
      headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: bridge.token, origin: bridge.url, ...headers },
      body,
      chunked,
    });

  it('gives the token only to the page opened with the one-time launch URL, once', async () => {
    const plain = await call(port, { path: '/' });
    expect(plain.status).toBe(200);
    expect(plain.body).toContain('<title>Clinic Desk</title>');
    expect(plain.body).not.toContain(bridge.token);

    const wrongSecret = await call(port, { path: '/?launch=' + 'ab'.repeat(24) });
    expect(wrongSecret.body).not.toContain(bridge.token);

    const launch = new URL(bridge.launchUrl);
    expect(launch.origin).toBe(bridge.url);
    const rebound = await call(port, { path: launch.pathname + launch.search, headers: { host: `rebind.evil.example:${port}` } });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain(bridge.token);

    const first = await call(port, { path: launch.pathname + launch.search });
    expect(TOKEN_META.exec(first.body)?.[1]).toBe(bridge.token);
    const again = await call(port, { path: launch.pathname + launch.search });
    expect(again.status).toBe(200);
    expect(again.body).not.toContain(bridge.token);
  });

  it('refuses a foreign Host on every path, even with the token', async () => {
    for (const foreign of ['rebind.evil.example', `rebind.evil.example:${port}`, `127.0.0.1:${port + 1}`, 'localhost']) {
      const page = await call(port, { path: '/', headers: { host: foreign } });
      expect(page.status, foreign).toBe(421);
      const asset = await call(port, { path: '/app.js', headers: { host: foreign } });
      expect(asset.status, foreign).toBe(421);
      const called = await invoke('staff.list', '{}', { host: foreign });
      expect(called.status, foreign).toBe(421);
      expect(JSON.parse(called.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(received.filter((r) => r.channel === 'staff.list')).toEqual([]);
    const own = await invoke('staff.list', '{}', { host: `localhost:${port}`, origin: `http://localhost:${port}` });
    expect(own.status).toBe(200);
  });

  it('refuses calls without the token or from another origin', async () => {
    const before = received.length;
    const noToken = await call(port, { method: 'POST', path: BRIDGE_PATH + 'staff.list', headers: { origin: bridge.url }, body: '{}' });
    expect(noToken.status).toBe(403);
    const otherOrigin = await invoke('staff.list', '{}', { origin: `http://127.0.0.1:${port + 1}` });
    expect(otherOrigin.status).toBe(403);
    expect(JSON.parse(otherOrigin.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(received.length).toBe(before);
  });

  it('forbids framing and referrers on every response', async () => {
    const launch = new URL(bridge.launchUrl);
    const replies = [
      await call(port, { path: '/' }),
      await call(port, { path: launch.pathname + launch.search }),
      await call(port, { path: '/app.js' }),
      await call(port, { path: '/missing.png' }),
      await call(port, { path: '/', headers: { host: 'evil.example' } }),
      await invoke('app.status', '{}'),
      await invoke('app.status', 'not json'),
      await call(port, { method: 'POST', path: BRIDGE_PATH + 'app.status', body: '{}' }),
      await invoke('app.status', Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)),
    ];
    for (const reply of replies) {
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('carries the largest input the contract accepts: a 2 MiB photo', async () => {
    const dataBase64 = Buffer.alloc(PROFILE_IMAGE_MAX_BYTES, 7).toString('base64');
    const reply = await invoke('doctors.setImage', JSON.stringify({ doctorId: 1, mediaType: 'image/png', dataBase64 }));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, data: { echoedBytes: expect.any(Number) } });
    expect(received.at(-1)?.input).toMatchObject({ dataBase64 });
  });

  it('answers a body over the limit with a 413 Result, declared or streamed, and dispatches nothing', async () => {
    const before = received.length;
    const oversized = JSON.stringify({ notes: 'x'.repeat(MAX_BODY_BYTES) });
    for (const chunked of [false, true]) {
      const reply = await invoke('waitingList.add', oversized, {}, chunked);
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('larger than') } });
    }
    expect(received.length).toBe(before);
  });
});
