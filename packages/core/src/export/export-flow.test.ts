import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupKitError } from '../errors.js';
import type { PortalLike } from '../portal/portal-like.js';
import { connectExport } from './connect-export.js';
import { createExportFlow } from './lazy-export-flow.js';
import { httpCustodianShare } from './http-custodian-share.js';

const KEY = 'a1'.repeat(32);

function portalWithEject(eject: PortalLike['eject']) {
  const calls: unknown[][] = [];
  const portal: PortalLike = {
    ready: true,
    onReady: () => {},
    backupWallet: () => Promise.reject(new Error('unused')),
    recoverWallet: () => Promise.reject(new Error('unused')),
    storedClientBackupShare: () => Promise.resolve(),
    getClient: () => Promise.resolve({ id: 'client-1' }),
    eject: (...args) => {
      calls.push(args);
      return eject!(...args);
    },
  };
  return { portal, calls };
}

const selfManaged = () => {
  const load = vi.fn(async () => 'stored-cipher-text');
  const share = vi.fn(async () => 'custodian-share');
  return { storage: { save: async () => {}, load }, custodianShare: { load: share }, load, share };
};

afterEach(() => vi.useRealTimers());

describe('the export flow', () => {
  it('fetches nothing before the explicit confirmation, then exports with the stored cipherText and the custodian share', async () => {
    const { portal, calls } = portalWithEject(async () => ({ SECP256K1: KEY }));
    const sources = selfManaged();
    const flow = createExportFlow(portal, sources);
    flow.request('PASSWORD');
    expect(flow.getSnapshot()).toEqual({ state: 'confirming', method: 'PASSWORD' });
    expect(sources.load).not.toHaveBeenCalled();
    expect(sources.share).not.toHaveBeenCalled();

    const done = await flow.confirm({ password: 'correct horse' });
    expect(done).toMatchObject({ state: 'revealed', keys: { SECP256K1: KEY } });
    expect(calls).toEqual([
      ['PASSWORD', { passwordStorage: { password: 'correct horse' } }, 'custodian-share', 'stored-cipher-text'],
    ]);
    expect(sources.share).toHaveBeenCalledWith(
      expect.objectContaining({ backupMethod: 'PASSWORD', clientId: 'client-1' }),
    );
    expect(connectExport(done, { portalStatus: 'ready' })).toMatchObject({ keyVisible: true, blocked: true });
  });

  it('clears the key on hide, on the timer, on reset and on dispose', async () => {
    vi.useFakeTimers();
    const { portal } = portalWithEject(async () => ({ SECP256K1: KEY }));
    const flow = createExportFlow(portal, { revealMs: 1000 });
    const hasKey = () => JSON.stringify(flow.getSnapshot()).includes(KEY);

    flow.request('PASSWORD');
    await flow.confirm({ password: 'pw12' });
    expect(hasKey()).toBe(true);
    flow.hide();
    expect(flow.getSnapshot()).toEqual({ state: 'hidden', method: 'PASSWORD' });

    flow.request('PASSWORD');
    await flow.confirm({ password: 'pw12' });
    vi.advanceTimersByTime(1000);
    expect(flow.getSnapshot().state).toBe('hidden');
    expect(hasKey()).toBe(false);

    flow.request('PASSWORD');
    await flow.confirm({ password: 'pw12' });
    flow.reset();
    expect(flow.getSnapshot()).toEqual({ state: 'idle' });

    flow.request('PASSWORD');
    await flow.confirm({ password: 'pw12' });
    flow.dispose();
    expect(hasKey()).toBe(false);
  });

  it('is refused, not errored, when the server will not release the custodian share, and keeps no secret in the error', async () => {
    const { portal, calls } = portalWithEject(async () => ({ SECP256K1: KEY }));
    const sources = selfManaged();
    sources.share.mockRejectedValueOnce(new BackupKitError('EXPORT_REFUSED', { stage: 'loading' }));
    const flow = createExportFlow(portal, sources);
    flow.request('PASSWORD');
    const refused = await flow.confirm({ password: 'secret-password' });
    expect(refused).toMatchObject({ state: 'refused', error: { code: 'EXPORT_REFUSED' } });
    expect(calls).toEqual([]);
    expect(JSON.stringify(refused)).not.toContain('secret-password');
    expect(connectExport(refused, { portalStatus: 'ready' }).statusKey).toBe('refused');
  });

  it('reports a wrong password as WRONG_PASSWORD and can be confirmed again', async () => {
    let attempts = 0;
    const { portal } = portalWithEject(async () => {
      attempts += 1;
      if (attempts === 1) throw Object.assign(new Error('Failed to decrypt'), { code: 407 });
      return { SECP256K1: KEY };
    });
    const flow = createExportFlow(portal);
    flow.request('PASSWORD');
    expect(await flow.confirm({ password: 'wrong' })).toMatchObject({
      state: 'error',
      error: { code: 'WRONG_PASSWORD' },
    });
    expect((await flow.confirm({ password: 'right' })).state).toBe('revealed');
  });

  it('refuses to export a self-managed backup without a custodian share source', async () => {
    const { portal, calls } = portalWithEject(async () => ({ SECP256K1: KEY }));
    const flow = createExportFlow(portal, { storage: selfManaged().storage });
    flow.request('PASSWORD');
    expect(await flow.confirm()).toMatchObject({ state: 'error', error: { code: 'NOT_SUPPORTED' } });
    expect(calls).toEqual([]);
  });
});

describe('the export flow with passkey backups', () => {
  it('unlocks a direct-path passkey backup (stored as CUSTOM) and exports it as the PASSWORD backup Portal knows', async () => {
    const { portal, calls } = portalWithEject(async () => ({ SECP256K1: KEY }));
    const sources = selfManaged();
    const unlock = vi.fn(async () => ({ method: 'PASSWORD' as const, password: 'vault-key' }));
    const flow = createExportFlow(portal, { ...sources, unlock });
    flow.request('CUSTOM');
    expect((await flow.confirm()).state).toBe('revealed');
    expect(sources.load).toHaveBeenCalledWith(expect.objectContaining({ backupMethod: 'CUSTOM' }));
    expect(sources.share).toHaveBeenCalledWith(expect.objectContaining({ backupMethod: 'PASSWORD' }));
    expect(calls).toEqual([
      ['PASSWORD', { passwordStorage: { password: 'vault-key' } }, 'custodian-share', 'stored-cipher-text'],
    ]);
  });

  it('opens Portal’s passkey window inside confirm, before any await, for a PASSKEY export', async () => {
    const open = vi.fn(() => null);
    vi.stubGlobal('window', { open });
    try {
      const { portal, calls } = portalWithEject(async () => ({ SECP256K1: KEY }));
      const flow = createExportFlow(portal, { passkeyWindow: { url: 'https://portal.test/passkey' } });
      // The flow's code is a chunk requested at creation; a user's confirm comes after it is in.
      await import('./export-flow.js');
      await new Promise((resolve) => setTimeout(resolve, 0));
      flow.request('PASSKEY');
      const done = flow.confirm();
      expect(open).toHaveBeenCalledTimes(1);
      expect((await done).state).toBe('revealed');
      expect(calls).toEqual([['PASSKEY', {}, '', '']]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads its sources from the latest options (setOptions)', async () => {
    const { portal } = portalWithEject(async () => ({ SECP256K1: KEY }));
    const flow = createExportFlow(portal, {});
    const sources = selfManaged();
    flow.setOptions(sources);
    flow.request('PASSWORD');
    await flow.confirm({ password: 'pw12' });
    expect(sources.load).toHaveBeenCalledTimes(1);
  });
});

describe('httpCustodianShare', () => {
  const answering = (status: number, body: unknown) =>
    vi.fn(async (..._args: unknown[]) => Response.json(body, { status }));

  it('POSTs the method and client in the body, never in the URL, and returns the share', async () => {
    const fetch = answering(200, { backupMethod: 'PASSWORD', share: 'the-share' });
    const source = httpCustodianShare({ url: 'https://api.test/users/u1/custodian-backup-share/export', fetch });
    const share = await source.load({ backupMethod: 'PASSWORD', clientId: 'c1', signal: new AbortController().signal });
    expect(share).toBe('the-share');
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('https://api.test/users/u1/custodian-backup-share/export');
    expect(JSON.parse(String(init.body))).toEqual({ backupMethod: 'PASSWORD', clientId: 'c1' });
  });

  it('tells a refused export (401, 403, no export route) from a missing share', async () => {
    const load = (status: number, body: unknown) =>
      httpCustodianShare({ url: 'https://api.test/x', fetch: answering(status, body) })
        .load({ backupMethod: 'PASSWORD', clientId: 'c1', signal: new AbortController().signal })
        .catch((error: BackupKitError) => error.code);
    expect(await load(403, { error: 'export_not_authorized' })).toBe('EXPORT_REFUSED');
    expect(await load(401, { error: 'unauthenticated' })).toBe('EXPORT_REFUSED');
    expect(await load(404, null)).toBe('EXPORT_REFUSED');
    // The server's answer for a route it does not have (started without authorizeExport).
    expect(await load(404, { error: 'not_found', message: 'no such route' })).toBe('EXPORT_REFUSED');
    expect(await load(404, { error: 'no_custodian_share' })).toBe('NO_BACKUP_FOUND');
    expect(await load(500, { error: 'x' })).toBe('EXPORT_FAILED');
  });
});
