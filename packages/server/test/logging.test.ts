import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { describeError } from '../src/log/describe-error.js';
import { redact } from '../src/log/redact.js';
import { createJsonLogger, redactingLogger } from '../src/log/logger.js';
import { describeOnEachBackend } from './support/backends.js';
import {
  captureLogs,
  getUserShare,
  postWebhook,
  putUserShare,
  startTestServer,
  uniqueId,
} from './support/test-server.js';

describe('redact', () => {
  it('replaces secret-looking keys at any depth and in any spelling', () => {
    const fields = {
      cipherText: 'a',
      body: { share: 'b', nested: [{ cipher_text: 'c' }] },
      headers: { 'X-Webhook-Secret': 'd', authorization: 'e', 'content-type': 'application/json' },
      route: '/webhook/backup',
    };
    expect(redact(fields)).toEqual({
      cipherText: '[redacted]',
      body: { share: '[redacted]', nested: [{ cipher_text: '[redacted]' }] },
      headers: { 'X-Webhook-Secret': '[redacted]', authorization: '[redacted]', 'content-type': 'application/json' },
      route: '/webhook/backup',
    });
    expect(fields.cipherText).toBe('a'); // the caller's object is left alone
  });

  it('never passes raw bytes on', () => {
    expect(redact({ blob: Buffer.from('share-bytes') })).toEqual({ blob: '[redacted]' });
  });

  it('is applied to whatever logger the server is given', () => {
    const lines: string[] = [];
    redactingLogger(createJsonLogger((line) => lines.push(line))).info({ share: 'top-secret' }, 'stored');
    expect(lines.join()).not.toContain('top-secret');
  });
});

describe('describeError', () => {
  it('keeps the statement of a failed Drizzle query but never its parameters', () => {
    const cause = Object.assign(new Error('relation "user_backup_shares" does not exist'), { code: '42P01' });
    const queryError = Object.assign(new Error('Failed query: insert ...\nparams: user,PASSWORD,the-cipher-text'), {
      query: 'insert into "user_backup_shares" values ($1, $2, $3)',
      params: ['user', 'PASSWORD', 'the-cipher-text'],
      cause,
    });
    const described = describeError(queryError);
    expect(described).toEqual({
      name: 'Error',
      message: 'relation "user_backup_shares" does not exist',
      code: '42P01',
      query: 'insert into "user_backup_shares" values ($1, $2, $3)',
    });
    expect(JSON.stringify(described)).not.toContain('the-cipher-text');
  });
});

describeOnEachBackend('server logs', (backend) => {
  let database: BackupDatabase;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('hold no cipherText or share through successes, bad input and a failing database', async () => {
    const logs = captureLogs();
    const server = await startTestServer(database, { logger: logs.logger });
    const cipherText = `CIPHERTEXT-${uniqueId('marker')}`;
    const share = `SHARE-${uniqueId('marker')}`;
    const userId = uniqueId('user');
    const clientId = uniqueId('client');
    try {
      await putUserShare(server.url, userId, { backupMethod: 'PASSWORD', cipherText });
      await getUserShare(server.url, userId, 'PASSWORD');
      await putUserShare(server.url, userId, `{"backupMethod":"PASSWORD","cipherText":"${cipherText}`); // broken JSON
      await putUserShare(server.url, userId, { backupMethod: 'NOPE', cipherText });
      await postWebhook(server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share });
      await postWebhook(server.url, '/webhook/backup/fetch', { backupMethod: 'PASSWORD', clientId });
      await postWebhook(server.url, '/webhook/backup', { backupMethod: 'PASSWORD', clientId, share }, 'wrong-secret');

      // Break the tables: Drizzle's error for the next writes quotes their parameters.
      await drizzleOf(database).execute(sql`alter table user_backup_shares rename to user_backup_shares_gone`);
      await drizzleOf(database).execute(
        sql`alter table custodian_backup_shares rename to custodian_backup_shares_gone`,
      );
      const failedUser = await putUserShare(server.url, userId, { backupMethod: 'PASSWORD', cipherText });
      const failedWebhook = await postWebhook(server.url, '/webhook/backup', {
        backupMethod: 'PASSWORD',
        clientId,
        share,
      });
      expect(failedUser.status).toBe(500);
      expect(failedWebhook.status).toBe(500);
      expect(await failedUser.text()).not.toContain(cipherText);
    } finally {
      await drizzleOf(database).execute(
        sql`alter table if exists user_backup_shares_gone rename to user_backup_shares`,
      );
      await drizzleOf(database).execute(
        sql`alter table if exists custodian_backup_shares_gone rename to custodian_backup_shares`,
      );
      await server.stop();
    }

    const all = logs.lines.join('\n');
    expect(logs.lines.length).toBeGreaterThanOrEqual(10); // the capture saw the traffic...
    expect(all).toContain('request failed'); // ...and the database failures
    expect(all).toContain('user_backup_shares');
    expect(all).not.toContain(cipherText);
    expect(all).not.toContain(share);
    expect(all).not.toContain('test-webhook-secret');
  });
});
