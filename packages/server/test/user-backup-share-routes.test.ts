import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { userBackupShares } from '../src/db/schema.js';
import { describeOnEachBackend } from './support/backends.js';
import { getUserShare, putUserShare, serveDuringSuite, uniqueId } from './support/test-server.js';

describeOnEachBackend('user backup share routes', (backend) => {
  const suite = serveDuringSuite(backend);

  const rowsFor = (userId: string, backupMethod: string) =>
    drizzleOf(suite.database)
      .select()
      .from(userBackupShares)
      .where(and(eq(userBackupShares.userId, userId), eq(userBackupShares.backupMethod, backupMethod)));

  it('stores a share and reads it back for the same user and method', async () => {
    const userId = uniqueId('user');
    const stored = await putUserShare(suite.server.url, userId, { backupMethod: 'PASSWORD', cipherText: 'cipher-1' });
    expect(stored.status).toBe(200);
    const receipt = await stored.json();
    expect(receipt).toMatchObject({ backupMethod: 'PASSWORD', message: expect.any(String) });
    expect(JSON.stringify(receipt)).not.toContain('cipher-1');

    const read = await getUserShare(suite.server.url, userId, 'PASSWORD');
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    const body = await read.json();
    expect(body).toEqual({
      backupMethod: 'PASSWORD',
      cipherText: 'cipher-1',
      backupSharePairIds: [],
      createdAt: receipt.createdAt,
      updatedAt: receipt.updatedAt,
    });
    expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);
  });

  it('replaces the share for the same method, keeping one row and the first createdAt', async () => {
    const userId = uniqueId('user');
    const first = await (
      await putUserShare(suite.server.url, userId, { backupMethod: 'GDRIVE', cipherText: 'old' })
    ).json();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await (
      await putUserShare(suite.server.url, userId, { backupMethod: 'GDRIVE', cipherText: 'new' })
    ).json();

    const body = await (await getUserShare(suite.server.url, userId, 'GDRIVE')).json();
    expect(body.cipherText).toBe('new');
    expect(body.createdAt).toBe(first.createdAt);
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    expect(await rowsFor(userId, 'GDRIVE')).toHaveLength(1);
  });

  it('keeps one share per method side by side, CUSTOM included', async () => {
    const userId = uniqueId('user');
    for (const backupMethod of ['PASSWORD', 'PASSKEY', 'CUSTOM', 'UNKNOWN']) {
      expect(
        (await putUserShare(suite.server.url, userId, { backupMethod, cipherText: `ct-${backupMethod}` })).status,
      ).toBe(200);
    }
    for (const backupMethod of ['PASSWORD', 'PASSKEY', 'CUSTOM', 'UNKNOWN']) {
      expect((await (await getUserShare(suite.server.url, userId, backupMethod)).json()).cipherText).toBe(
        `ct-${backupMethod}`,
      );
    }
  });

  it('answers 404 for a method the user has no share for', async () => {
    const userId = uniqueId('user');
    await putUserShare(suite.server.url, userId, { backupMethod: 'PASSWORD', cipherText: 'x' });
    const read = await getUserShare(suite.server.url, userId, 'GDRIVE');
    expect(read.status).toBe(404);
    expect(await read.json()).toMatchObject({ error: 'not_found' });
    expect((await getUserShare(suite.server.url, uniqueId('nobody'), 'PASSWORD')).status).toBe(404);
  });

  describe('bad input', () => {
    it.each([
      ['a missing backupMethod', { cipherText: 'x' }, 'backupMethod'],
      ['an unknown backupMethod', { backupMethod: 'ICLOUD2', cipherText: 'x' }, 'backupMethod'],
      ['a lower-case backupMethod', { backupMethod: 'password', cipherText: 'x' }, 'backupMethod'],
      ['a missing cipherText', { backupMethod: 'PASSWORD' }, 'cipherText'],
      ['a numeric cipherText', { backupMethod: 'PASSWORD', cipherText: 42 }, 'cipherText'],
      ['an empty cipherText', { backupMethod: 'PASSWORD', cipherText: '' }, 'cipherText'],
      ['a cipherText with a NUL character', { backupMethod: 'PASSWORD', cipherText: 'a\u0000b' }, 'cipherText'],
    ])('answers 400 naming the field for %s, and stores nothing', async (_case, body, field) => {
      const userId = uniqueId('user');
      const response = await putUserShare(suite.server.url, userId, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request', field });
      expect(
        await drizzleOf(suite.database).select().from(userBackupShares).where(eq(userBackupShares.userId, userId)),
      ).toEqual([]);
    });

    it('answers 400 for a body that is not an object', async () => {
      const response = await putUserShare(suite.server.url, uniqueId('user'), ['PASSWORD', 'x']);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    });

    it('answers 400 invalid_json without quoting the body', async () => {
      const response = await putUserShare(
        suite.server.url,
        uniqueId('user'),
        '{"backupMethod":"PASSWORD","cipherText":"secret-ct',
      );
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'invalid_json' });
      expect(text).not.toContain('secret-ct');
    });

    it('answers 415 when the body is not labelled JSON (no preflight-free cross-origin writes)', async () => {
      const response = await putUserShare(
        suite.server.url,
        uniqueId('user'),
        { backupMethod: 'PASSWORD', cipherText: 'x' },
        {
          'Content-Type': 'text/plain',
        },
      );
      expect(response.status).toBe(415);
    });

    it('answers 400 naming backupMethod when the query lacks it', async () => {
      const userId = uniqueId('user');
      const response = await fetch(`${suite.server.url}/users/${userId}/user-backup-share`, {
        headers: { 'X-Backup-Kit-User': userId },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: 'backupMethod' });
    });

    it('answers 400 naming userId for an over-long user id', async () => {
      const userId = 'u'.repeat(300);
      const response = await getUserShare(suite.server.url, userId, 'PASSWORD');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: 'userId' });
    });

    it('answers 413 when Content-Length is over the limit', async () => {
      const response = await putUserShare(suite.server.url, uniqueId('user'), {
        backupMethod: 'PASSWORD',
        cipherText: 'x'.repeat(70 * 1024),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
    });

    it('answers 404 JSON for an unknown route', async () => {
      const response = await fetch(`${suite.server.url}/nothing-here`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    });
  });

  describe('caller identity (development header)', () => {
    it('answers 401 without the X-Backup-Kit-User header', async () => {
      const response = await fetch(`${suite.server.url}/users/alice/user-backup-share?backupMethod=PASSWORD`);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthenticated' });
    });

    it("answers 403 to a caller touching another user's share, and stores nothing", async () => {
      const victim = uniqueId('victim');
      await putUserShare(suite.server.url, victim, { backupMethod: 'PASSWORD', cipherText: 'victims' });
      const write = await putUserShare(
        suite.server.url,
        victim,
        { backupMethod: 'PASSWORD', cipherText: 'evil' },
        {
          'X-Backup-Kit-User': 'mallory',
        },
      );
      expect(write.status).toBe(403);
      const read = await getUserShare(suite.server.url, victim, 'PASSWORD', { 'X-Backup-Kit-User': 'mallory' });
      expect(read.status).toBe(403);
      expect((await (await getUserShare(suite.server.url, victim, 'PASSWORD')).json()).cipherText).toBe('victims');
    });
  });
});
