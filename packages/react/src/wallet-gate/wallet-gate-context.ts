import type { RefObject } from 'react';
import type { BackupStorage, PortalLike, WalletGateView } from '@backup-kit/core';
import type { UseWalletGateResult } from '../hooks/use-wallet-gate.js';
import { createStrictContext } from '../internal/create-strict-context.js';
import type { WalletGateLabels } from './wallet-gate-labels.js';

/** What WalletGate's parts read. */
export interface WalletGateContextValue {
  view: WalletGateView;
  gate: UseWalletGateResult;
  labels: WalletGateLabels;
  /** The Portal given to the Root, if any (the reminder reads the backup status from it). */
  portal: PortalLike | undefined;
  /** The storage given to the Root: the default steps store and read the share there. */
  storage: BackupStorage | undefined;
  /** The root, where focus goes when the part that held it goes away. */
  rootRef: RefObject<HTMLDivElement | null>;
  statusId: string;
}

export const [WalletGateProvider, useWalletGateContext] =
  createStrictContext<WalletGateContextValue>('WalletGate.Root');
