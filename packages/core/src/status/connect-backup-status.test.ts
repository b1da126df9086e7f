import { describe, expect, it } from 'vitest';
import { createFakePortal } from '../testing/fake-portal.js';
import { createBackupStatusStore } from './lazy-backup-status-store.js';
import { connectBackupStatus } from './connect-backup-status.js';

const ready = { portalStatus: 'ready' } as const;
const methods = ['PASSWORD', 'PASSKEY', 'GDRIVE'] as const;

describe('connectBackupStatus', () => {
  it('sums up the listed methods that are backed up, counting a direct-path passkey (CUSTOM) as PASSKEY', () => {
    const known = { methods: ['PASSWORD', 'CUSTOM'] as const, hasWallet: true };
    const view = connectBackupStatus(
      { state: 'ready', methods: ['PASSWORD', 'CUSTOM'], hasWallet: true },
      {
        ...ready,
        methods,
        known: { ...known, methods: [...known.methods] },
      },
    );
    expect(view).toMatchObject({ state: 'ready', statusKey: 'summary', backedUp: ['PASSWORD', 'PASSKEY'] });
    // Listing CUSTOM itself keeps it apart.
    const apart = connectBackupStatus(
      { state: 'ready', methods: ['CUSTOM'], hasWallet: true },
      {
        ...ready,
        methods: ['PASSKEY', 'CUSTOM'],
        known: { methods: ['CUSTOM'], hasWallet: true },
      },
    );
    expect(apart.backedUp).toEqual(['CUSTOM']);
  });

  it('names the methods Portal counts when none of them is listed, so the summary never names nothing', () => {
    const view = connectBackupStatus(
      { state: 'ready', methods: ['UNKNOWN'], hasWallet: true },
      { ...ready, methods, known: { methods: ['UNKNOWN'], hasWallet: true } },
    );
    expect(view).toMatchObject({ state: 'ready', statusKey: 'summary', backedUp: ['UNKNOWN'] });
    expect(view.isBackedUp('PASSWORD')).toBe(false);
  });

  it('is empty when nothing is backed up, and says so when there is no wallet at all', () => {
    expect(
      connectBackupStatus(
        { state: 'ready', methods: [], hasWallet: true },
        {
          ...ready,
          methods,
          known: { methods: [], hasWallet: true },
        },
      ),
    ).toMatchObject({ state: 'empty', empty: true, statusKey: 'empty' });
    expect(
      connectBackupStatus(
        { state: 'ready', methods: [], hasWallet: false },
        {
          ...ready,
          methods,
          known: { methods: [], hasWallet: false },
        },
      ).statusKey,
    ).toBe('noWallet');
  });

  it('blocks refresh while it reads, and says it connects while Portal loads', () => {
    expect(
      connectBackupStatus({ state: 'loading' }, { portalStatus: 'loading', methods, known: undefined }),
    ).toMatchObject({ blocked: true, connecting: true, statusKey: 'connecting' });
    expect(connectBackupStatus({ state: 'loading' }, { ...ready, methods, known: undefined }).statusKey).toBe(
      'loading',
    );
  });

  it('reads ejectedAt from getClient through the store, and shows it in the view', async () => {
    const portal = createFakePortal();
    const status = createBackupStatusStore(portal);
    expect(await status.refresh()).not.toHaveProperty('ejectedAt');
    const { cipherText } = await portal.backupWallet('GDRIVE');
    await portal.eject!('GDRIVE', {}, 'share', cipherText);
    const snapshot = await status.refresh();
    if (snapshot.state !== 'ready') throw new Error('not ready');
    expect(Date.parse(snapshot.ejectedAt ?? '')).not.toBeNaN();
    expect(connectBackupStatus(snapshot, { ...ready, methods, known: snapshot }).ejectedAt).toBe(snapshot.ejectedAt);
  });
});
