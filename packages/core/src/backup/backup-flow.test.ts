import { describe, expect, it, vi } from 'vitest';
import { createFakePortal, memoryStorage } from '../testing/index.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import { createBackupFlow } from './eager-backup-flow.js';
import type { BackupSnapshot } from './backup-snapshot.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A storage whose every save waits until the test settles it. */
function controlledStorage() {
  const saves: Array<{ cipherText: string; signal: AbortSignal; settle: ReturnType<typeof deferred<void>> }> = [];
  const storage: BackupStorage = {
    save({ cipherText, signal }) {
      const settle = deferred<void>();
      saves.push({ cipherText, signal, settle });
      return settle.promise;
    },
  };
  return { storage, saves };
}

const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));

describe('backup flow, Portal-managed', () => {
  it('goes idle → backing-up with each MPC status → success, and never calls storedClientBackupShare', async () => {
    const portal = createFakePortal();
    const flow = createBackupFlow(portal, { method: 'PASSWORD' });
    const seen: BackupSnapshot[] = [];
    flow.subscribe(() => seen.push(flow.getSnapshot()));

    const final = await flow.start({ password: 'correct horse' });

    expect(final).toEqual({ state: 'success', method: 'PASSWORD', storage: 'portal' });
    const statuses = seen.flatMap((s) => (s.state === 'backing-up' && s.status ? [s.status.status] : []));
    expect(statuses).toEqual([
      'Reading share',
      'Generating share',
      'Parsing share',
      'Encrypting share',
      'Storing share',
      'Done',
    ]);
    expect(portal.count('storedClientBackupShare')).toBe(0);
  });

  it('reports an MPC failure as a retryable error at the backing-up stage', async () => {
    const portal = createFakePortal({ failures: { backupWallet: [{ error: { code: 117, message: 'boom' } }] } });
    const onError = vi.fn();
    const flow = createBackupFlow(portal, { method: 'GDRIVE', onError });

    const final = await flow.start();

    expect(final.state).toBe('error');
    const error = final.state === 'error' ? final.error : undefined;
    expect(error).toMatchObject({ code: 'BACKUP_FAILED', stage: 'backing-up', portalCode: 117, retryable: true });
    expect(onError).toHaveBeenCalledWith(error);
    expect((await flow.retry()).state).toBe('success');
    expect(portal.count('backupWallet')).toBe(2);
  });

  it('turns the SDK password pre-check into PASSWORD_INVALID without posting a backup', async () => {
    const portal = createFakePortal();
    const flow = createBackupFlow(portal, { method: 'PASSWORD' });

    const final = await flow.start({ password: 'abc' });

    expect(final.state === 'error' && final.error.code).toBe('PASSWORD_INVALID');
  });
});

describe('backup flow, self-managed: the seven promises', () => {
  it('promise 1: tells Portal true only after save resolved for that exact cipherText', async () => {
    const portal = createFakePortal();
    const { storage, saves } = controlledStorage();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    const done = flow.start({ password: 'correct horse' });
    await until(() => saves.length === 1);
    expect(flow.getSnapshot().state).toBe('storing');
    await new Promise((r) => setTimeout(r, 20));
    expect(portal.notifications).toEqual([]);

    saves[0]!.settle.resolve();
    expect((await done).state).toBe('success');
    expect(saves[0]!.cipherText).toBe(portal.cipherTexts[0]);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  it('promise 2: tells Portal false exactly once when save rejects', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage({ saves: [{ throw: new Error('HTTP 500') }] });
    const onStoreFailed = vi.fn();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage, onStoreFailed });

    const final = await flow.start({ password: 'correct horse' });

    expect(final.state === 'error' && final.error).toMatchObject({ code: 'STORAGE_FAILED', stage: 'storing' });
    expect(portal.notifications).toEqual([{ success: false, backupMethod: 'PASSWORD' }]);
    expect(onStoreFailed).toHaveBeenCalledTimes(1);
    expect(onStoreFailed.mock.calls[0]![0]).toMatchObject({
      backupMethod: 'PASSWORD',
      error: { code: 'STORAGE_FAILED' },
    });
  });

  it('promise 2: tells Portal false exactly once when save times out, and aborts the save', async () => {
    const portal = createFakePortal();
    const { storage, saves } = controlledStorage();
    const flow = createBackupFlow(portal, { method: 'GDRIVE', storage, timeouts: { storeMs: 30 } });

    const final = await flow.start();

    expect(final.state === 'error' && final.error).toMatchObject({
      code: 'TIMEOUT',
      stage: 'storing',
      retryable: true,
    });
    expect(saves[0]!.signal.aborted).toBe(true);
    expect(portal.notifications).toEqual([{ success: false, backupMethod: 'GDRIVE' }]);
  });

  it('promise 2: tells Portal false exactly once when the caller aborts during storing', async () => {
    const portal = createFakePortal();
    const { storage, saves } = controlledStorage();
    const flow = createBackupFlow(portal, { method: 'GDRIVE', storage });
    const controller = new AbortController();

    const done = flow.start({ signal: controller.signal });
    await until(() => saves.length === 1);
    controller.abort();
    const final = await done;

    expect(final.state === 'error' && final.error.code).toBe('ABORTED');
    expect(portal.notifications).toEqual([{ success: false, backupMethod: 'GDRIVE' }]);
  });

  it('promise 2: still reports false once when telling Portal fails, and does not retry it', async () => {
    const portal = createFakePortal({
      failures: { storedClientBackupShare: [{ error: { code: 201, message: 'down' } }] },
    });
    const storage = memoryStorage({ saves: [{ throw: new Error('HTTP 503') }] });
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    const final = await flow.start({ password: 'correct horse' });

    expect(final.state === 'error' && final.error.code).toBe('STORAGE_FAILED');
    expect(portal.count('storedClientBackupShare')).toBe(1);
    expect(portal.count('storedClientBackupShare', { success: true })).toBe(0);
  });

  it('promise 3: a save that resolves after its time limit never turns the false into a true', async () => {
    const portal = createFakePortal();
    const { storage, saves } = controlledStorage();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage, timeouts: { storeMs: 20 } });

    await flow.start({ password: 'correct horse' });
    saves[0]!.settle.resolve();
    await new Promise((r) => setTimeout(r, 30));

    expect(portal.notifications).toEqual([{ success: false, backupMethod: 'PASSWORD' }]);
    expect(flow.getSnapshot().state).toBe('error');
  });

  it('promise 3: a successful backup is reported true once and never false', async () => {
    const portal = createFakePortal();
    const flow = createBackupFlow(portal, { method: 'GDRIVE', storage: memoryStorage() });

    await flow.start();
    await flow.retry(); // a stray retry after success starts a new backup, it does not re-report the old one

    expect(portal.notifications.filter((n) => !n.success)).toEqual([]);
    expect(portal.count('storedClientBackupShare')).toBe(portal.count('backupWallet'));
  });

  it('promise 4: a retry after a storage failure stores the same cipherText without a new MPC backup', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage({ saves: [{ throw: new Error('HTTP 500') }] });
    const seenCipherTexts: string[] = [];
    const spy: BackupStorage = {
      save: (request) => {
        seenCipherTexts.push(request.cipherText);
        return storage.save(request);
      },
    };
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage: spy });

    await flow.start({ password: 'correct horse' });
    const final = await flow.retry();

    expect(final.state).toBe('success');
    expect(portal.count('backupWallet')).toBe(1);
    expect(seenCipherTexts).toHaveLength(2);
    expect(seenCipherTexts[1]).toBe(seenCipherTexts[0]);
    expect(storage.stored.get('PASSWORD')).toBe(portal.cipherTexts[0]);
    expect(portal.notifications).toEqual([
      { success: false, backupMethod: 'PASSWORD' },
      { success: true, backupMethod: 'PASSWORD' },
    ]);
  });

  it('promise 4: a failed notification retries only the notification', async () => {
    const portal = createFakePortal({
      failures: { storedClientBackupShare: [{ error: { code: 200, message: 'net' } }] },
    });
    const storage = memoryStorage();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });

    const failed = await flow.start({ password: 'correct horse' });
    expect(failed.state === 'error' && failed.error).toMatchObject({
      code: 'NOTIFY_FAILED',
      stage: 'notifying',
      portalCode: 200,
    });

    const final = await flow.retry();

    expect(final.state).toBe('success');
    expect(storage.saveCount).toBe(1);
    expect(portal.count('backupWallet')).toBe(1);
    expect(portal.count('storedClientBackupShare', { success: true })).toBe(2);
    expect(portal.count('storedClientBackupShare', { success: false })).toBe(0);
  });

  it('promise 5: a double start runs one backup', async () => {
    const portal = createFakePortal({ latencyMs: 10 });
    const flow = createBackupFlow(portal, { method: 'GDRIVE', storage: memoryStorage() });

    const [a, b] = await Promise.all([flow.start(), flow.start()]);

    expect(a).toBe(b);
    expect(portal.count('backupWallet')).toBe(1);
    expect(portal.count('storedClientBackupShare')).toBe(1);
  });

  it('promise 5: a second flow on the same Portal is refused while one runs, then may run', async () => {
    const portal = createFakePortal();
    const { storage, saves } = controlledStorage();
    const first = createBackupFlow(portal, { method: 'GDRIVE', storage });
    const second = createBackupFlow(portal, { method: 'PASSWORD', storage: memoryStorage() });

    const running = first.start();
    await until(() => saves.length === 1);
    const refused = await second.start({ password: 'correct horse' });
    expect(refused.state === 'error' && refused.error.code).toBe('BACKUP_IN_PROGRESS');
    expect(portal.count('backupWallet')).toBe(1);

    saves[0]!.settle.resolve();
    await running;
    expect((await second.start({ password: 'correct horse' })).state).toBe('success');
  });

  it('promise 6: no snapshot, message or callback argument carries the cipherText or the password', async () => {
    const password = 'hunter2-secret-password';
    // The save fails once (Portal hears false), then telling Portal true fails once.
    const portal = createFakePortal({
      failures: { storedClientBackupShare: ['ok', { error: { code: 200, message: 'x' } }] },
    });
    const storage = memoryStorage({ saves: [{ throw: new Error('HTTP 500') }] });
    const seen: unknown[] = [];
    const record = (value: unknown) => seen.push(value);
    const flow = createBackupFlow(portal, {
      method: 'PASSWORD',
      storage,
      onProgress: record,
      onStored: record,
      onStoreFailed: record,
      onSuccess: record,
      onError: record,
    });
    flow.subscribe(() => record(flow.getSnapshot()));

    await flow.start({ password });
    await flow.retry();
    await flow.retry();

    expect(flow.getSnapshot().state).toBe('success');
    const cipherText = portal.cipherTexts[0]!;
    const dump = JSON.stringify(seen, (_key, value: unknown) =>
      value instanceof Error ? { ...value, message: value.message } : value,
    );
    expect(dump).toContain('STORAGE_FAILED');
    expect(dump).toContain('NOTIFY_FAILED');
    expect(dump).not.toContain(cipherText);
    expect(dump).not.toContain(password);
  });

  it('promise 7: unsubscribing mid-flow still tells Portal, and the listener hears nothing more', async () => {
    const portal = createFakePortal();
    const { storage, saves } = controlledStorage();
    const flow = createBackupFlow(portal, { method: 'PASSWORD', storage });
    const listener = vi.fn();
    const unsubscribe = flow.subscribe(listener);

    const done = flow.start({ password: 'correct horse' });
    await until(() => saves.length === 1);
    unsubscribe();
    const callsAtUnmount = listener.mock.calls.length;
    saves[0]!.settle.resolve();
    await done;

    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
    expect(listener).toHaveBeenCalledTimes(callsAtUnmount);
  });
});

describe('backup flow, reset and options', () => {
  it('forgets an unstored cipherText on reset, so the next start makes a new backup', async () => {
    const portal = createFakePortal();
    const flow = createBackupFlow(portal, {
      method: 'PASSWORD',
      storage: memoryStorage({ saves: [{ throw: new Error('x') }] }),
    });

    await flow.start({ password: 'correct horse' });
    flow.reset();
    expect(flow.getSnapshot()).toEqual({ state: 'idle', method: 'PASSWORD' });
    await flow.retry({ password: 'correct horse' });

    expect(portal.count('backupWallet')).toBe(2);
  });

  it('ignores reset while a backup runs', async () => {
    const portal = createFakePortal({ failures: { backupWallet: 'hang' } });
    const flow = createBackupFlow(portal, { method: 'GDRIVE' });

    void flow.start();
    await until(() => flow.getSnapshot().state === 'backing-up');
    flow.reset();

    expect(flow.getSnapshot().state).toBe('backing-up');
  });

  it('uses the latest callbacks given through setOptions', async () => {
    const portal = createFakePortal();
    const first = vi.fn();
    const second = vi.fn();
    const flow = createBackupFlow(portal, { method: 'GDRIVE', onSuccess: first });

    flow.setOptions({ method: 'GDRIVE', onSuccess: second });
    await flow.start();

    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ backupMethod: 'GDRIVE', storage: 'portal' });
  });
});
