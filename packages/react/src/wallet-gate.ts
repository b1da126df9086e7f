// @backup-kit/react/wallet-gate: its own entry point, so the eager bundle of an app that does not
// use WalletGate stays as it was. Plain re-exports (no 'use client'), as in index.ts.

export { WalletGate } from './wallet-gate/wallet-gate-parts.js';
export {
  WalletGateDropIn,
  WalletGateSteps,
  type WalletGateProps,
  type WalletGateStepsProps,
} from './wallet-gate/wallet-gate.js';
export {
  WalletGateRoot,
  WalletGateRootProvider,
  type WalletGateRootProps,
  type WalletGateRootProviderProps,
} from './wallet-gate/wallet-gate-root.js';
export {
  WalletGateCreate,
  WalletGateEjected,
  WalletGateReminder,
  WalletGateRetry,
  WalletGateSkipBackup,
  WalletGateStatus,
} from './wallet-gate/wallet-gate-parts-impl.js';
export { defaultWalletGateLabels, type WalletGateLabels } from './wallet-gate/wallet-gate-labels.js';
export {
  useWalletGate,
  type UseWalletGateOptions,
  type UseWalletGateResult,
  type WalletGateActions,
} from './hooks/use-wallet-gate.js';
