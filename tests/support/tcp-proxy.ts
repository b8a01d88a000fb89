import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP proxy in front of a real server, so a test can take the server away from the
 * app (cut: refuse new connections and drop open ones; stall: keep every connection open and
 * accept new ones, but pass nothing on, as a hung server host does) and bring it back (restore)
 * without stopping the server other tests share.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  /** From now on nothing passes either way; open sockets stay open, new ones are accepted and ignored. */
  stall(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  let stalled = false;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        if (stalled) {
          sockets.add(client);
          client.on('close', () => sockets.delete(client));
          client.on('error', () => client.destroy());
          return;
        }
        const upstream = connect({ host: targetHost, port: targetPort });
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as AddressInfo).port;
        server = next;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  const stall = () => {
    stalled = true;
    for (const socket of sockets) {
      socket.unpipe();
      socket.pause();
    }
  };

  await listen();
  return {
    port,
    cut: stop,
    stall,
    restore: async () => {
      stalled = false;
      if (!server) await listen();
    },
    close: async () => {
      stalled = false;
      await stop();
    },
  };
}
