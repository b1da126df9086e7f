import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { drizzleOf } from '../src/db/drizzle-handle.js';
import { userBackupShares } from '../src/db/schema.js';
import { describeOnEachBackend } from './support/backends.js';
import { getUserShare, putUserShare, serveDuringSuite, uniqueId } from './support/test-server.js';

describeOnEachBackend('user backup share pair ids (seed 000: kept beside the cipherText)', (backend) => {
  const suite = serveDuringSuite(backend);

  it('stores the pair ids with the share and returns them on read', async () => {
    const userId = uniqueId('user');
    const body = { backupMethod: 'PASSWORD', cipherText: 'cipher-p', backupSharePairIds: ['pair-secp', 'pair-ed'] };
    const stored = await putUserShare(suite.server.url, userId, body);
    expect(stored.status).toBe(200);
    expect(JSON.stringify(await stored.json())).not.toContain('pair-secp');

    const read = await (await getUserShare(suite.server.url, userId, 'PASSWORD')).json();
    expect(read).toMatchObject({ cipherText: 'cipher-p', backupSharePairIds: ['pair-secp', 'pair-ed'] });
  });

  it('replaces the pair ids together with the cipherText, and keeps [] for a client that sends none', async () => {
    const userId = uniqueId('user');
    await putUserShare(suite.server.url, userId, {
      backupMethod: 'GDRIVE',
      cipherText: 'a',
      backupSharePairIds: ['p1'],
    });
    await putUserShare(suite.server.url, userId, { backupMethod: 'GDRIVE', cipherText: 'b' });

    const read = await (await getUserShare(suite.server.url, userId, 'GDRIVE')).json();
    expect(read).toMatchObject({ cipherText: 'b', backupSharePairIds: [] });
  });

  it.each([
    ['a string instead of an array', 'pair-1'],
    ['a number in the array', ['pair-1', 7]],
    ['an empty id', ['']],
    ['too many ids', Array.from({ length: 17 }, (_, i) => `pair-${i}`)],
  ])('answers 400 naming backupSharePairIds for %s, and stores nothing', async (_case, backupSharePairIds) => {
    const userId = uniqueId('user');
    const response = await putUserShare(suite.server.url, userId, {
      backupMethod: 'PASSWORD',
      cipherText: 'x',
      backupSharePairIds,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      field: expect.stringMatching(/^backupSharePairIds/),
    });
    expect(
      await drizzleOf(suite.database).select().from(userBackupShares).where(eq(userBackupShares.userId, userId)),
    ).toEqual([]);
  });
});
