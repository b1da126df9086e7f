import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '@backup-kit/emulator';
import {
  type BackupDatabase,
  type KeyProvider,
  type PipelineStep,
  createBackupPipeline,
  createJsonLogger,
  isPipelineError,
  loadLocalKeyFileProvider,
  openBackupDatabase,
  silentLogger,
  startServer,
} from '@backup-kit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/emulator.js';

// The pipeline lives in @backup-kit/server; its integration test lives here because the emulator
// depends on the server (for the key vault), so the server cannot depend on the emulator.
describe('the server-side backup pipeline over the Enclave MPC API of the emulator', () => {
  let emulator: RunningEmulator;
  let database: BackupDatabase;
  let keyProvider: KeyProvider;
  let dir: string;
  const logLines: string[] = [];
  const logger = createJsonLogger((line) => logLines.push(line));
  let keyCount = 0;
  const freshApiKey = () => `pipeline-client-${++keyCount}-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    database = await openBackupDatabase();
    dir = await mkdtemp(join(tmpdir(), 'backup-kit-pipeline-'));
    keyProvider = await loadLocalKeyFileProvider(join(dir, 'keys.json'));
  });
  afterAll(async () => {
    await emulator?.stop();
    await database?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A fetch that records each call's method and path, and can fail the nth call to a path once. */
  function recordingFetch() {
    const calls: string[] = [];
    const failures = new Map<string, number>();
    const wrapped: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      const call = `${init?.method ?? 'GET'} ${url.pathname}`;
      calls.push(call);
      const status = failures.get(call);
      if (status !== undefined) {
        failures.delete(call);
        if (status === 0) throw new TypeError('fetch failed');
        return new Response(JSON.stringify({ error: { status, message: 'injected' } }), { status });
      }
      return fetch(input, init);
    };
    return { fetch: wrapped, calls, failOnce: (call: string, status = 503) => failures.set(call, status) };
  }

  function pipelineWith(overrides: { fetch?: typeof fetch; keyProvider?: KeyProvider } = {}) {
    return createBackupPipeline({
      keyProvider: overrides.keyProvider ?? keyProvider,
      store: database,
      mpcBaseUrl: emulator.url,
      apiBaseUrl: emulator.url,
      fetch: overrides.fetch,
      logger,
    });
  }

  const pairsOf = (apiKey: string) =>
    emulator.control.state().clients.some((known) => known.apiKey === apiKey)
      ? client(emulator, apiKey).wallets.flatMap((wallet) => wallet.backupSharePairs)
      : [];
  const completedPairs = (apiKey: string) => pairsOf(apiKey).filter((pair) => pair.status === 'completed');

  async function failureOf(run: Promise<unknown>) {
    const error = await run.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!isPipelineError(error)) throw new Error(`expected a PipelineError, got ${String(error)}`);
    return error;
  }

  it('generates, backs up, stores, verifies by recovery and only then marks both pairs stored', async () => {
    const apiKey = freshApiKey();
    const userId = `user-${apiKey}`;
    const recorder = recordingFetch();
    let kept: unknown;
    const result = await pipelineWith({ fetch: recorder.fetch }).run({
      userId,
      clientApiKey: apiKey,
      storeSigningShares: async (_user, shares) => {
        kept = shares;
      },
    });
    expect(recorder.calls).toEqual([
      'POST /v1/generate',
      'POST /v1/backup',
      'POST /v1/recover',
      'PATCH /api/v3/clients/me/backup-share-pairs',
    ]);
    expect(kept).toEqual(result.generated);
    expect(result.resumed).toBe(false);
    expect(
      completedPairs(apiKey)
        .map((pair) => pair.id)
        .sort(),
    ).toEqual([...result.backupSharePairIds].sort());

    // What a browser recovers from: the stored shares, opened, under the pipeline's pair ids.
    const pipeline = pipelineWith();
    const recovery = JSON.parse((await pipeline.recoveryCipherText({ userId })) ?? 'null') as {
      secp256k1Share: { id: string; share: string };
      ed25519Share: { id: string; share: string };
    };
    expect([recovery.secp256k1Share.id, recovery.ed25519Share.id]).toEqual(result.backupSharePairIds);
    expect(recovery.secp256k1Share.share).toMatch(/^[0-9a-f]{64}$/);
    expect(await pipeline.recoveryCipherText({ userId: `${userId}-nobody` })).toBeNull();

    // A second run for the same user is done already: no Portal call at all.
    const again = recordingFetch();
    const second = await pipelineWith({ fetch: again.fetch }).run({ userId, clientApiKey: apiKey });
    expect(again.calls).toEqual([]);
    expect(second.backupSharePairIds).toEqual(result.backupSharePairIds);
  });

  it('stores seed 002 ciphertexts that the user share route answers, and that recover the wallet', async () => {
    const apiKey = freshApiKey();
    const userId = `user-${apiKey}`;
    const result = await pipelineWith().run({ userId, clientApiKey: apiKey });
    const server = await startServer({
      database,
      keyFile: join(dir, 'server-keys.json'),
      webhookSecret: 'pipeline-webhook-secret-0123456789abcdef',
      logger: silentLogger,
      mode: 'development',
    });
    try {
      const answer = await fetch(`${server.url}/users/${userId}/user-backup-share?backupMethod=UNKNOWN`, {
        headers: { 'X-Backup-Kit-User': userId },
      });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { data: Record<string, string>; backupSharePairIds: string[] };
      expect(Object.keys(body.data).sort()).toEqual(['ed25519Ciphertext', 'secp256k1Ciphertext']);
      expect(body.backupSharePairIds).toEqual(result.backupSharePairIds);
    } finally {
      await server.stop();
    }
  });

  it('marks passkey-encrypted backups with STORED_CLIENT_BACKUP_SHARE_KEY', async () => {
    const apiKey = freshApiKey();
    const recorder = recordingFetch();
    const bodies: unknown[] = [];
    const spying: typeof fetch = async (input, init) => {
      if (init?.method === 'PATCH') bodies.push(JSON.parse(String(init.body)));
      return recorder.fetch(input, init);
    };
    await pipelineWith({ fetch: spying }).run({
      userId: `user-${apiKey}`,
      clientApiKey: apiKey,
      status: 'STORED_CLIENT_BACKUP_SHARE_KEY',
      backupMethod: 'PASSKEY',
    });
    expect(bodies).toEqual([expect.objectContaining({ status: 'STORED_CLIENT_BACKUP_SHARE_KEY' })]);
    expect(completedPairs(apiKey)).toHaveLength(2);
  });

  const httpSteps: { step: PipelineStep; call: string }[] = [
    { step: 'generate', call: 'POST /v1/generate' },
    { step: 'backup', call: 'POST /v1/backup' },
    { step: 'verify', call: 'POST /v1/recover' },
    { step: 'mark', call: 'PATCH /api/v3/clients/me/backup-share-pairs' },
  ];
  for (const { step, call } of httpSteps) {
    it(`names ${step} when ${call} fails, marks nothing, and a retry finishes`, async () => {
      const apiKey = freshApiKey();
      const userId = `user-${apiKey}`;
      const recorder = recordingFetch();
      recorder.failOnce(call);
      let signingShares:
        | Parameters<NonNullable<Parameters<ReturnType<typeof pipelineWith>['run']>[0]['storeSigningShares']>>[1]
        | undefined;
      const storeSigningShares = async (_user: string, shares: NonNullable<typeof signingShares>) => {
        signingShares = shares;
      };
      const pipeline = pipelineWith({ fetch: recorder.fetch });
      const error = await failureOf(pipeline.run({ userId, clientApiKey: apiKey, storeSigningShares }));
      expect(error.step).toBe(step);
      expect(error.retryable).toBe(true);
      if (step !== 'generate') expect(completedPairs(apiKey)).toEqual([]);
      // Nothing to recover from until the pairs are marked.
      expect(await pipeline.recoveryCipherText({ userId })).toBeNull();

      const before = recorder.calls.length;
      const result = await pipeline.run({ userId, clientApiKey: apiKey, signingShares, storeSigningShares });
      const retried = recorder.calls.slice(before);
      // Once the ciphertexts are stored, the retry resumes at verify: no second backup.
      if (step === 'verify' || step === 'mark') {
        expect(retried).not.toContain('POST /v1/backup');
        expect(retried).toEqual(['POST /v1/recover', 'PATCH /api/v3/clients/me/backup-share-pairs']);
        expect(result.resumed).toBe(true);
      }
      expect(
        completedPairs(apiKey)
          .map((pair) => pair.id)
          .sort(),
      ).toEqual([...result.backupSharePairIds].sort());
      expect(await pipeline.recoveryCipherText({ userId })).not.toBeNull();
    });
  }

  it('names encrypt when the key provider throws, and stores and marks nothing', async () => {
    const apiKey = freshApiKey();
    const userId = `user-${apiKey}`;
    const broken: KeyProvider = {
      wrapKey: () => Promise.reject(new Error('KMS unavailable')),
      unwrapKey: () => Promise.reject(new Error('KMS unavailable')),
    };
    const error = await failureOf(pipelineWith({ keyProvider: broken }).run({ userId, clientApiKey: apiKey }));
    expect(error.step).toBe('encrypt');
    expect(error.retryable).toBe(true);
    expect(completedPairs(apiKey)).toEqual([]);
    expect(pairsOf(apiKey).length).toBeGreaterThan(0);
  });

  it('names verify when the stored ciphertexts do not open, and marks nothing', async () => {
    const apiKey = freshApiKey();
    const userId = `user-${apiKey}`;
    // Seals work, opens fail: the read-back of the stored ciphertexts is what verify checks.
    const sealOnly: KeyProvider = { ...keyProvider, unwrapKey: () => Promise.reject(new Error('access denied')) };
    const error = await failureOf(pipelineWith({ keyProvider: sealOnly }).run({ userId, clientApiKey: apiKey }));
    expect(error.step).toBe('verify');
    expect(completedPairs(apiKey)).toEqual([]);
  });

  it('names backup with a non-retryable error when Portal refuses the API key', async () => {
    const recorder = recordingFetch();
    recorder.failOnce('POST /v1/backup', 401);
    const apiKey = freshApiKey();
    const error = await failureOf(
      pipelineWith({ fetch: recorder.fetch }).run({ userId: `user-${apiKey}`, clientApiKey: apiKey }),
    );
    expect(error.step, error.message).toBe('backup');
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain(apiKey);
  });

  it('never logs a share, a ciphertext or the API key', async () => {
    const apiKey = freshApiKey();
    const userId = `user-${apiKey}`;
    const bodies: string[] = [];
    const capturing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      bodies.push(await response.clone().text());
      return response;
    };
    const pipeline = pipelineWith({ fetch: capturing });
    await pipeline.run({ userId: userId.replace(apiKey, 'x'), clientApiKey: apiKey });
    const recovery = await pipeline.recoveryCipherText({ userId: userId.replace(apiKey, 'x') });
    const log = logLines.join('\n');
    expect(recovery).not.toBeNull();
    expect(log).not.toContain(recovery);
    expect(log).toContain('backup pipeline step done');
    expect(log).not.toContain(apiKey);
    const secrets = bodies.flatMap((body) => [...body.matchAll(/"share":"([0-9a-f]+)"/g)].map((match) => match[1]!));
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toContain('v1.');
  });
  // Last: its slow failure lets the emulator's idle keep-alive sockets close under the other tests.
  it('names store when the database is unavailable, and marks nothing', async () => {
    const apiKey = freshApiKey();
    const closed = await openBackupDatabase();
    await closed.close();
    const error = await failureOf(
      createBackupPipeline({ keyProvider, store: closed, mpcBaseUrl: emulator.url, apiBaseUrl: emulator.url }).run({
        userId: `user-${apiKey}`,
        clientApiKey: apiKey,
      }),
    );
    expect(error.step).toBe('store');
    expect(completedPairs(apiKey)).toEqual([]);
  });
});
