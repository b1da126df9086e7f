import type { RefObject } from 'react';
import type { ExportView } from '@backup-kit/core';
import type { UseExportWalletResult } from '../hooks/use-export-wallet.js';
import { createStrictContext } from '../internal/create-strict-context.js';
import type { ExportWalletLabels } from './export-wallet-labels.js';

/** What ExportWallet's parts read. */
export interface ExportWalletContextValue {
  view: ExportView;
  exportWallet: UseExportWalletResult;
  labels: ExportWalletLabels;
  /** The key is on screen: Reveal was pressed while it is here. */
  shown: boolean;
  show: () => void;
  /** What the last copy did, announced by the status line until the state changes. */
  copy: 'idle' | 'copied' | 'failed';
  setCopy: (outcome: 'copied' | 'failed') => void;
  /** The password input (PASSWORD backups): read at confirm, never kept in React state. */
  passwordRef: RefObject<HTMLInputElement | null>;
  ids: { status: string; warning: string; password: string };
}

export const [ExportWalletProvider, useExportWalletContext] =
  createStrictContext<ExportWalletContextValue>('ExportWallet.Root');
