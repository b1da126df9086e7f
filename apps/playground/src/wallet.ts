import { useCallback, useEffect, useRef, useState } from 'react';
import { toBackupKitError, type BackupKitError, type ClientLike, type PortalFacade } from '@backup-kit/core';
import { clearLocalWallet, getPortalFacade } from '@backup-kit/core/portal';
import { useBackupKit } from '@backup-kit/react';
import { useWalletGate, type UseWalletGateResult } from '@backup-kit/react/wallet-gate';

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
  /**
   * Where the wallet is, as the kit's WalletGate routes it: `backup` right after it was created
   * here, `on-device`, `not-on-device`… The page shows its steps by it.
   */
  gate: UseWalletGateResult;
  /** Reads again whether the user has a wallet and whether this device holds it (or retries what failed). */
  refresh: () => Promise<void>;
  create: () => Promise<void>;
  /** Forgets the wallet on this device (Portal's clearLocalWallet): "lose the device". */
  lose: () => Promise<void>;
}

const STATUS_CALL = { kind: 'getClient', stage: 'status', fallback: 'UNKNOWN', limit: 'callMs' } as const;

function addressOf(client: ClientLike | null | undefined): string {
  return client?.metadata?.namespaces?.eip155?.address || client?.address || '';
}

/** On the facade's getClient queue: @portal-hq/web 3.4.1 hands concurrent same-type calls one reply. */
async function readAddress(facade: PortalFacade): Promise<string> {
  return addressOf(await facade.call(STATUS_CALL, {}, async () => (await facade.portal.getClient?.()) ?? null));
}

/**
 * The wallet over the kit's WalletGate (`useWalletGate`): the gate decides whether there is a
 * wallet and whether it is on this device, and creates it; the page adds its address and the
 * loss of the device.
 */
export function useWallet(): Wallet {
  const kit = useBackupKit();
  const gate = useWalletGate();
  const facade = kit.status === 'ready' && kit.portal ? getPortalFacade(kit.portal) : null;
  const [address, setAddress] = useState<string | null>(null);
  const [losing, setLosing] = useState(false);
  const [failure, setFailure] = useState<BackupKitError | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // The address, once the gate knows there is a wallet (a new one brings its own).
  const exists = gate.state === 'backup' || gate.state === 'on-device' || gate.state === 'not-on-device';
  const created = gate.state === 'backup' ? gate.address : null;
  // A wallet created here brings its address: kept as the page's, so nothing is read again.
  if (created && created !== address) setAddress(created);
  useEffect(() => {
    if (created || !facade || !exists) return;
    readAddress(facade).then(
      (read) => live.current && setAddress(read),
      (error: unknown) => live.current && setFailure(toBackupKitError(error, 'status')),
    );
  }, [facade, exists, created]);

  const { check, retry, create: createWallet } = gate;
  const refresh = useCallback(async () => {
    setFailure(null);
    await (gate.state === 'error' ? retry() : check());
  }, [gate.state, check, retry]);

  const create = useCallback(async () => {
    await createWallet();
  }, [createWallet]);

  const lose = useCallback(async () => {
    if (!facade || gate.state === 'not-on-device') return;
    setLosing(true);
    try {
      await clearLocalWallet(facade);
      await check();
    } catch (error) {
      if (live.current) setFailure(toBackupKitError(error, 'status'));
    } finally {
      if (live.current) setLosing(false);
    }
  }, [facade, gate.state, check]);

  // The gate checks again after every kit backup and recovery: meanwhile the page keeps showing
  // what it knew, so the backup forms stay mounted with their outcome.
  const next = snapshotOf(gate, { connected: !!facade, address, losing, failure });
  const [settled, setSettled] = useState<WalletSnapshot | null>(null);
  if (gate.state !== 'checking' && keyOf(next) !== keyOf(settled)) setSettled(keyOf(next) ? next : null);
  const snapshot = next.state === 'checking' && gate.state === 'checking' && settled ? settled : next;

  return { snapshot, gate, refresh, create, lose };
}

/** A wallet the page knows the place of, as a comparable key ('' for anything else). */
function keyOf(snapshot: WalletSnapshot | null): string {
  return snapshot?.state === 'on-device' || snapshot?.state === 'lost' ? `${snapshot.state}:${snapshot.address}` : '';
}

function snapshotOf(
  gate: UseWalletGateResult,
  page: { connected: boolean; address: string | null; losing: boolean; failure: BackupKitError | null },
): WalletSnapshot {
  const { address } = page;
  if (!page.connected) return { state: 'connecting' };
  if (page.failure) return { state: 'error', error: page.failure };
  if (page.losing && address) return { state: 'losing', address };
  switch (gate.state) {
    case 'checking':
      return { state: 'checking' };
    case 'no-wallet':
      return { state: 'none' };
    case 'creating':
      return { state: 'creating', status: gate.status?.status ?? null };
    case 'backup':
      return { state: 'on-device', address: gate.address };
    case 'on-device':
      return address === null ? { state: 'checking' } : { state: 'on-device', address };
    case 'not-on-device':
      return address === null ? { state: 'checking' } : { state: 'lost', address };
    case 'error':
      return { state: 'error', error: gate.error };
  }
}
