#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startEmulator } from './startEmulator.js';

const USAGE = `Usage: backup-kit-emulator [--port N] [--webhook-url URL --webhook-secret SECRET]

A local Portal for @portal-hq/web 3.4.1, for development and tests only (NOT MPC, not secure).

  --port N             port on localhost (default 5190; 0 picks a free one)
  --webhook-url URL    self-managed backups: POST custodian backup shares to URL/webhook/backup
  --webhook-secret S   sent as X-Webhook-Secret (or set WEBHOOK_SECRET)
  --help               show this help`;

function fail(message: string): never {
  console.error(`backup-kit-emulator: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '5190' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid --port ${JSON.stringify(values.port)}`);
const webhookUrl = values['webhook-url'];
const webhookSecret = values['webhook-secret'] ?? process.env.WEBHOOK_SECRET;
if (webhookUrl === undefined && values['webhook-secret'] !== undefined) fail('--webhook-secret needs --webhook-url');
if (webhookUrl !== undefined && !webhookSecret) fail('--webhook-url needs --webhook-secret or WEBHOOK_SECRET');
if (webhookUrl !== undefined && !/^https?:\/\//.test(webhookUrl)) fail('--webhook-url must be an http(s) URL');

const emulator = await startEmulator({
  port,
  ...(webhookUrl !== undefined && webhookSecret ? { webhook: { url: webhookUrl, secret: webhookSecret } } : {}),
});
console.info(`[backup-kit-emulator] listening on ${emulator.url}; control API at ${emulator.url}/_emulator/state`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.stop().then(() => process.exit(0));
  });
}
