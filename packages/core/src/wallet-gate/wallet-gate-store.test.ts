import { describe, expect, it } from 'vitest';
import { clearLocalWallet } from '../portal/portal-calls.js';
import { getPortalFacade } from '../portal.js';
import { createFakePortal } from '../testing/index.js';
import { connectWalletGate } from './connect-wallet-gate.js';
import { createWalletGateStore } from './lazy-wallet-gate-store.js';

describe('wallet gate store', () => {
  it('starts checking and asks Portal nothing until checked', () => {
    const portal = createFakePortal();
    const store = createWalletGateStore(portal);
    expect(store.getSnapshot()).toEqual({ state: 'checking' });
    expect(portal.count('getClient')).toBe(0);
  });

  it('routes a wallet on this device to the app', async () => {
    expect(await createWalletGateStore(createFakePortal()).check()).toEqual({ state: 'on-device' });
  });

  it('routes a wallet whose shares are not on this device to recovery', async () => {
    const portal = createFakePortal();
    await clearLocalWallet(getPortalFacade(portal));
    expect(await createWalletGateStore(portal).check()).toEqual({ state: 'not-on-device' });
  });

  it('creates a missing wallet with progress, then asks for the backup at once', async () => {
    const portal = createFakePortal({ wallet: { exists: false } });
    const store = createWalletGateStore(portal);
    expect(await store.check()).toEqual({ state: 'no-wallet' });
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().state));

    const done = await store.create();

    expect(done).toEqual({ state: 'backup', address: portal.address });
    expect(seen).toEqual(expect.arrayContaining(['creating', 'backup']));
    expect(portal.count('createWallet')).toBe(1);
  });

  it('creates one wallet for a double click, and none when a wallet is on the device', async () => {
    const portal = createFakePortal({ wallet: { exists: false } });
    const store = createWalletGateStore(portal);
    await store.check();
    await Promise.all([store.create(), store.create()]);
    expect(portal.count('createWallet')).toBe(1);

    const other = createWalletGateStore(portal);
    await other.check();
    expect(await other.create()).toEqual({ state: 'on-device' });
    expect(portal.count('createWallet')).toBe(1);
  });

  it('keeps a failed create retryable, and creates again on retry', async () => {
    const portal = createFakePortal({ wallet: { exists: false } });
    portal.script('createWallet', [{ error: { code: 'UNKNOWN', message: 'boom' } }]);
    const store = createWalletGateStore(portal);
    await store.check();

    const failed = await store.create();
    expect(failed).toMatchObject({ state: 'error', during: 'creating' });
    expect(connectWalletGate(failed, { portalStatus: 'ready' }).slot).toBe('create');

    expect(await store.retry()).toMatchObject({ state: 'backup' });
  });

  it('reports a failed check as an error and checks again on retry', async () => {
    const portal = createFakePortal();
    portal.script('getClient', [{ error: { code: 'UNKNOWN', message: 'offline' } }]);
    const store = createWalletGateStore(portal);

    const failed = await store.check();
    expect(failed).toMatchObject({ state: 'error', during: 'checking' });
    expect(connectWalletGate(failed, { portalStatus: 'ready' }).slot).toBe('status');

    expect(await store.retry()).toEqual({ state: 'on-device' });
  });

  it('leaves the backup for later only from the backup step', async () => {
    const portal = createFakePortal({ wallet: { exists: false } });
    const store = createWalletGateStore(portal);
    store.skipBackup();
    expect(store.getSnapshot()).toEqual({ state: 'checking' });
    await store.check();
    await store.create();
    store.skipBackup();
    expect(store.getSnapshot()).toEqual({ state: 'on-device' });
  });
});

describe('connectWalletGate', () => {
  it('shows each state in its slot with its status', () => {
    const ready = { portalStatus: 'ready' as const };
    expect(connectWalletGate({ state: 'checking' }, { portalStatus: 'loading' })).toMatchObject({
      slot: 'status',
      statusKey: 'connecting',
      busy: true,
      createBlocked: true,
    });
    expect(connectWalletGate({ state: 'no-wallet' }, ready)).toMatchObject({ slot: 'create', createBlocked: false });
    expect(connectWalletGate({ state: 'no-wallet' }, { ...ready, disabled: true }).createBlocked).toBe(true);
    expect(connectWalletGate({ state: 'creating', status: null }, ready)).toMatchObject({
      slot: 'create',
      statusKey: 'creating',
      createBlocked: true,
    });
    const progress = { status: 'Generating share', done: false };
    expect(connectWalletGate({ state: 'creating', status: progress }, ready)).toMatchObject({
      statusKey: 'progress',
      progress,
    });
    expect(connectWalletGate({ state: 'backup', address: '0x1' }, ready).slot).toBe('backup');
    expect(connectWalletGate({ state: 'not-on-device' }, ready).slot).toBe('recover');
    expect(connectWalletGate({ state: 'on-device' }, ready)).toMatchObject({ slot: 'app', statusKey: 'none' });
  });

  it('says the wallet was exported only while the app shows', () => {
    const ejectedAt = '2026-12-07T12:00:00.000Z';
    expect(connectWalletGate({ state: 'on-device' }, { portalStatus: 'ready', ejectedAt }).ejectedAt).toBe(ejectedAt);
    expect(
      connectWalletGate({ state: 'on-device' }, { portalStatus: 'ready', ejectedAt: null }).ejectedAt,
    ).toBeUndefined();
    expect(
      connectWalletGate({ state: 'not-on-device' }, { portalStatus: 'ready', ejectedAt }).ejectedAt,
    ).toBeUndefined();
  });
});
