import { WalletGateDropIn, WalletGateSteps } from './wallet-gate.js';
import { WalletGateRoot, WalletGateRootProvider } from './wallet-gate-root.js';
import {
  WalletGateCreate,
  WalletGateEjected,
  WalletGateReminder,
  WalletGateRetry,
  WalletGateSkipBackup,
  WalletGateStatus,
} from './wallet-gate-parts-impl.js';

/**
 * `<WalletGate.Root>` and its parts, or `<WalletGate.DropIn />` for the whole component. A plain
 * object in a module without 'use client': in a React Server Component each member is a client
 * reference.
 */
export const WalletGate = {
  DropIn: WalletGateDropIn,
  Root: WalletGateRoot,
  RootProvider: WalletGateRootProvider,
  Steps: WalletGateSteps,
  Status: WalletGateStatus,
  Create: WalletGateCreate,
  Retry: WalletGateRetry,
  SkipBackup: WalletGateSkipBackup,
  Reminder: WalletGateReminder,
  Ejected: WalletGateEjected,
};
