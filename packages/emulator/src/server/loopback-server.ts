import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * Listens on 127.0.0.1 (never on the network: this emulator is not secure) and, where the
 * machine has IPv6, on [::1] at the same port, because `localhost` resolves to either.
 */
export async function listenOnLoopback(
  handler: RequestListener,
  port: number,
): Promise<{ port: number; close(): Promise<void> }> {
  const ipv4 = createServer(handler);
  const boundPort = await listen(ipv4, '127.0.0.1', port);
  const ipv6 = createServer(handler);
  const servers = [ipv4];
  try {
    await listen(ipv6, '::1', boundPort);
    servers.push(ipv6);
  } catch {
    // No IPv6 loopback here, or the port is taken on it: 127.0.0.1 is enough.
  }
  return { port: boundPort, close: async () => void (await Promise.all(servers.map(close))) };
}
