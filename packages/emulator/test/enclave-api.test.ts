import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import { capturingLogger, clientWithApiKey } from './support/emulator-state.js';

type Shares = Record<'SECP256K1' | 'ED25519', { id: string; share: string }>;
interface BackupResponse {
  secp256k1Share: { id: string; share: string };
  ed25519Share: { id: string; share: string };
}

describe('the Enclave MPC API and the backup-share-pair API over HTTP', () => {
  let emulator: RunningEmulator;
  const { lines, logger } = capturingLogger();
  let keyCount = 0;
  const newApiKey = () => `enclave-client-${++keyCount}-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logger });
  });
  afterAll(() => emulator?.stop());

  function call(method: string, path: string, apiKey: string | null, body?: unknown, rawAuthorization?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (rawAuthorization !== undefined) headers.authorization = rawAuthorization;
    else if (apiKey !== null) headers.authorization = `Bearer ${apiKey}`;
    return fetch(`${emulator.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  }
  async function ok<T>(response: Promise<Response>): Promise<T> {
    const answer = await response;
    const body = (await answer.json()) as T;
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(body)}`);
    return body;
  }
  async function failure(response: Promise<Response>) {
    const answer = await response;
    return {
      status: answer.status,
      body: (await answer.json()) as { error: { status: number; message: string; field?: string } },
      headers: answer.headers,
    };
  }
  const generate = (apiKey: string) => ok<Shares>(call('POST', '/v1/generate', apiKey));
  const backup = (apiKey: string, shares: Shares) =>
    ok<BackupResponse>(call('POST', '/v1/backup', apiKey, { generateResponse: JSON.stringify(shares) }));
  const recover = (apiKey: string, backupResponse: unknown) =>
    call('POST', '/v1/recover', apiKey, { backupResponse: JSON.stringify(backupResponse) });
  const mark = (apiKey: string, status: string, backupSharePairIds: unknown) =>
    call('PATCH', '/api/v3/clients/me/backup-share-pairs', apiKey, { status, backupSharePairIds });
  const pairStatuses = (apiKey: string) =>
    clientWithApiKey(emulator, apiKey).wallets.flatMap((wallet) =>
      wallet.backupSharePairs.map((pair) => ({ curve: wallet.curve, id: pair.id, status: pair.status })),
    );

  it('generates a real wallet: one share per curve with its signing share pair id, and both addresses', async () => {
    const apiKey = newApiKey();
    const shares = await generate(apiKey);
    const client = clientWithApiKey(emulator, apiKey);
    expect(client.addresses.eip155).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(client.addresses.solana).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    for (const curve of ['SECP256K1', 'ED25519'] as const) {
      expect(shares[curve].share).toMatch(/^[0-9a-f]{64}$/);
      expect(shares[curve].id).toBe(client.wallets.find((wallet) => wallet.curve === curve)?.signingSharePairs[0]?.id);
    }
    expect(shares.SECP256K1.share).not.toBe(shares.ED25519.share);
  });

  it('backs up, stores the client ciphertexts, marks the pairs stored, and recovers the same signing shares (seed 002 and 000)', async () => {
    const apiKey = newApiKey();
    const shares = await generate(apiKey);
    const backedUp = await backup(apiKey, shares);
    expect(backedUp.secp256k1Share.id).toMatch(/^bsp_/);
    expect(backedUp.ed25519Share.id).toMatch(/^bsp_/);
    // A backup share is a fresh re-randomisation, never the signing share itself.
    expect(backedUp.secp256k1Share.share).not.toBe(shares.SECP256K1.share);
    expect(pairStatuses(apiKey)).toEqual([
      { curve: 'SECP256K1', id: backedUp.secp256k1Share.id, status: 'incomplete' },
      { curve: 'ED25519', id: backedUp.ed25519Share.id, status: 'incomplete' },
    ]);

    for (const share of [backedUp.secp256k1Share, backedUp.ed25519Share]) {
      const stored = await ok<{ id: string; status: string }>(
        call('POST', `/api/v3/clients/me/backup-share-pairs/${share.id}`, apiKey, {
          clientCipherText: `kms:${share.id}`,
        }),
      );
      expect(stored).toMatchObject({ id: share.id, status: 'incomplete', backupMethod: 'UNKNOWN' });
    }
    expect(clientWithApiKey(emulator, apiKey).clientCipherTextPairIds).toEqual([
      backedUp.secp256k1Share.id,
      backedUp.ed25519Share.id,
    ]);

    // Verify by a simulated recovery before marking (seed 000): both response shapes are accepted.
    const recovered = await ok<Shares>(recover(apiKey, backedUp));
    expect(recovered).toEqual(shares);
    const bySeed000Shape = await ok<Shares>(
      recover(apiKey, { SECP256K1: backedUp.secp256k1Share, ED25519: backedUp.ed25519Share }),
    );
    expect(bySeed000Shape).toEqual(shares);
    expect(pairStatuses(apiKey).every((pair) => pair.status === 'incomplete')).toBe(true);

    const marked = await ok<{ backupSharePairs: { id: string; status: string }[] }>(
      mark(apiKey, 'STORED_CLIENT_BACKUP_SHARE', [backedUp.secp256k1Share.id, backedUp.ed25519Share.id]),
    );
    expect(marked.backupSharePairs.map((pair) => pair.status)).toEqual(['completed', 'completed']);
    expect(pairStatuses(apiKey).every((pair) => pair.status === 'completed')).toBe(true);
    // The recovered shares still sign with the custodian's: the wallet keeps working after the check.
    expect(await ok<Shares>(recover(apiKey, backedUp))).toEqual(shares);
  });

  it('marks a passkey-encrypted backup with STORED_CLIENT_BACKUP_SHARE_KEY and records the method asked for', async () => {
    const apiKey = newApiKey();
    const shares = await generate(apiKey);
    const backedUp = await ok<BackupResponse>(
      call('POST', '/v1/backup', apiKey, { generateResponse: JSON.stringify(shares), backupMethod: 'PASSKEY' }),
    );
    await ok(mark(apiKey, 'STORED_CLIENT_BACKUP_SHARE_KEY', [backedUp.secp256k1Share.id, backedUp.ed25519Share.id]));
    const client = clientWithApiKey(emulator, apiKey);
    expect(client.wallets.flatMap((wallet) => wallet.backupSharePairs.map((pair) => pair.backupMethod))).toEqual([
      'PASSKEY',
      'PASSKEY',
    ]);
  });

  it('answers 401 with WWW-Authenticate for a missing, malformed or unknown client API key', async () => {
    const missing = await failure(call('POST', '/v1/generate', null));
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(missing.body.error.message).toMatch(/Authorization: Bearer/);
    expect((await failure(call('POST', '/v1/generate', null, undefined, 'Basic abc'))).status).toBe(401);
    expect((await failure(call('POST', '/v1/generate', null, undefined, 'Bearer '))).status).toBe(401);
    const unknownKey = newApiKey();
    for (const [method, path] of [
      ['POST', '/v1/backup'],
      ['POST', '/v1/recover'],
      ['PATCH', '/api/v3/clients/me/backup-share-pairs'],
      ['POST', '/api/v3/clients/me/backup-share-pairs/bsp_1'],
    ] as const) {
      const answer = await failure(call(method, path, unknownKey, {}));
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.body.error.message).toBe('Unknown client API key');
    }
    expect(emulator.control.state().clients.some((client) => client.apiKey === unknownKey)).toBe(false);
  });

  it('answers 400 naming the field for malformed bodies, and changes nothing', async () => {
    const apiKey = newApiKey();
    const shares = await generate(apiKey);
    const otherShares = await generate(newApiKey());
    const backupFailure = async (body: unknown) => failure(call('POST', '/v1/backup', apiKey, body));

    expect((await backupFailure({})).body.error).toMatchObject({ status: 400, field: 'generateResponse' });
    expect((await backupFailure({ generateResponse: '{not json' })).body.error).toMatchObject({
      field: 'generateResponse',
      message: 'generateResponse is not valid JSON',
    });
    expect(
      (await backupFailure({ generateResponse: JSON.stringify({ ...shares, ED25519: { share: 'zz' } }) })).body.error,
    ).toMatchObject({ field: 'generateResponse.ED25519.share' });
    // Another wallet's shares are refused: a backup is only made of this client's own shares.
    expect((await backupFailure({ generateResponse: JSON.stringify(otherShares) })).body.error).toMatchObject({
      status: 400,
      field: 'generateResponse.SECP256K1.share',
      message: "generateResponse.SECP256K1.share is not this client's SECP256K1 signing share",
    });
    expect(
      (await backupFailure({ generateResponse: JSON.stringify(shares), backupMethod: 'CLOUD' })).body.error,
    ).toMatchObject({ field: 'backupMethod' });
    const notJson = await failure(call('POST', '/v1/backup', apiKey, '{'));
    expect(notJson.status).toBe(400);
    expect(pairStatuses(apiKey)).toEqual([]);

    const backedUp = await backup(apiKey, shares);
    const ids = [backedUp.secp256k1Share.id, backedUp.ed25519Share.id];
    expect((await failure(mark(apiKey, 'COMPLETED', ids))).body.error).toMatchObject({ status: 400, field: 'status' });
    expect((await failure(mark(apiKey, 'STORED_CLIENT_BACKUP_SHARE', []))).body.error).toMatchObject({
      field: 'backupSharePairIds',
    });
    expect((await failure(mark(apiKey, 'STORED_CLIENT_BACKUP_SHARE', ids[0]))).body.error).toMatchObject({
      field: 'backupSharePairIds',
    });
    const noCipherText = await failure(call('POST', `/api/v3/clients/me/backup-share-pairs/${ids[0]}`, apiKey, {}));
    expect(noCipherText.body.error).toMatchObject({ status: 400, field: 'clientCipherText' });
    expect((await failure(recover(apiKey, { secp256k1Share: backedUp.secp256k1Share }))).body.error).toMatchObject({
      field: 'backupResponse.ED25519',
    });
    expect(pairStatuses(apiKey).every((pair) => pair.status === 'incomplete')).toBe(true);
    expect(clientWithApiKey(emulator, apiKey).clientCipherTextPairIds).toEqual([]);
  });

  it('answers 404 for unknown pair ids and marks none of a partly unknown list', async () => {
    const apiKey = newApiKey();
    const backedUp = await backup(apiKey, await generate(apiKey));
    const unknown = await failure(
      mark(apiKey, 'STORED_CLIENT_BACKUP_SHARE', [backedUp.secp256k1Share.id, 'bsp_unknown']),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Unknown backup share pair id(s): bsp_unknown');
    expect(pairStatuses(apiKey).every((pair) => pair.status === 'incomplete')).toBe(true);
    const cipherText = await failure(
      call('POST', '/api/v3/clients/me/backup-share-pairs/bsp_unknown', apiKey, { clientCipherText: 'x' }),
    );
    expect(cipherText.status).toBe(404);
    // Another client's pair ids are unknown here too.
    const otherKey = newApiKey();
    await generate(otherKey);
    expect((await failure(mark(otherKey, 'STORED_CLIENT_BACKUP_SHARE', [backedUp.secp256k1Share.id]))).status).toBe(
      404,
    );
    const recovery = await failure(
      recover(apiKey, { ...backedUp, ed25519Share: { ...backedUp.ed25519Share, id: 'bsp_unknown' } }),
    );
    expect(recovery.status).toBe(404);
    expect(recovery.body.error.field).toBe('backupResponse.ed25519Share.id');
  });

  it('refuses a recovery from wrong shares (422) or from a backup a newer one replaced (404)', async () => {
    const apiKey = newApiKey();
    const shares = await generate(apiKey);
    const first = await backup(apiKey, shares);
    const tampered = { ...first, ed25519Share: { ...first.ed25519Share, share: `${'0'.repeat(63)}1` } };
    const wrong = await failure(recover(apiKey, tampered));
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/do not rebuild this wallet's ED25519 key/);
    await ok(
      call('POST', `/api/v3/clients/me/backup-share-pairs/${first.secp256k1Share.id}`, apiKey, {
        clientCipherText: 'first-backup-ciphertext',
      }),
    );
    await backup(apiKey, shares);
    expect((await failure(recover(apiKey, first))).status).toBe(404);
    // The replaced pair's ciphertext goes with it.
    expect(clientWithApiKey(emulator, apiKey).clientCipherTextPairIds).toEqual([]);
  });

  it('refuses a second generate (409), a backup before any wallet (404) and unknown routes or methods', async () => {
    const apiKey = newApiKey();
    await generate(apiKey);
    expect((await failure(call('POST', '/v1/generate', apiKey))).status).toBe(409);
    const noWalletKey = newApiKey();
    // A client the SDK knows (configured in a browser) but without a wallet yet.
    emulator.control.state();
    await fetch(`${emulator.url}/api/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${noWalletKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'portal:getClient', details: {} }),
    });
    expect((await failure(call('POST', '/v1/backup', noWalletKey, { generateResponse: '{}' }))).status).toBe(404);
    expect((await failure(call('GET', '/v1/backup', apiKey))).status).toBe(405);
    expect((await failure(call('POST', '/v1/sign', apiKey))).status).toBe(404);
  });

  it('never logs a share, a backup share or a clientCipherText', async () => {
    const apiKey = newApiKey();
    const shares = await generate(apiKey);
    const backedUp = await backup(apiKey, shares);
    await ok(
      call('POST', `/api/v3/clients/me/backup-share-pairs/${backedUp.secp256k1Share.id}`, apiKey, {
        clientCipherText: 'secret-kms-ciphertext',
      }),
    );
    await ok(recover(apiKey, backedUp));
    const log = lines.join('\n');
    expect(log).toContain('POST /v1/backup for client_');
    for (const secret of [
      shares.SECP256K1.share,
      shares.ED25519.share,
      backedUp.secp256k1Share.share,
      backedUp.ed25519Share.share,
      'secret-kms-ciphertext',
    ]) {
      expect(log).not.toContain(secret);
      expect(JSON.stringify(emulator.control.state())).not.toContain(secret);
    }
  });
});
