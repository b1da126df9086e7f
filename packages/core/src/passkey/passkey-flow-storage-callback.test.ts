import { describe, expect, it } from 'vitest';
import { backupWallet } from '../portal/portal-calls.js';
import type { SaveBackupRequest } from '../storage/backup-storage.js';
import { createFakePortal, memoryStorage, type FakePortal, type MemoryStorage } from '../testing/index.js';
import { createPasskeyFlow } from './eager-passkey-flow.js';
import type { DirectPasskeyPath } from './passkey-flow.js';

const passkey = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example',
};
const pageOrigin = 'https://app.example.com';
const supported = async () => true;

/** Records, in order, each save and each storageCallback call; the first `failures` callbacks reject. */
function recorder(storage: MemoryStorage, failures = 0) {
  const events: string[] = [];
  const saves: SaveBackupRequest[] = [];
  const save = storage.save.bind(storage);
  storage.save = async (request) => {
    await save(request);
    saves.push(request);
    events.push('saved');
  };
  const wrap = (inner: (() => Promise<void>) | undefined) => async () => {
    events.push('storageCallback');
    if (events.filter((e) => e === 'storageCallback').length <= failures) throw new Error('setBackupStatus failed');
    await inner?.();
  };
  return { events, saves, wrap };
}

/** The direct path's shape (a PASSWORD backup in Portal, stored as CUSTOM) over the fake's backupWallet. */
function directDriver(wrap: (inner: (() => Promise<void>) | undefined) => () => Promise<void>): DirectPasskeyPath {
  return {
    register: async () => {},
    backUp: async ({ facade }) => {
      const { cipherText, storageCallback } = await backupWallet(facade, { method: 'PASSWORD', password: 'k3y-k3y' });
      return { cipherText, portalMethod: 'PASSWORD', storageCallback: wrap(storageCallback) };
    },
  };
}

function directFlow(portal: FakePortal, storage: MemoryStorage, driver: DirectPasskeyPath) {
  return createPasskeyFlow(portal, {
    passkey: { ...passkey, usePopup: false },
    pageOrigin,
    storage,
    isSupported: supported,
    loadDirectPath: async () => driver,
  });
}

const pairStatus = async (portal: FakePortal) =>
  (await portal.getClient!())?.wallets?.[0]?.backupSharePairs?.map((p) => `${p.backupMethod}:${p.status}`);

describe('passkey paths that make the backup themselves: pair ids and storageCallback', () => {
  it("direct path: sends Portal's pair ids beside the share, then calls storageCallback once, after the store", async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    const { events, saves, wrap } = recorder(storage);

    expect((await directFlow(portal, storage, directDriver(wrap)).start()).state).toBe('success');

    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ backupMethod: 'CUSTOM', backupSharePairIds: ['pair-0'] });
    expect(events).toEqual(['saved', 'storageCallback']);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
    expect(await pairStatus(portal)).toEqual(['PASSWORD:completed']);
  });

  it('direct path: a failed storageCallback is retried alone, without a new MPC backup or a new save', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    const { events, wrap } = recorder(storage, 1);
    const flow = directFlow(portal, storage, directDriver(wrap));

    const failed = await flow.start();
    expect(failed.state === 'error' && failed.error).toMatchObject({ code: 'NOTIFY_FAILED', stage: 'notifying' });
    expect(portal.notifications).toEqual([]);

    expect((await flow.retry()).state).toBe('success');
    expect(events).toEqual(['saved', 'storageCallback', 'storageCallback']);
    expect(portal.count('backupWallet')).toBe(1);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  it('direct path: a failed store calls no storageCallback; the retry stores the same share, then calls it once', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage({ saves: [{ throw: new Error('HTTP 503') }] });
    const { events, saves, wrap } = recorder(storage);
    const flow = directFlow(portal, storage, directDriver(wrap));

    expect((await flow.start()).state).toBe('error');
    expect(events).toEqual([]);

    expect((await flow.retry()).state).toBe('success');
    expect(events).toEqual(['saved', 'storageCallback']);
    expect(saves[0]).toMatchObject({ cipherText: portal.cipherTexts[0], backupSharePairIds: ['pair-0'] });
    expect(portal.count('backupWallet')).toBe(1);
  });

  it("seed path: reads the CUSTOM pair ids for storage, and calls the SDK's storageCallback when it gives one", async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const storage = memoryStorage();
    const { events, saves, wrap } = recorder(storage);
    const generate = portal.generateBackupShare!.bind(portal);
    portal.generateBackupShare = async (progress) => ({
      ...(await generate(progress)),
      storageCallback: wrap(undefined),
    });

    const flow = createPasskeyFlow(portal, { passkey, pageOrigin, storage, isSupported: supported });
    expect((await flow.start()).state).toBe('success');

    expect(saves[0]).toMatchObject({ backupMethod: 'CUSTOM', backupSharePairIds: ['pair-0'] });
    expect(events).toEqual(['saved', 'storageCallback']);
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'CUSTOM' }]);
  });
});
