import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpStorage } from './http-storage.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let server: Server | undefined;

async function serve(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/users/u1/user-backup-share`;
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

const signal = () => new AbortController().signal;

describe('httpStorage', () => {
  it('POSTs { backupMethod, cipherText, backupSharePairIds } as JSON with the given headers', async () => {
    const seen: Array<{ method?: string; auth?: string; type?: string; body: string; url?: string }> = [];
    const url = await serve((req, res, body) => {
      seen.push({
        method: req.method,
        auth: req.headers.authorization,
        type: req.headers['content-type'],
        body,
        url: req.url,
      });
      res.writeHead(200).end('{}');
    });

    await httpStorage({ url, headers: async () => ({ Authorization: 'Bearer t' }) }).save({
      backupMethod: 'PASSWORD',
      cipherText: 'CT-1',
      backupSharePairIds: ['pair-a', 'pair-b'],
      signal: signal(),
    });

    expect(seen).toEqual([
      {
        method: 'POST',
        auth: 'Bearer t',
        type: 'application/json',
        body: JSON.stringify({
          backupMethod: 'PASSWORD',
          cipherText: 'CT-1',
          backupSharePairIds: ['pair-a', 'pair-b'],
        }),
        url: '/users/u1/user-backup-share',
      },
    ]);
  });

  it('rejects with STORAGE_FAILED and the status, without the cipherText in the message', async () => {
    const url = await serve((_req, res) => res.writeHead(500).end('no'));

    const failure = httpStorage({ url }).save({ backupMethod: 'PASSWORD', cipherText: 'SECRET-CT', signal: signal() });

    await expect(failure).rejects.toMatchObject({ code: 'STORAGE_FAILED', stage: 'storing', details: { status: 500 } });
    await failure.catch((error: Error) =>
      expect(JSON.stringify({ ...error, m: error.message })).not.toContain('SECRET-CT'),
    );
  });

  it('rejects with TIMEOUT when the server is slower than timeoutMs', async () => {
    const url = await serve(() => {});

    await expect(
      httpStorage({ url, timeoutMs: 50 }).save({ backupMethod: 'PASSWORD', cipherText: 'x', signal: signal() }),
    ).rejects.toMatchObject({ code: 'TIMEOUT', stage: 'storing' });
  });

  it('rejects with STORAGE_FAILED when the server is down', async () => {
    const url = await serve(() => {});
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;

    await expect(
      httpStorage({ url }).save({ backupMethod: 'PASSWORD', cipherText: 'x', signal: signal() }),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILED', details: { reason: 'network' } });
  });

  it('rejects with ABORTED when the caller aborts', async () => {
    const url = await serve(() => {});
    const controller = new AbortController();
    const pending = httpStorage({ url }).save({ backupMethod: 'PASSWORD', cipherText: 'x', signal: controller.signal });
    controller.abort();

    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('reads a share back with GET ?backupMethod=, and null on 404', async () => {
    const url = await serve((req, res) => {
      if (req.url?.endsWith('backupMethod=PASSWORD')) res.writeHead(200).end(JSON.stringify({ cipherText: 'CT-2' }));
      else res.writeHead(404).end();
    });
    const storage = httpStorage({ url });

    expect(await storage.load!({ backupMethod: 'PASSWORD', signal: signal() })).toBe('CT-2');
    expect(await storage.load!({ backupMethod: 'GDRIVE', signal: signal() })).toBeNull();
  });

  it('reads the pair ids stored beside a share ([] when the server kept none), and null on 404', async () => {
    const url = await serve((req, res) => {
      const answer = req.url?.endsWith('backupMethod=CUSTOM')
        ? { cipherText: 'CT', backupSharePairIds: ['pair-1', 'pair-2'] }
        : req.url?.endsWith('backupMethod=PASSWORD')
          ? { cipherText: 'CT' }
          : undefined;
      if (answer) res.writeHead(200).end(JSON.stringify(answer));
      else res.writeHead(404).end();
    });
    const storage = httpStorage({ url });

    expect(await storage.loadPairIds!({ backupMethod: 'CUSTOM', signal: signal() })).toEqual(['pair-1', 'pair-2']);
    expect(await storage.loadPairIds!({ backupMethod: 'PASSWORD', signal: signal() })).toEqual([]);
    expect(await storage.loadPairIds!({ backupMethod: 'GDRIVE', signal: signal() })).toBeNull();
  });
});
