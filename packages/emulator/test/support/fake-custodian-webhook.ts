import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny custodian server with exactly the webhook contract of Portal's self-managed backups:
 * POST /webhook/backup `{ backupMethod, clientId, share }` → 204, and
 * POST /webhook/backup/fetch `{ clientId, backupMethod }` → 200 `{ share }` (404 if none),
 * both behind `X-Webhook-Secret`. `failNext` makes the next call to a path answer a status.
 */
export interface WebhookCall {
  path: string;
  secretMatched: boolean;
  body: Record<string, unknown>;
}

export interface FakeCustodianWebhook {
  url: string;
  secret: string;
  calls: WebhookCall[];
  shares: Map<string, string>;
  failNext(path: '/webhook/backup' | '/webhook/backup/fetch', status: number): void;
  /** Makes /webhook/backup/fetch answer a different share than the one stored. */
  corruptFetches: boolean;
  close(): Promise<void>;
}

async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

export async function startFakeCustodianWebhook(secret = 'test-webhook-secret'): Promise<FakeCustodianWebhook> {
  const failures = new Map<string, number>();
  const webhook: Omit<FakeCustodianWebhook, 'url' | 'close'> = {
    secret,
    calls: [],
    shares: new Map(),
    failNext: (path, status) => void failures.set(path, status),
    corruptFetches: false,
  };
  const server = createServer((request, response) => {
    void (async () => {
      const path = request.url ?? '';
      const body = await jsonBody(request);
      const secretMatched = request.headers['x-webhook-secret'] === secret;
      webhook.calls.push({ path, secretMatched, body });
      const key = `${String(body.clientId)}/${String(body.backupMethod)}`;
      const failure = failures.get(path);
      failures.delete(path);
      if (failure !== undefined) return void response.writeHead(failure).end();
      if (!secretMatched) return void response.writeHead(401).end();
      if (request.method === 'POST' && path === '/webhook/backup') {
        webhook.shares.set(key, String(body.share));
        return void response.writeHead(204).end();
      }
      if (request.method === 'POST' && path === '/webhook/backup/fetch') {
        const share = webhook.shares.get(key);
        if (share === undefined) return void response.writeHead(404).end();
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify({ share: webhook.corruptFetches ? `${share} ` : share }));
      }
      response.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(webhook, {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
