import { useCallback, useEffect, useRef, useState } from 'react';
import {
  clearLocalWallet,
  createWallet,
  getPortalFacade,
  toBackupKitError,
  type BackupKitError,
  type ClientLike,
  type PortalFacade,
} from '@backup-kit/core';
import { useBackupKit } from '@backup-kit/react';

/** This device and the user's wallet, as the playground shows it (also on the DOM as `data-state`). */
export type WalletSnapshot =
  | { state: 'connecting' }
  | { state: 'checking' }
  | { state: 'none' }
  | { state: 'creating'; status: string | null }
  | { state: 'on-device'; address: string }
  | { state: 'losing'; address: string }
  | { state: 'lost'; address: string }
  | { state: 'error'; error: BackupKitError };

export interface Wallet {
  snapshot: WalletSnapshot;
  /** Reads again whether the user has a wallet and whether this device holds it. */
  refresh: () => Promise<void>;
  create: () => Promise<void>;
  /** Forgets the wallet on this device (Portal's clearLocalWallet): "lose the device". */
  lose: () => Promise<void>;
}

const STATUS_CALL = { kind: 'getClient', stage: 'status', fallback: 'UNKNOWN', limit: 'callMs' } as const;

function addressOf(client: ClientLike | null | undefined): string {
  return client?.metadata?.namespaces?.eip155?.address || client?.address || '';
}

/**
 * getClient and then isWalletOnDevice (which itself sends getClient): both on the facade's
 * getClient queue, because @portal-hq/web 3.4.1 hands concurrent same-type calls one reply.
 */
async function readWallet(facade: PortalFacade): Promise<WalletSnapshot> {
  const client = await facade.call(STATUS_CALL, {}, async () => (await facade.portal.getClient?.()) ?? null);
  const hasWallet = (client?.wallets?.length ?? 0) > 0;
  if (!hasWallet) return { state: 'none' };
  const onDevice = await facade.call(STATUS_CALL, {}, async () => (await facade.portal.isWalletOnDevice?.()) ?? false);
  const address = addressOf(client);
  return onDevice ? { state: 'on-device', address } : { state: 'lost', address };
}

export function useWallet(): Wallet {
  const kit = useBackupKit();
  const facade = kit.status === 'ready' && kit.portal ? getPortalFacade(kit.portal) : null;
  const [snapshot, setSnapshot] = useState<WalletSnapshot>({ state: 'connecting' });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const set = useCallback((next: WalletSnapshot) => {
    if (live.current) setSnapshot(next);
  }, []);

  const refresh = useCallback(async () => {
    if (!facade) return;
    try {
      set(await readWallet(facade));
    } catch (error) {
      set({ state: 'error', error: toBackupKitError(error, 'status') });
    }
  }, [facade, set]);

  useEffect(() => {
    if (!facade) return;
    set({ state: 'checking' });
    void refresh();
  }, [facade, refresh, set]);

  const create = useCallback(async () => {
    if (!facade) return;
    set({ state: 'creating', status: null });
    try {
      await createWallet(facade, { onProgress: ({ status }) => set({ state: 'creating', status }) });
      await refresh();
    } catch (error) {
      set({ state: 'error', error: toBackupKitError(error, 'backing-up') });
    }
  }, [facade, refresh, set]);

  const lose = useCallback(async () => {
    if (!facade || snapshot.state !== 'on-device') return;
    set({ state: 'losing', address: snapshot.address });
    try {
      await clearLocalWallet(facade);
      await refresh();
    } catch (error) {
      set({ state: 'error', error: toBackupKitError(error, 'status') });
    }
  }, [facade, refresh, set, snapshot]);

  return { snapshot: facade ? snapshot : { state: 'connecting' }, refresh, create, lose };
}
