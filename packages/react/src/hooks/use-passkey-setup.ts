'use client';
import {
  createPasskeyFlow,
  isBusy,
  passkeyOptionIssues,
  type PasskeyFlowOptions,
  type PasskeyOptionIssue,
  type PasskeySnapshot,
  type PortalLike,
} from '@backup-kit/core';
import type { PortalStatus } from '../provider/backup-kit-context.js';
import { BACKUP_OPTION_KEYS } from './use-backup.js';
import { useFlowStore } from './use-flow-store.js';
import { useProviderPasskey } from './use-provider-passkey.js';

export interface UsePasskeySetupOptions extends Omit<PasskeyFlowOptions, 'passkey'> {
  /** The custom-domain options; @default the provider's `passkey` */
  passkey?: PasskeyFlowOptions['passkey'] | undefined;
  /** Use this Portal instead of the provider's. */
  portal?: PortalLike | undefined;
}

/** Every option of usePasskeySetup, to tell them apart from DOM props: useBackup's, but the method, and its own. */
export const PASSKEY_OPTION_KEYS: ReadonlyArray<keyof UsePasskeySetupOptions> = [
  ...BACKUP_OPTION_KEYS.filter((key) => key !== 'method'),
  'passkey',
  'passkeyWindow',
  'pageOrigin',
  'path',
  'loadDirectPath',
  'isSupported',
  'onRegistered',
] satisfies ReadonlyArray<keyof UsePasskeySetupOptions>;

export interface PasskeySetupActions {
  portalStatus: PortalStatus;
  /** Registering the passkey, backing up, storing or notifying. */
  isBusy: boolean;
  /** Invalid custom-domain options, all of them (empty otherwise). */
  issues: PasskeyOptionIssue[];
  start: () => Promise<PasskeySnapshot>;
  retry: () => Promise<PasskeySnapshot>;
  reset: () => void;
}

export type UsePasskeySetupResult = PasskeySnapshot & PasskeySetupActions;

const CHECKING: PasskeySnapshot = { state: 'checking' };
const NO_OPTIONS = { customDomain: '', relyingPartyId: '', relyingPartyName: '' };

/** Creates a passkey, then backs up under it; read as React state. */
export function usePasskeySetup(options: UsePasskeySetupOptions): UsePasskeySetupResult {
  const { portal, ...given } = options;
  // Neither here nor on the provider: an empty set, which the check reports field by field.
  const withProvider = useProviderPasskey(given);
  const flowOptions = withProvider.passkey
    ? (withProvider as PasskeyFlowOptions)
    : { ...withProvider, passkey: NO_OPTIONS };
  const {
    snapshot,
    flow: _flow,
    ...actions
  } = useFlowStore<PasskeySnapshot, PasskeyFlowOptions, { signal?: AbortSignal }>(
    createPasskeyFlow,
    flowOptions,
    portal,
    CHECKING,
  );
  return { ...snapshot, ...actions, isBusy: isBusy(snapshot), issues: passkeyOptionIssues(snapshot) };
}
