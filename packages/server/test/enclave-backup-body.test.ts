import { describe, expect, it } from 'vitest';
import { pgliteBackend } from './support/backends.js';
import { getUserShare, putUserShare, serveDuringSuite, uniqueId } from './support/test-server.js';

// Seed 002: `POST {your_server}/users/[userId]/user-backup-share` with `{ data: { secp256k1Ciphertext, ed25519Ciphertext } }`.
describe('the user share route with the seed 002 body', () => {
  const suite = serveDuringSuite(pgliteBackend());
  const data = { secp256k1Ciphertext: 'secp-ciphertext-1', ed25519Ciphertext: 'ed-ciphertext-1' };

  it('stores both ciphertexts under UNKNOWN and answers them in the same shape', async () => {
    const userId = uniqueId('user');
    const stored = await putUserShare(suite.server.url, userId, { data });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({ backupMethod: 'UNKNOWN' });
    const read = await getUserShare(suite.server.url, userId, 'UNKNOWN');
    expect(read.status).toBe(200);
    const body = (await read.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ backupMethod: 'UNKNOWN', data });
    expect(body).not.toHaveProperty('cipherText');
  });

  it('keeps the method it is given, and a second body replaces the first', async () => {
    const userId = uniqueId('user');
    await putUserShare(suite.server.url, userId, { backupMethod: 'PASSKEY', data });
    const next = { secp256k1Ciphertext: 'secp-2', ed25519Ciphertext: 'ed-2' };
    await putUserShare(suite.server.url, userId, { backupMethod: 'PASSKEY', data: next });
    expect(await (await getUserShare(suite.server.url, userId, 'PASSKEY')).json()).toMatchObject({ data: next });
  });

  it('refuses a body missing a curve with a 400 naming the field, and stores nothing', async () => {
    const userId = uniqueId('user');
    const refused = await putUserShare(suite.server.url, userId, { data: { secp256k1Ciphertext: 'only-one' } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('data.ed25519Ciphertext');
    expect((await getUserShare(suite.server.url, userId, 'UNKNOWN')).status).toBe(404);
  });

  it('still reads an ordinary cipherText that merely starts like a record as it was stored', async () => {
    const userId = uniqueId('user');
    const cipherText = 'backup-kit:enclave-backup:v1:not json';
    await putUserShare(suite.server.url, userId, { backupMethod: 'PASSWORD', cipherText });
    expect(await (await getUserShare(suite.server.url, userId, 'PASSWORD')).json()).toMatchObject({ cipherText });
  });
});
