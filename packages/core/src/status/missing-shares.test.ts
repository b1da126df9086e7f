import { describe, expect, it } from 'vitest';
import type { BackupStatusSummary } from '../portal/portal-calls.js';
import type { BackupMethod, ClientLike } from '../portal/portal-like.js';
import type { BackupStorage } from '../storage/backup-storage.js';
import { createFakePortal, memoryStorage } from '../testing/index.js';
import { createBackupStatusStore } from './lazy-backup-status-store.js';
import { findMissingShares } from './missing-shares.js';

const signal = () => new AbortController().signal;

/** What Portal reports: completed pairs (two per backup, one per curve) and who keeps the shares. */
function portalSays(pairs: Array<[id: string, method: BackupMethod]>, portalManaged = false): BackupStatusSummary {
  const backupSharePairs = pairs.map(([id, backupMethod]) => ({ id, backupMethod, status: 'completed' }));
  return {
    methods: [...new Set(pairs.map(([, method]) => method))],
    hasWallet: true,
    client: { environment: { backupWithPortalEnabled: portalManaged }, wallets: [{ backupSharePairs }] },
  };
}

/** The app's storage: per method, the pair ids saved beside the share ([] when none were). */
async function storageHolding(shares: Partial<Record<BackupMethod, string[]>>) {
  const storage = memoryStorage();
  for (const [backupMethod, backupSharePairIds] of Object.entries(shares)) {
    await storage.save({
      backupMethod: backupMethod as BackupMethod,
      cipherText: `ct-${backupMethod}`,
      backupSharePairIds,
      signal: signal(),
    });
  }
  return storage;
}

const PASSWORD_PAIRS: Array<[string, BackupMethod]> = [
  ['pw-secp', 'PASSWORD'],
  ['pw-ed', 'PASSWORD'],
];
// The direct-path passkey's backup: PASSWORD in Portal, its share stored as CUSTOM.
const DIRECT_PAIRS: Array<[string, BackupMethod]> = [
  ['pk-secp', 'PASSWORD'],
  ['pk-ed', 'PASSWORD'],
];

describe('which completed backups are missing from storage', () => {
  it('checks every method of a self-managed wallet, GDRIVE included (Drive keeps its key, the app its share)', async () => {
    const storage = await storageHolding({ PASSWORD: ['pw-secp', 'pw-ed'] });
    const summary = portalSays([...PASSWORD_PAIRS, ['gd-secp', 'GDRIVE']]);

    expect(await findMissingShares(summary, storage, signal())).toEqual(['GDRIVE']);
  });

  it('checks nothing when Portal keeps the shares (Portal-managed: backupWithPortalEnabled)', async () => {
    const storage = await storageHolding({});
    const summary = portalSays([...PASSWORD_PAIRS, ['gd-secp', 'GDRIVE']], true);

    expect(await findMissingShares(summary, storage, signal())).toEqual([]);
  });

  it("never flags a passkey-only user's PASSWORD: its pairs are the ones kept beside the CUSTOM share", async () => {
    const storage = await storageHolding({ CUSTOM: ['pk-secp', 'pk-ed'] });

    expect(await findMissingShares(portalSays(DIRECT_PAIRS), storage, signal())).toEqual([]);
  });

  it('flags PASSWORD when a real password backup lost its share beside a direct-path passkey', async () => {
    const storage = await storageHolding({ CUSTOM: ['pk-secp', 'pk-ed'] });

    expect(await findMissingShares(portalSays([...PASSWORD_PAIRS, ...DIRECT_PAIRS]), storage, signal())).toEqual([
      'PASSWORD',
    ]);
  });

  it('flags PASSWORD when the password backup replaced the passkey one in Portal and its share is gone', async () => {
    // One PASSWORD backup per method in Portal: the later password backup replaced the passkey's
    // pairs, so the CUSTOM share left in storage belongs to no completed pair.
    const storage = await storageHolding({ CUSTOM: ['pk-secp', 'pk-ed'] });

    expect(await findMissingShares(portalSays(PASSWORD_PAIRS), storage, signal())).toEqual(['PASSWORD']);
  });

  it('keeps both when each share has its own pairs', async () => {
    const storage = await storageHolding({ PASSWORD: ['pw-secp', 'pw-ed'], CUSTOM: ['pk-secp', 'pk-ed'] });

    expect(await findMissingShares(portalSays([...PASSWORD_PAIRS, ...DIRECT_PAIRS]), storage, signal())).toEqual([]);
  });

  it("flags a method whose stored share belongs to an older backup than Portal's completed one", async () => {
    const storage = await storageHolding({ GDRIVE: ['old-secp', 'old-ed'] });

    expect(await findMissingShares(portalSays([['new-secp', 'GDRIVE']]), storage, signal())).toEqual(['GDRIVE']);
  });

  it('without pair ids (older shares, storage without loadPairIds), any share under the method or CUSTOM counts', async () => {
    const legacy = await storageHolding({ CUSTOM: [] });
    expect(await findMissingShares(portalSays([...PASSWORD_PAIRS, ...DIRECT_PAIRS]), legacy, signal())).toEqual([]);

    const inner = await storageHolding({ CUSTOM: ['pk-secp', 'pk-ed'] });
    const loadOnly: BackupStorage = { save: inner.save, load: inner.load! };
    expect(await findMissingShares(portalSays([...PASSWORD_PAIRS, ...DIRECT_PAIRS]), loadOnly, signal())).toEqual([]);
    expect(await findMissingShares(portalSays([['gd', 'GDRIVE']]), loadOnly, signal())).toEqual(['GDRIVE']);
  });

  it('flags nothing for a method whose read failed', async () => {
    const inner = await storageHolding({ CUSTOM: ['pk-secp', 'pk-ed'] });
    const failing: BackupStorage = {
      save: inner.save,
      loadPairIds: (request) =>
        request.backupMethod === 'PASSWORD' ? Promise.reject(new Error('HTTP 503')) : inner.loadPairIds!(request),
    };

    expect(await findMissingShares(portalSays([...PASSWORD_PAIRS, ...DIRECT_PAIRS]), failing, signal())).toEqual([]);
  });

  it("the status store reads Portal's pair ids and environment from getClient", async () => {
    const portal = createFakePortal();
    const client = (backupWithPortalEnabled: boolean): ClientLike => ({
      environment: { backupWithPortalEnabled },
      wallets: [
        {
          backupSharePairs: [...PASSWORD_PAIRS, ...DIRECT_PAIRS].map(([id, backupMethod]) => ({
            id,
            backupMethod,
            status: 'completed',
          })),
        },
      ],
    });
    let managed = false;
    portal.getClient = async () => client(managed);
    const storage = await storageHolding({ CUSTOM: ['pk-secp', 'pk-ed'] });
    const status = createBackupStatusStore(portal, { storage });

    expect(await status.refresh()).toMatchObject({ state: 'ready', methods: ['PASSWORD'], missing: ['PASSWORD'] });
    managed = true;
    expect(await status.refresh()).toMatchObject({ state: 'ready', missing: [] });
  });
});
